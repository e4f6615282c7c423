using System.Numerics;
using OptGen.Data;
using OptGen.Models;

namespace OptGen.Training;

/// <summary>Measures a model on a dataset.</summary>
public static class Evaluation
{
    /// <summary>The model's loss over all of <paramref name="data"/>.</summary>
    public static T Loss<T, TModel>(TModel model, ReadOnlySpan<T> parameters, Dataset<T> data)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TModel : IModel<T>
    {
        if (model is null)
        {
            throw new ArgumentNullException(nameof(model)); // not ThrowIfNull(object): that would box a struct model
        }

        ArgumentNullException.ThrowIfNull(data);
        return model.ComputeLoss(parameters, data.All);
    }

    /// <summary>
    /// The fraction of rows whose output falls on the same side of <paramref name="threshold"/> as the target
    /// (for a classifier with a sigmoid output: predicted probability ≥ ½ ⇔ target 1).
    /// </summary>
    public static double Accuracy<T, TModel>(TModel model, ReadOnlySpan<T> parameters, Dataset<T> data, double threshold = 0.5)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TModel : IModel<T>
    {
        if (model is null)
        {
            throw new ArgumentNullException(nameof(model)); // not ThrowIfNull(object): that would box a struct model
        }

        ArgumentNullException.ThrowIfNull(data);
        return AccuracyOf(model, parameters, data, threshold);
    }

    /// <summary>
    /// <see cref="Accuracy"/> without the null check, for the trainer's per-epoch evaluation: unoptimized
    /// (tier-0) code boxes a struct model for <c>model is null</c>, which would allocate once per epoch.
    /// </summary>
    internal static double AccuracyOf<T, TModel>(TModel model, ReadOnlySpan<T> parameters, Dataset<T> data, double threshold = 0.5)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TModel : IModel<T>
    {
        T cut = T.CreateChecked(threshold);
        int correct = 0;
        for (int i = 0; i < data.Count; i++)
        {
            bool predicted = model.Predict(parameters, data.Features(i)) >= cut;
            bool actual = data.Target(i) >= cut;
            correct += predicted == actual ? 1 : 0;
        }

        return (double)correct / data.Count;
    }

    /// <summary>
    /// What a trainer records and reports after epoch <paramref name="epoch"/>: the loss over the whole training set,
    /// and over the validation set with its accuracy (a classifier's) when there is one.
    /// </summary>
    internal static EpochReport AfterEpoch<T, TModel>(
        TModel model, ReadOnlySpan<T> parameters, Dataset<T> train, Dataset<T>? validation, int epoch, int epochs, long steps, double learningRate)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TModel : IModel<T>
    {
        double trainLoss = double.CreateChecked(model.ComputeLoss(parameters, train.All));
        double validationLoss = double.NaN, accuracy = double.NaN;
        if (validation is not null)
        {
            validationLoss = double.CreateChecked(model.ComputeLoss(parameters, validation.All));
            if (model.OutputActivation == Activation.Sigmoid)
            {
                accuracy = AccuracyOf<T, TModel>(model, parameters, validation);
            }
        }

        return new EpochReport(epoch, epochs, steps, trainLoss, validationLoss, accuracy, learningRate);
    }
}

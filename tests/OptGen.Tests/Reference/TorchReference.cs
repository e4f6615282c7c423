using System.Numerics;
using TorchSharp;
using TorchSharp.Modules;
using OptGen.Reference;
using static TorchSharp.torch;

namespace OptGen.Tests.Reference;

/// <summary>Runs TorchSharp's torch.optim optimizers (libtorch underneath) as the reference for generated ones.</summary>
internal static class TorchReference
{
    /// <summary>
    /// Creates the torch.optim optimizer that <paramref name="options"/> describes over <paramref name="parameters"/>,
    /// passing every hyperparameter explicitly.
    /// </summary>
    /// <remarks>
    /// TorchSharp 0.107.0's Adagrad has no <c>maximize</c> argument; PyTorch's Adagrad with maximize negates the
    /// gradient first, which <see cref="Trajectory{T}"/> and <see cref="TorchNeuron"/> do for it (see
    /// <see cref="NegatesGradientForMaximize"/>).
    /// </remarks>
    public static optim.Optimizer Create(TorchOptimizerOptions options, IEnumerable<Parameter> parameters)
    {
        TorchSharpNative.EnsureLoaded();
        return options.Kind switch
        {
            Kind.Sgd => optim.SGD(parameters, options.LearningRate, momentum: 0.0, dampening: 0.0,
                weight_decay: options.WeightDecay, nesterov: false, maximize: options.Maximize),
            Kind.Momentum => optim.SGD(parameters, options.LearningRate, momentum: options.Momentum,
                dampening: options.Dampening, weight_decay: options.WeightDecay, nesterov: false, maximize: options.Maximize),
            Kind.Nesterov => optim.SGD(parameters, options.LearningRate, momentum: options.Momentum,
                dampening: options.Dampening, weight_decay: options.WeightDecay, nesterov: true, maximize: options.Maximize),
            Kind.Adagrad => optim.Adagrad(parameters, lr: options.LearningRate, lr_decay: options.LrDecay,
                weight_decay: options.WeightDecay, initial_accumulator_value: options.InitialAccumulatorValue, eps: options.Epsilon),
            Kind.RMSProp => optim.RMSProp(parameters, lr: options.LearningRate, alpha: options.Alpha, eps: options.Epsilon,
                weight_decay: options.WeightDecay, momentum: options.Momentum, centered: options.Centered, maximize: options.Maximize),
            Kind.Adam => optim.Adam(parameters, lr: options.LearningRate, beta1: options.Beta1, beta2: options.Beta2,
                eps: options.Epsilon, weight_decay: options.WeightDecay, amsgrad: options.Amsgrad, maximize: options.Maximize),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Kind, "No torch reference for this kind."),
        };
    }

    /// <summary>
    /// Whether the torch optimizer of <paramref name="options"/> must be fed −g to act as torch's <c>maximize=True</c>
    /// (PyTorch's Adagrad starts with <c>grad = -grad</c> when maximizing; TorchSharp's lacks the flag).
    /// </summary>
    public static bool NegatesGradientForMaximize(TorchOptimizerOptions options) =>
        options.Maximize && options.Kind == Kind.Adagrad;

    /// <summary>
    /// Steps the torch optimizer of <paramref name="options"/> over one tensor that starts at <paramref name="initial"/>,
    /// setting <c>.grad</c> to <c>gradients[t]</c> before step t, and returns the parameters after every step.
    /// </summary>
    /// <param name="learningRateAtStep">If given, the learning rate of step t (0-based), set on the param group before it.</param>
    public static T[][] Trajectory<T>(
        TorchOptimizerOptions options,
        T[] initial,
        IReadOnlyList<T[]> gradients,
        Func<int, double>? learningRateAtStep = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        TorchSharpNative.EnsureLoaded();
        bool negate = NegatesGradientForMaximize(options);
        using var parameter = new Parameter(ToTensor(initial), requires_grad: true);
        using var optimizer = Create(options, [parameter]);
        var trajectory = new T[gradients.Count][];
        for (int t = 0; t < gradients.Count; t++)
        {
            if (learningRateAtStep is not null)
            {
                foreach (var group in optimizer.ParamGroups)
                {
                    group.LearningRate = learningRateAtStep(t);
                }
            }

            T[] g = gradients[t];
            if (negate)
            {
                g = Array.ConvertAll(g, x => -x);
            }

            using (var grad = ToTensor(g))
            {
                parameter.grad = grad;
                optimizer.step();
            }

            trajectory[t] = parameter.data<T>().ToArray();
        }

        return trajectory;
    }

    /// <summary>A 1-D tensor of dtype float32 or float64 holding a copy of <paramref name="values"/>.</summary>
    public static Tensor ToTensor<T>(T[] values)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(double))
        {
            return tensor((double[])(object)values.Clone(), dtype: ScalarType.Float64);
        }

        if (typeof(T) == typeof(float))
        {
            return tensor((float[])(object)values.Clone(), dtype: ScalarType.Float32);
        }

        throw new NotSupportedException($"No torch dtype for {typeof(T)}.");
    }
}

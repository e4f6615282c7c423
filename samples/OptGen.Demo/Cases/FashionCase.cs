using System.Diagnostics;
using OptGen.Data;
using OptGen.Demo.Optimizers;
using OptGen.Models;
using OptGen.Training;

namespace OptGen.Demo.Cases;

/// <summary>What the Fashion-MNIST case computed.</summary>
/// <param name="Sections">The one table.</param>
/// <param name="Accuracy">Each run's test accuracy after every epoch, in table order.</param>
/// <param name="Misclassified">Test images the last run got wrong: pixels (28 × 28, in [0, 1]), true and predicted class.</param>
public sealed record FashionResult(IReadOnlyList<TableSection> Sections, IReadOnlyList<double[]> Accuracy, IReadOnlyList<(float[] Pixels, int Truth, int Predicted)> Misclassified)
    : CaseResult(Sections);

/// <summary>
/// Real data: Fashion-MNIST (Zalando's 28 × 28 grey images of ten kinds of clothing) with an MLP 784-256-128-10 (ReLU)
/// trained on mini-batches of 128, as the tutorial concludes deep networks are — momentum against Adam and AdamW.
/// </summary>
public sealed class FashionCase : IDemoCase
{
    /// <summary>Default epochs.</summary>
    public const int DefaultEpochs = 10;

    /// <summary>The default loss that counts as reached (mean cross-entropy on the training images).</summary>
    public const double DefaultThreshold = 0.3;

    /// <summary>Training images used unless <see cref="DemoSettings.Full"/> (the first ones of the 60,000).</summary>
    public const int SubsetRows = 10_000;

    /// <summary>The mini-batch size.</summary>
    public const int BatchSize = 128;

    /// <summary>The hidden layers.</summary>
    public static IReadOnlyList<int> Hidden { get; } = [256, 128];

    /// <summary>The rules compared, in table order.</summary>
    public static IReadOnlyList<Kind> Kinds { get; } = [Kind.Momentum, Kind.Adam, Kind.AdamW];

    /// <inheritdoc/>
    public string Name => "fashion";

    /// <inheritdoc/>
    public string Description =>
        $"Fashion-MNIST with an MLP 784-{string.Join('-', Hidden)}-10 (ReLU), mini-batches of {BatchSize}: momentum, Adam and AdamW (parameter groups: no decay on biases). "
        + $"{SubsetRows:N0} training images unless --full (all 60,000); all 10,000 test images. Needs the data: {Mnist.DebianInstallCommand} "
        + $"(or --data FOLDER). Pictures: loss and test accuracy per epoch, misclassified test images.";

    /// <summary>The network.</summary>
    public static MlpClassifier<float> CreateModel() => new(28 * 28, Hidden, 10, Activation.ReLU);

    /// <summary>The training and test sets from <paramref name="folder"/>: the first <paramref name="trainRows"/> training images (all when null) and every test image.</summary>
    /// <exception cref="FileNotFoundException">The folder lacks the files; the message says how to get them.</exception>
    public static (Dataset<float> Train, Dataset<float> Test) Data(string folder, int? trainRows) =>
        (Mnist.Load<float>(folder, MnistSplit.Train, trainRows), Mnist.Load<float>(folder, MnistSplit.Test));

    /// <summary>Trains the network from its seeded initialisation with the generated optimizer of <paramref name="kind"/>.</summary>
    public static (TrainingOutcome Outcome, float[] Parameters) Train(
        Kind kind, Dataset<float> train, Dataset<float> test, int epochs, int seed, IProgress<double>? progress = null)
    {
        MlpClassifier<float> model = CreateModel();
        int n = model.ParameterCount;
        return kind switch
        {
            Kind.Momentum => Run(model, new FashionMomentum(n), train, test, epochs, seed, progress),
            Kind.Adam => Run(model, new FashionAdam(n), train, test, epochs, seed, progress),
            Kind.AdamW => Run(model, AdamWWithoutDecayOnBiases(model), train, test, epochs, seed, progress),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "The Fashion-MNIST case compares " + string.Join(", ", Kinds) + "."),
        };
    }

    /// <summary>
    /// AdamW as torch users set it up: two parameter groups, weight decay on the weights and none on the biases, each
    /// a generated optimizer over its buffers, stepped together as one optimizer.
    /// </summary>
    public static GroupedOptimizer<float> AdamWWithoutDecayOnBiases(MlpClassifier<float> model)
    {
        int weights = model.ParameterBuffers.Where(b => b.Role == ParameterRole.Weight).Sum(b => b.Length);
        return GroupedOptimizer<float>.WeightsAndBiases(
            model, new FashionAdamWWeights(weights), new FashionAdamWBiases(model.ParameterCount - weights), learningRate: 1e-3);
    }

    /// <inheritdoc/>
    public CaseResult Run(DemoSettings settings, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        int epochs = settings.EpochsOr(DefaultEpochs);
        double threshold = settings.ThresholdOr(DefaultThreshold);
        var kinds = settings.KindsOr(Kinds).ToList();
        foreach (Kind kind in kinds.Where(k => !Kinds.Contains(k)))
        {
            throw new ArgumentException($"The fashion case trains {string.Join(", ", Kinds.Select(Cli.KindNames.Name))}; --kinds named {Cli.KindNames.Name(kind)}.");
        }

        (Dataset<float> train, Dataset<float> test) = Data(settings.DataFolder ?? Mnist.DebianFashionFolder, settings.Full ? null : SubsetRows);
        var runs = new List<RunResult>();
        var accuracy = new List<double[]>();
        float[]? last = null;
        for (int k = 0; k < kinds.Count; k++)
        {
            (TrainingOutcome outcome, float[] parameters) = Train(kinds[k], train, test, epochs, settings.Seed, NeuronCase.Slice(progress, k, kinds.Count));
            runs.Add(NeuronCase.ToRow(LabelOf(kinds[k]), kinds[k], $"mini-batch of {BatchSize}", outcome, threshold, Pictures.ColorOf(kinds[k])));
            accuracy.Add(outcome.ValidationAccuracy);
            last = parameters;
        }

        string rows = settings.Full ? "all 60,000" : $"the first {train.Count:N0} (--full: all 60,000)";
        var sections = new List<TableSection>
        {
            new($"Fashion-MNIST: MLP 784-{string.Join('-', Hidden)}-10 (ReLU), {epochs} epochs on {train.Count:N0} images", runs, threshold),
        };
        return new FashionResult(sections, accuracy, last is null ? [] : Misclassified(CreateModel(), last, test, 24))
        {
            Notes =
            [
                $"Mean cross-entropy on the training images ({rows}); test accuracy on all {test.Count:N0} test images. "
                + "Published MLP baselines on Fashion-MNIST reach 0.87–0.883.",
            ],
        };
    }

    /// <inheritdoc/>
    public IReadOnlyList<string> WritePictures(CaseResult result, DemoSettings settings, IProgress<double>? progress = null) =>
        FashionPictures.Write((FashionResult)result, settings, Name, progress);

    /// <summary>The table's name of a rule.</summary>
    public static string LabelOf(Kind kind) => kind == Kind.AdamW ? "AdamW (no decay on biases)" : NeuronCase.LabelOf(kind);

    private static (TrainingOutcome, float[]) Run<TOptimizer>(
        MlpClassifier<float> model, TOptimizer optimizer, Dataset<float> train, Dataset<float> test, int epochs, int seed, IProgress<double>? progress)
        where TOptimizer : IOptimizer<float>
    {
        float[] parameters = model.CreateParameters((ulong)seed);
        var trainer = Trainer.Create(model, optimizer, train, parameters, Training.Options(epochs, Batching.MiniBatch(BatchSize), (ulong)seed, progress: progress), test);
        long start = Stopwatch.GetTimestamp();
        TrainingResult result = trainer.Run();
        TimeSpan elapsed = Stopwatch.GetElapsedTime(start);
        var outcome = new TrainingOutcome(
            trainer.InitialLearningRate, trainer.History.TrainLoss.ToArray(), result.Steps, [], ([], []), elapsed,
            result.Reason == StopReason.NonFinite ? result.Message : null)
        {
            ValidationAccuracy = trainer.History.ValidationAccuracy.ToArray(),
        };
        return (outcome, parameters);
    }

    private static List<(float[] Pixels, int Truth, int Predicted)> Misclassified(MlpClassifier<float> model, float[] parameters, Dataset<float> test, int count)
    {
        var wrong = new List<(float[], int, int)>();
        for (int i = 0; i < test.Count && wrong.Count < count; i++)
        {
            int predicted = (int)model.Predict(parameters, test.Features(i));
            int truth = (int)test.Target(i);
            if (predicted != truth)
            {
                wrong.Add((test.Features(i).ToArray(), truth, predicted));
            }
        }

        return wrong;
    }
}

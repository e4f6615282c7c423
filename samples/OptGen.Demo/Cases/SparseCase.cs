using OptGen.Data;
using OptGen.Demo.Optimizers;
using OptGen.Models;
using OptGen.Plotting;
using OptGen.Training;

namespace OptGen.Demo.Cases;

/// <summary>What the sparse-features case computed.</summary>
/// <param name="Sections">The one table.</param>
/// <param name="Accuracy">Test accuracy after each epoch, per run.</param>
public sealed record SparseResult(IReadOnlyList<TableSection> Sections, IReadOnlyList<double[]> Accuracy) : CaseResult(Sections);

/// <summary>
/// The tutorial's case for adaptive learning rates: logistic regression on sparse features (each non-zero in
/// 5% of the rows). A feature's weight only moves in the updates where the feature shows up, so plain SGD
/// learns the rare ones slowly; Adagrad, RMSProp and Adam scale each weight's step by its own gradient history.
/// </summary>
public sealed class SparseCase : IDemoCase
{
    /// <summary>Default epochs.</summary>
    public const int DefaultEpochs = 50;

    /// <summary>The default loss that counts as reached.</summary>
    public const double DefaultThreshold = 0.25;

    /// <summary>Rows in the data set (a quarter held out for testing).</summary>
    public const int Rows = 600;

    /// <summary>Features per row.</summary>
    public const int Features = 100;

    /// <summary>The chance that a feature is non-zero in a row.</summary>
    public const double Density = 0.05;

    /// <summary>The mini-batch size.</summary>
    public const int BatchSize = 32;

    /// <summary>The rules compared.</summary>
    public static IReadOnlyList<Kind> Kinds { get; } = [Kind.Sgd, Kind.Adagrad, Kind.RMSProp, Kind.Adam];

    /// <inheritdoc/>
    public string Name => "sparse";

    /// <inheritdoc/>
    public string Description =>
        $"Sparse features: logistic regression on {Rows} rows of {Features} features, each non-zero in {Density:P0} of the rows, "
        + $"mini-batches of {BatchSize}; Adagrad, RMSProp and Adam against plain SGD. Pictures: loss and test accuracy per epoch.";

    /// <summary>The case's data, split into training and test sets, from <paramref name="seed"/>.</summary>
    public static (Dataset<double> Train, Dataset<double> Test) Data(int seed) =>
        DatasetSplit.TrainTest(SyntheticData.SparseLinearlySeparable<double>(Rows, Features, Density, (ulong)seed), 0.25, (ulong)seed);

    /// <summary>The batching used.</summary>
    public static Batching Batching { get; } = Batching.MiniBatch(BatchSize, shuffle: true);

    /// <summary>Trains logistic regression from zero with the generated optimizer of <paramref name="kind"/>.</summary>
    public static TrainingOutcome Train(Kind kind, Dataset<double> train, Dataset<double> test, int epochs, int seed, IProgress<double>? progress = null)
    {
        var model = new LogisticRegression<double>(Features);
        int n = model.ParameterCount;
        var start = new double[n];
        model.Initialize(start, (ulong)seed);
        TrainingOutcome With<TOptimizer>(TOptimizer optimizer)
            where TOptimizer : IOptimizer<double> =>
            Training.Run(model, optimizer, train, Batching, epochs, (ulong)seed, start, null, progress, test);

        return kind switch
        {
            Kind.Sgd => With(new SparseSgd(n)),
            Kind.Adagrad => With(new SparseAdagrad(n)),
            Kind.RMSProp => With(new SparseRmsProp(n)),
            Kind.Adam => With(new SparseAdam(n)),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "The sparse case compares SGD, Adagrad, RMSProp and Adam."),
        };
    }

    /// <inheritdoc/>
    public CaseResult Run(DemoSettings settings, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        int epochs = settings.EpochsOr(DefaultEpochs);
        double threshold = settings.ThresholdOr(DefaultThreshold);
        (Dataset<double> train, Dataset<double> test) = Data(settings.Seed);
        var kinds = Kinds.Where(settings.Includes).ToList();
        var runs = new List<RunResult>();
        var accuracy = new List<double[]>();
        for (int k = 0; k < kinds.Count; k++)
        {
            Kind kind = kinds[k];
            TrainingOutcome outcome = Train(kind, train, test, epochs, settings.Seed, NeuronCase.Slice(progress, k, kinds.Count));
            runs.Add(NeuronCase.ToRow(kind == Kind.Sgd ? "SGD" : NeuronCase.LabelOf(kind), kind, $"mini-batch of {BatchSize}", outcome, threshold, Pictures.ColorOf(kind)));
            accuracy.Add(outcome.ValidationAccuracy);
        }

        var sections = new List<TableSection>
        {
            new($"Sparse features: {Features} features, each {Density:P0} non-zero, {epochs} epochs", runs, threshold),
        };
        return new SparseResult(sections, accuracy)
        {
            Notes = [$"Logistic regression on {train.Count} rows; mean binary cross-entropy on them, test accuracy on {test.Count} held-out rows."],
        };
    }

    /// <inheritdoc/>
    public IReadOnlyList<string> WritePictures(CaseResult result, DemoSettings settings, IProgress<double>? progress = null)
    {
        var sparse = (SparseResult)result;
        var runs = sparse.Sections[0].Runs;
        var written = new List<string>();
        if (runs.Count == 0)
        {
            return written;
        }

        Pictures.SaveLoss(runs, new ChartText("Sparse features: training loss per epoch", "epoch", "mean cross-entropy (log scale)"),
            new LossChartOptions { Threshold = sparse.Sections[0].Threshold }, Pictures.PathOf(settings, Name, "loss"), written);
        Pictures.SaveLoss(runs, new ChartText("Sparse features: test accuracy per epoch", "epoch", "accuracy on held-out rows"),
            new LossChartOptions { LogScale = false, TickFormat = "P0", LegendAlignment = ScottPlot.Alignment.LowerRight }, Pictures.PathOf(settings, Name, "accuracy"), written,
            (r, k) => new LossSeries(r.Label, sparse.Accuracy[k]));
        progress?.Report(1);
        return written;
    }
}

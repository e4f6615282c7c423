using OptGen.Data;
using OptGen.Demo.Optimizers;
using OptGen.Models;
using OptGen.Plotting;

namespace OptGen.Demo.Cases;

/// <summary>What the MLP case computed.</summary>
/// <param name="Sections">The one table.</param>
/// <param name="Model">The network (for drawing its decision boundaries).</param>
/// <param name="Parameters">The trained parameters, per run.</param>
/// <param name="Train">The training set.</param>
/// <param name="Test">The test set.</param>
public sealed record MlpResult(IReadOnlyList<TableSection> Sections, Mlp<double> Model, IReadOnlyList<double[]> Parameters, Dataset<double> Train, Dataset<double> Test)
    : CaseResult(Sections);

/// <summary>
/// The tutorial's conclusion: for a network, mini-batch Adam. A small MLP (2 → 16 → 16 → 1, tanh) learns two
/// interleaved half-moons with mini-batch SGD, momentum and Adam.
/// </summary>
public sealed class MlpCase : IDemoCase
{
    /// <summary>Default epochs.</summary>
    public const int DefaultEpochs = 200;

    /// <summary>The default loss that counts as reached.</summary>
    public const double DefaultThreshold = 0.1;

    /// <summary>Points in the data set (a quarter held out for testing).</summary>
    public const int Points = 400;

    /// <summary>The noise of the half-moons.</summary>
    public const double Noise = 0.2;

    /// <summary>The mini-batch size.</summary>
    public const int BatchSize = 32;

    /// <summary>The hidden layers.</summary>
    public static IReadOnlyList<int> Hidden { get; } = [16, 16];

    /// <summary>The rules compared.</summary>
    public static IReadOnlyList<Kind> Kinds { get; } = [Kind.Sgd, Kind.Momentum, Kind.Adam];

    /// <inheritdoc/>
    public string Name => "mlp";

    /// <inheritdoc/>
    public string Description =>
        $"A small network (2-16-16-1, tanh) on two interleaved half-moons ({Points} points, a quarter held out), mini-batches of {BatchSize}: "
        + "SGD, momentum and Adam. Pictures: loss per epoch and each network's decision boundary.";

    /// <summary>The case's data from <paramref name="seed"/>.</summary>
    public static (Dataset<double> Train, Dataset<double> Test) Data(int seed) =>
        DatasetSplit.TrainTest(SyntheticData.TwoMoons<double>(Points, Noise, (ulong)seed), 0.25, (ulong)seed);

    /// <summary>The network.</summary>
    public static Mlp<double> CreateModel() => new(2, Hidden, Activation.Tanh);

    /// <summary>The batching used.</summary>
    public static Batching Batching { get; } = Batching.MiniBatch(BatchSize, shuffle: true);

    /// <summary>Trains the network from its seeded initialisation with the generated optimizer of <paramref name="kind"/>.</summary>
    public static TrainingOutcome Train(Kind kind, Dataset<double> train, Dataset<double> test, int epochs, int seed, IProgress<double>? progress = null)
    {
        Mlp<double> model = CreateModel();
        int n = model.ParameterCount;
        double[] start = model.CreateParameters((ulong)seed);
        TrainingOutcome With<TOptimizer>(TOptimizer optimizer)
            where TOptimizer : IOptimizer<double> =>
            Training.Run(model, optimizer, train, Batching, epochs, (ulong)seed, start, null, progress, test);

        return kind switch
        {
            Kind.Sgd => With(new MlpSgd(n)),
            Kind.Momentum => With(new MlpMomentum(n)),
            Kind.Adam => With(new MlpAdam(n)),
            Kind.Nesterov => With(new MlpNesterov(n)),
            Kind.Adagrad => With(new MlpAdagrad(n)),
            Kind.RMSProp => With(new MlpRmsProp(n)),
            Kind.AdamW => With(new MlpAdamW(n)),
            Kind.Adamax => With(new MlpAdamax(n)),
            Kind.NAdam => With(new MlpNAdam(n)),
            Kind.RAdam => With(new MlpRAdam(n)),
            Kind.Adadelta => With(new MlpAdadelta(n)),
            Kind.Rprop => With(new MlpRprop(n)),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No MLP optimizer is declared for this kind."),
        };
    }

    /// <inheritdoc/>
    public CaseResult Run(DemoSettings settings, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        int epochs = settings.EpochsOr(DefaultEpochs);
        double threshold = settings.ThresholdOr(DefaultThreshold);
        (Dataset<double> train, Dataset<double> test) = Data(settings.Seed);
        var kinds = settings.KindsOr(Kinds).ToList();
        var runs = new List<RunResult>();
        var parameters = new List<double[]>();
        for (int k = 0; k < kinds.Count; k++)
        {
            Kind kind = kinds[k];
            TrainingOutcome outcome = Train(kind, train, test, epochs, settings.Seed, NeuronCase.Slice(progress, k, kinds.Count));
            string label = kind == Kind.Sgd ? "SGD" : NeuronCase.LabelOf(kind);
            runs.Add(NeuronCase.ToRow(label, kind, $"mini-batch of {BatchSize}", outcome, threshold, Pictures.ColorOf(kind)));
            parameters.Add(outcome.Parameters);
        }

        var sections = new List<TableSection>
        {
            new($"Two half-moons: MLP 2-{string.Join('-', Hidden)}-1 (tanh), {epochs} epochs", runs, threshold),
        };
        return new MlpResult(sections, CreateModel(), parameters, train, test)
        {
            Notes = [$"Mean binary cross-entropy on {train.Count} training points; test accuracy on {test.Count} held-out points (with noise {Noise}, a few of them sit on the other moon)."],
        };
    }

    /// <inheritdoc/>
    public IReadOnlyList<string> WritePictures(CaseResult result, DemoSettings settings, IProgress<double>? progress = null)
    {
        var mlp = (MlpResult)result;
        var runs = mlp.Sections[0].Runs;
        var written = new List<string>();
        if (runs.Count == 0)
        {
            return written;
        }

        Pictures.SaveLoss(runs, new ChartText("Two half-moons: training loss per epoch", "epoch", "mean cross-entropy (log scale)"),
            new LossChartOptions { Threshold = mlp.Sections[0].Threshold }, Pictures.PathOf(settings, Name, "loss"), written);
        progress?.Report(0.2);

        LabeledPoints points = PointsOf(mlp.Train, mlp.Test);
        var plots = new List<ScottPlot.Plot>();
        for (int k = 0; k < runs.Count; k++)
        {
            double[] parameters = mlp.Parameters[k];
            var features = new double[2];
            double Probability(double x1, double x2)
            {
                features[0] = x1;
                features[1] = x2;
                return mlp.Model.Predict(parameters, features);
            }

            string accuracy = runs[k].TestAccuracy is { } a ? $", test accuracy {a:P1}" : "";
            plots.Add(DecisionBoundaryChart.Create(Probability, points, new ChartText($"{runs[k].Label}{accuracy}", "x₁", "x₂")));
            progress?.Report(0.2 + 0.6 * (k + 1) / runs.Count);
        }

        written.Add(ChartFile.SaveGridPng(plots, plots.Count, Pictures.Boundary.Width, Pictures.Boundary.Height, Pictures.PathOf(settings, Name, "boundary")));
        progress?.Report(1);
        return written;
    }

    private static LabeledPoints PointsOf(params Dataset<double>[] sets)
    {
        var x1 = new List<double>();
        var x2 = new List<double>();
        var labels = new List<int>();
        foreach (Dataset<double> set in sets)
        {
            for (int i = 0; i < set.Count; i++)
            {
                x1.Add(set.Features(i)[0]);
                x2.Add(set.Features(i)[1]);
                labels.Add(set.Target(i) > 0.5 ? 1 : 0);
            }
        }

        return new LabeledPoints([.. x1], [.. x2], [.. labels]);
    }
}

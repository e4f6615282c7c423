using OptGen.Data;
using OptGen.Demo.Optimizers;
using OptGen.Models;
using OptGen.Plotting;

namespace OptGen.Demo.Cases;

/// <summary>What the neuron case computed, with the surfaces its pictures draw on.</summary>
/// <param name="Sections">The tables: the update rules, then (when SGD runs) the batchings.</param>
/// <param name="Rules">The update rules under full-batch GD on the tutorial's two points.</param>
/// <param name="BatchingRuns">Vanilla SGD under the three batchings, on <see cref="NeuronCase.BatchingData"/>.</param>
/// <param name="Surface">The error surface of the tutorial's two points.</param>
/// <param name="BatchingSurface">The error surface of <see cref="NeuronCase.BatchingData"/>.</param>
public sealed record NeuronResult(
    IReadOnlyList<TableSection> Sections,
    IReadOnlyList<RunResult> Rules,
    IReadOnlyList<RunResult> BatchingRuns,
    Surface2D Surface,
    Surface2D BatchingSurface) : CaseResult(Sections);

/// <summary>
/// The tutorial's experiment: one sigmoid neuron, X = [0.5, 2.5], Y = [0.2, 0.9], from w = b = −2, summed squared
/// error; the six update rules under full-batch gradient descent, and vanilla SGD under three batchings.
/// </summary>
public sealed class NeuronCase : IDemoCase
{
    /// <summary>The tutorial's epoch count.</summary>
    public const int DefaultEpochs = 1000;

    /// <summary>The default loss that counts as reached.</summary>
    public const double DefaultThreshold = 1e-4;

    /// <summary>The points of the batching comparison.</summary>
    public const int BatchingPoints = 8;

    /// <summary>The mini-batch size of the batching comparison.</summary>
    public const int MiniBatchSize = 2;

    /// <summary>The tutorial's start.</summary>
    public static readonly double[] Start = [-2, -2];

    /// <summary>The exact minimum of the tutorial's error: σ(0.5w + b) = 0.2 and σ(2.5w + b) = 0.9 give w* = ln 6, b* = ln ¼ − ½ ln 6.</summary>
    public static (double W, double B) Minimum { get; } = (Math.Log(6), Math.Log(0.25) - 0.5 * Math.Log(6));

    /// <inheritdoc/>
    public string Name => "neuron";

    /// <inheritdoc/>
    public string Description =>
        "The tutorial's sigmoid neuron (X = [0.5, 2.5], Y = [0.2, 0.9], start w = b = -2, summed squared error): the six update rules "
        + "under full-batch gradient descent, and vanilla SGD fed three ways (full batch, stochastic, mini-batch) on 8 points of the same curve. "
        + "Pictures: the paths over the error surface (all, and one per rule), loss per epoch, and an animation.";

    /// <summary>
    /// The batching comparison's data: <see cref="BatchingPoints"/> points of the tutorial neuron's own curve,
    /// x = 0.5 … 2.5, y = σ(w*·x + b*). Two points leave no room for a mini-batch; these have the same minimum (w*, b*).
    /// </summary>
    public static Dataset<double> BatchingData()
    {
        double[] x = Surface2D.Linspace(0.5, 2.5, BatchingPoints);
        double[] y = x.Select(v => Activations.Sigmoid(Minimum.W * v + Minimum.B)).ToArray();
        return Dataset<double>.FromColumn(x, y);
    }

    /// <summary>The batchings compared, with their table labels.</summary>
    public static IReadOnlyList<(string Label, Batching Batching)> Batchings { get; } =
    [
        ("full batch", Batching.FullBatch),
        ("stochastic", Batching.Stochastic(shuffle: true)),
        ($"mini-batch of {MiniBatchSize}", Batching.MiniBatch(MiniBatchSize, shuffle: true)),
    ];

    /// <summary>The tutorial's six update rules, which the case compares unless others are asked for.</summary>
    public static IReadOnlyList<Kind> TutorialKinds { get; } = [Kind.Sgd, Kind.Momentum, Kind.Nesterov, Kind.Adagrad, Kind.RMSProp, Kind.Adam];

    /// <summary>The label of each update rule in tables and legends (the tutorial's names for its six).</summary>
    public static string LabelOf(Kind kind) => kind switch
    {
        Kind.Sgd => "GD",
        Kind.Nesterov => "NAG",
        _ => kind.ToString(),
    };

    /// <summary>Trains the tutorial's neuron from <paramref name="start"/> with the generated optimizer of <paramref name="kind"/>.</summary>
    public static TrainingOutcome Train(
        Kind kind, Dataset<double> data, Batching batching, int epochs, ulong seed, double[] start, IProgress<double>? progress = null, bool trackEveryStep = false)
    {
        var model = new SigmoidNeuron<double>();
        (int, int) track = (SigmoidNeuron<double>.W, SigmoidNeuron<double>.B);
        TrainingOutcome With<TOptimizer>(TOptimizer optimizer)
            where TOptimizer : IOptimizer<double> =>
            Training.Run(model, optimizer, data, batching, epochs, seed, start, track, progress, null, trackEveryStep);

        return kind switch
        {
            Kind.Sgd => With(new NeuronSgd()),
            Kind.Momentum => With(new NeuronMomentum()),
            Kind.Nesterov => With(new NeuronNesterov()),
            Kind.Adagrad => With(new NeuronAdagrad()),
            Kind.RMSProp => With(new NeuronRmsProp()),
            Kind.Adam => With(new NeuronAdam()),
            Kind.AdamW => With(new NeuronAdamW()),
            Kind.Adamax => With(new NeuronAdamax()),
            Kind.NAdam => With(new NeuronNAdam()),
            Kind.RAdam => With(new NeuronRAdam()),
            Kind.Adadelta => With(new NeuronAdadelta()),
            Kind.Rprop => With(new NeuronRprop()),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No neuron optimizer is declared for this kind."),
        };
    }

    /// <summary>The error surface of the neuron on <paramref name="data"/> over w ∈ [−4, 6], b ∈ [−7, 3], where the paths from (−2, −2) run.</summary>
    public static Surface2D SurfaceOf(Dataset<double> data) =>
        Training.SurfaceOf(new SigmoidNeuron<double>(), data, Start, (-4, 6), (-7, 3));

    /// <summary>Turns a training outcome into a table row (with the last held-out accuracy, when there was held-out data).</summary>
    public static RunResult ToRow(string label, Kind kind, string batching, TrainingOutcome outcome, double threshold, int colorIndex) =>
        new(label, kind, batching, outcome.LearningRate, outcome.Updates, outcome.LossHistory[^1],
            RunResult.FirstEpochBelow(outcome.LossHistory, threshold), outcome.Elapsed, outcome.LossHistory)
        {
            Path = outcome.Path.First.Length > 0 ? new PathSeries(label, outcome.Path.First, outcome.Path.Second) : null,
            Stopped = outcome.Stopped,
            ColorIndex = colorIndex,
            TestAccuracy = outcome.ValidationAccuracy.Length > 0 ? outcome.ValidationAccuracy[^1] : null,
        };

    /// <inheritdoc/>
    public CaseResult Run(DemoSettings settings, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        int epochs = settings.EpochsOr(DefaultEpochs);
        double threshold = settings.ThresholdOr(DefaultThreshold);
        Dataset<double> data = SyntheticData.TutorialNeuron<double>();
        var kinds = settings.KindsOr(TutorialKinds).ToList();
        int total = kinds.Count + (settings.Includes(Kind.Sgd) ? Batchings.Count : 0), done = 0;

        var rules = new List<RunResult>();
        foreach (Kind kind in kinds)
        {
            TrainingOutcome outcome = Train(kind, data, Batching.FullBatch, epochs, (ulong)settings.Seed, Start, Slice(progress, done++, total));
            rules.Add(ToRow(LabelOf(kind), kind, "full batch", outcome, threshold, Pictures.ColorOf(kind)));
        }

        var batchingRuns = new List<RunResult>();
        Dataset<double> batchingData = BatchingData();
        if (settings.Includes(Kind.Sgd))
        {
            for (int i = 0; i < Batchings.Count; i++)
            {
                (string label, Batching batching) = Batchings[i];
                TrainingOutcome outcome = Train(Kind.Sgd, batchingData, batching, epochs, (ulong)settings.Seed, Start, Slice(progress, done++, total), trackEveryStep: true);
                batchingRuns.Add(ToRow("SGD", Kind.Sgd, label, outcome, threshold, BatchingColors[i]));
            }
        }

        var sections = new List<TableSection>
        {
            new($"The tutorial's neuron, full batch, {epochs} epochs from (w, b) = (-2, -2)", rules, threshold),
        };
        var notes = new List<string> { "Nesterov's (w, b) are torch's, which are the tutorial's look-ahead point w - γv." };
        if (batchingRuns.Count > 0)
        {
            sections.Add(new($"Vanilla SGD fed three ways, {BatchingPoints} points on the curve, {epochs} epochs", batchingRuns, threshold));
            notes.Add($"The batching table trains on {BatchingPoints} points of the same curve (x = 0.5 ... 2.5, same minimum w* = ln 6, b* = ln(1/4) - ln(6)/2): "
                + $"2 points leave no room for a mini-batch of {MiniBatchSize} between full batch and stochastic.");
        }

        Surface2D batchingSurface = batchingRuns.Count > 0
            ? Training.SurfaceOf(new SigmoidNeuron<double>(), batchingData, Start, Around(batchingRuns, r => r.Path!.X), Around(batchingRuns, r => r.Path!.Y))
            : SurfaceOf(batchingData);
        return new NeuronResult(sections, rules, batchingRuns, SurfaceOf(data), batchingSurface) { Notes = notes };
    }

    /// <summary>The range of the runs' paths along one axis, widened by a quarter on each side, so their details show.</summary>
    private static (double Min, double Max) Around(IEnumerable<RunResult> runs, Func<RunResult, double[]> axis)
    {
        double min = runs.Min(r => axis(r).Min()), max = runs.Max(r => axis(r).Max());
        double pad = Math.Max((max - min) * 0.25, 0.5);
        return (min - pad, max + pad);
    }

    private static readonly int[] BatchingColors = [0, 7, 6];

    /// <inheritdoc/>
    public IReadOnlyList<string> WritePictures(CaseResult result, DemoSettings settings, IProgress<double>? progress = null)
    {
        var neuron = (NeuronResult)result;
        var written = new List<string>();
        var six = neuron.Rules;
        double threshold = result.Sections[0].Threshold;
        var text = new ChartText("Error surface of the tutorial's neuron, full-batch GD", "w", "b");
        var contour = new ContourOptions { Minimum = Minimum, LegendAlignment = ScottPlot.Alignment.UpperRight, ColorScaleLabel = "loss Σ ½(f(x) − y)²" };

        if (six.Count > 0)
        {
            PathSeries[] paths = [.. six.Select(r => r.Path!)];
            ContourOptions sixColors = contour with { ColorIndices = [.. six.Select(r => r.ColorIndex)] };
            Pictures.Save(ContourChart.Create(neuron.Surface, paths, text, sixColors),
                Pictures.PathOf(settings, Name, "paths"), Pictures.Contour, written);
            progress?.Report(0.3 / (six.Count + 1));
            foreach ((RunResult run, int index) in six.Select((run, index) => (run, index)))
            {
                Pictures.Save(
                    ContourChart.Create(neuron.Surface, [run.Path!], text with { Title = $"{run.Label} on the tutorial's neuron (lr {Format.Number(run.LearningRate)})" }, contour with { ColorIndices = [run.ColorIndex] }),
                    Pictures.PathOf(settings, Name, "path-" + Cli.KindNames.Name(run.Kind)), Pictures.Contour, written);
                progress?.Report(0.3 * (index + 2) / (six.Count + 1)); // one report per picture, so the bar never stalls
            }

            progress?.Report(0.3);
            Pictures.SaveLoss(six, new ChartText("Loss per epoch, the tutorial's neuron (full batch)", "epoch", "loss Σ ½(f(x) − y)²  (log scale)"),
                new LossChartOptions { Threshold = threshold, LegendAlignment = ScottPlot.Alignment.MiddleRight }, Pictures.PathOf(settings, Name, "loss"), written);
            progress?.Report(0.4);

            written.Add(PathAnimation.WriteGif(neuron.Surface, paths, text with { Title = "The tutorial's neuron" },
                Pictures.PathOf(settings, Name, "paths", "gif"),
                new AnimationOptions { Width = Pictures.Animation.Width, Height = Pictures.Animation.Height, Frames = settings.GifFrames, Progress = Part(progress, 0.4, 0.85) },
                sixColors));
            progress?.Report(0.85);
        }

        if (neuron.BatchingRuns.Count > 0)
        {
            Surface2D surface = neuron.BatchingSurface;
            var batching = neuron.BatchingRuns;
            Pictures.Save(
                ContourChart.Create(surface, [.. batching.Select(r => r.Path! with { Label = $"{r.Batching} ({r.Updates:N0} updates)" })],
                    new ChartText($"Vanilla SGD fed three ways: every update, {BatchingPoints} points", "w", "b"),
                    contour with { ColorIndices = [.. batching.Select(r => r.ColorIndex)], PathWidth = 1.6f, LegendAlignment = ScottPlot.Alignment.UpperLeft }),
                Pictures.PathOf(settings, Name, "batching-paths"), Pictures.Contour, written);
            Pictures.SaveLoss(batching, new ChartText("Loss per epoch, vanilla SGD fed three ways", "epoch", "loss (log scale)"),
                new LossChartOptions { Threshold = threshold }, Pictures.PathOf(settings, Name, "batching-loss"), written,
                (r, _) => new LossSeries($"{r.Batching} ({r.Updates / Math.Max(1, r.LossHistory.Length)} updates/epoch)", r.LossHistory));
        }

        progress?.Report(1);
        return written;
    }

    internal static IProgress<double>? Slice(IProgress<double>? progress, int index, int count) =>
        progress is null ? null : new SliceProgress(progress, index, count);

    /// <summary>Maps a part's 0…1 onto <paramref name="from"/>…<paramref name="to"/> of the whole.</summary>
    internal static IProgress<double>? Part(IProgress<double>? progress, double from, double to) =>
        progress is null ? null : new PartProgress(progress, from, to);

    private sealed class PartProgress(IProgress<double> whole, double from, double to) : IProgress<double>
    {
        public void Report(double value) => whole.Report(from + (to - from) * value);
    }

    /// <summary>Reports part <c>index</c> of <c>count</c> as a fraction of the whole, synchronously.</summary>
    private sealed class SliceProgress(IProgress<double> whole, int index, int count) : IProgress<double>
    {
        public void Report(double value) => whole.Report((index + value) / count);
    }
}

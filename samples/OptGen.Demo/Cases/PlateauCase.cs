using System.Globalization;
using OptGen.Data;
using OptGen.Plotting;

namespace OptGen.Demo.Cases;

/// <summary>What the plateau case computed.</summary>
/// <param name="Sections">The one table.</param>
/// <param name="Surface">The error surface around the plateau and the minimum.</param>
public sealed record PlateauResult(IReadOnlyList<TableSection> Sections, Surface2D Surface) : CaseResult(Sections);

/// <summary>
/// The tutorial's plateau: the same neuron started at (w, b) = (−6, −6), where the error surface is almost flat.
/// Plain gradient descent barely moves in 10,000 epochs; momentum and Nesterov gather speed and get out.
/// </summary>
public sealed class PlateauCase : IDemoCase
{
    /// <summary>The tutorial's epoch count for the plateau.</summary>
    public const int DefaultEpochs = 10_000;

    /// <summary>The start on the plateau.</summary>
    public static readonly double[] Start = [-6, -6];

    /// <summary>The rules the tutorial compares here.</summary>
    public static IReadOnlyList<Kind> Kinds { get; } = [Kind.Sgd, Kind.Momentum, Kind.Nesterov];

    /// <inheritdoc/>
    public string Name => "plateau";

    /// <inheritdoc/>
    public string Description =>
        "The same neuron started on a flat plateau, (w, b) = (-6, -6): vanilla GD barely moves in 10,000 epochs, momentum and Nesterov get out. "
        + "Pictures: the paths over the error surface, loss per epoch, and an animation.";

    /// <inheritdoc/>
    public CaseResult Run(DemoSettings settings, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        int epochs = settings.EpochsOr(DefaultEpochs);
        double threshold = settings.ThresholdOr(NeuronCase.DefaultThreshold);
        Dataset<double> data = SyntheticData.TutorialNeuron<double>();
        var kinds = Kinds.Where(settings.Includes).ToList();
        var runs = new List<RunResult>();
        var notes = new List<string>();
        for (int k = 0; k < kinds.Count; k++)
        {
            Kind kind = kinds[k];
            TrainingOutcome outcome = NeuronCase.Train(kind, data, Batching.FullBatch, epochs, (ulong)settings.Seed, Start, NeuronCase.Slice(progress, k, kinds.Count));
            RunResult row = NeuronCase.ToRow(NeuronCase.LabelOf(kind), kind, "full batch", outcome, threshold, Pictures.ColorOf(kind));
            runs.Add(row);
            double moved = Math.Sqrt(Math.Pow(outcome.Parameters[0] - Start[0], 2) + Math.Pow(outcome.Parameters[1] - Start[1], 2));
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"{row.Label}: (w, b) went from (-6, -6) to ({outcome.Parameters[0]:0.000}, {outcome.Parameters[1]:0.000}), {moved:0.000} away; the minimum is at ({NeuronCase.Minimum.W:0.000}, {NeuronCase.Minimum.B:0.000})."));
        }

        var sections = new List<TableSection> { new($"On the plateau: the tutorial's neuron from (w, b) = (-6, -6), {epochs} epochs", runs, threshold) };
        Surface2D surface = Training.SurfaceOf(new Models.SigmoidNeuron<double>(), data, Start, (-8, 4), (-8, 4));
        return new PlateauResult(sections, surface) { Notes = notes };
    }

    /// <inheritdoc/>
    public IReadOnlyList<string> WritePictures(CaseResult result, DemoSettings settings, IProgress<double>? progress = null)
    {
        var plateau = (PlateauResult)result;
        var runs = plateau.Sections[0].Runs;
        var written = new List<string>();
        if (runs.Count == 0)
        {
            return written;
        }

        var paths = runs.Select(r => r.Path!).ToList();
        int[] colors = [.. runs.Select(r => r.ColorIndex)];
        var contour = new ContourOptions { Minimum = NeuronCase.Minimum, LegendAlignment = ScottPlot.Alignment.UpperRight, ColorIndices = colors, ColorScaleLabel = "loss Σ ½(f(x) − y)²" };
        var text = new ChartText("Escaping the plateau: the neuron from (w, b) = (-6, -6)", "w", "b");
        Pictures.Save(ContourChart.Create(plateau.Surface, paths, text, contour), Pictures.PathOf(settings, Name, "paths"), Pictures.Contour, written);
        Pictures.SaveLoss(runs, new ChartText("Loss per epoch from the plateau", "epoch", "loss Σ ½(f(x) − y)²  (log scale)"),
            new LossChartOptions { Threshold = plateau.Sections[0].Threshold, LegendAlignment = ScottPlot.Alignment.LowerLeft }, Pictures.PathOf(settings, Name, "loss"), written);
        progress?.Report(0.2);
        written.Add(PathAnimation.WriteGif(plateau.Surface, paths, text with { Title = "Escaping the plateau" }, Pictures.PathOf(settings, Name, "paths", "gif"),
            new AnimationOptions
            {
                Width = Pictures.Animation.Width,
                Height = Pictures.Animation.Height,
                Frames = settings.GifFrames,
                Easing = 1,
                Progress = NeuronCase.Part(progress, 0.2, 1),
            },
            contour));
        progress?.Report(1);
        return written;
    }
}

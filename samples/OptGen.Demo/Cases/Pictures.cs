using OptGen.Plotting;

namespace OptGen.Demo.Cases;

/// <summary>The sizes and file naming of the demo's pictures.</summary>
public static class Pictures
{
    /// <summary>Contour maps with paths.</summary>
    public static (int Width, int Height) Contour { get; } = (760, 640);

    /// <summary>Loss curves.</summary>
    public static (int Width, int Height) Loss { get; } = (820, 520);

    /// <summary>Frames of the animated GIFs.</summary>
    public static (int Width, int Height) Animation { get; } = (600, 500);

    /// <summary>One decision boundary.</summary>
    public static (int Width, int Height) Boundary { get; } = (560, 500);

    /// <summary>The colour of each update rule, the same in every picture.</summary>
    public static int ColorOf(Kind kind) => (int)kind;

    /// <summary>The file name of a picture of <paramref name="caseName"/>.</summary>
    public static string PathOf(DemoSettings settings, string caseName, string picture, string extension = "png") =>
        Path.Combine(settings.OutputFolder, $"{caseName}-{picture}.{extension}");

    /// <summary>Writes <paramref name="plot"/> as a PNG and adds its path to <paramref name="written"/>.</summary>
    public static void Save(ScottPlot.Plot plot, string path, (int Width, int Height) size, List<string> written) =>
        written.Add(ChartFile.SavePng(plot, path, size.Width, size.Height));

    /// <summary>
    /// Writes a loss chart of <paramref name="runs"/>, each in its run's colour: by default a run's loss per epoch under
    /// its label, else what <paramref name="series"/> makes of a run and its index.
    /// </summary>
    public static void SaveLoss(
        IReadOnlyList<RunResult> runs, ChartText text, LossChartOptions options, string path, List<string> written, Func<RunResult, int, LossSeries>? series = null) =>
        Save(
            LossChart.Create([.. runs.Select(series ?? ((r, _) => new LossSeries(r.Label, r.LossHistory)))], text, options with { ColorIndices = [.. runs.Select(r => r.ColorIndex)] }),
            path, Loss, written);
}

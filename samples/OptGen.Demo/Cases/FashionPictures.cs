using OptGen.Data;
using OptGen.Plotting;

namespace OptGen.Demo.Cases;

/// <summary>The Fashion-MNIST case's pictures: loss per epoch, test accuracy per epoch, and a grid of misclassified test images.</summary>
public static class FashionPictures
{
    /// <summary>One cell of the grid of misclassified images.</summary>
    public static (int Width, int Height) Cell { get; } = (160, 200);

    /// <summary>Writes the pictures of <paramref name="result"/>; returns their paths.</summary>
    public static IReadOnlyList<string> Write(FashionResult result, DemoSettings settings, string caseName, IProgress<double>? progress)
    {
        var runs = result.Sections[0].Runs;
        var written = new List<string>();
        if (runs.Count == 0)
        {
            return written;
        }

        Pictures.SaveLoss(runs, new ChartText("Fashion-MNIST: training loss per epoch", "epoch", "mean cross-entropy (log scale)"),
            new LossChartOptions { Threshold = result.Sections[0].Threshold }, Pictures.PathOf(settings, caseName, "loss"), written);
        progress?.Report(0.3);
        Pictures.SaveLoss(runs, new ChartText("Fashion-MNIST: test accuracy per epoch", "epoch", "accuracy on the 10,000 test images"),
            new LossChartOptions { LogScale = false, TickFormat = "P1", LegendAlignment = ScottPlot.Alignment.LowerRight },
            Pictures.PathOf(settings, caseName, "accuracy"), written, (r, k) => new LossSeries(r.Label, result.Accuracy[k]));
        progress?.Report(0.6);

        if (result.Misclassified.Count > 0)
        {
            var plots = result.Misclassified.Select(Image).ToList();
            written.Add(ChartFile.SaveGridPng(plots, 8, Cell.Width, Cell.Height, Pictures.PathOf(settings, caseName, "misclassified")));
        }

        progress?.Report(1);
        return written;
    }

    private static ScottPlot.Plot Image((float[] Pixels, int Truth, int Predicted) example)
    {
        int side = (int)Math.Sqrt(example.Pixels.Length);
        var intensities = new double[side, side];
        for (int r = 0; r < side; r++)
        {
            for (int c = 0; c < side; c++)
            {
                intensities[r, c] = example.Pixels[r * side + c];
            }
        }

        var plot = new ScottPlot.Plot();
        var heatmap = plot.Add.Heatmap(intensities);
        heatmap.Colormap = new ScottPlot.Colormaps.Grayscale();
        heatmap.ManualRange = new ScottPlot.Range(0, 1);
        plot.Axes.Frameless();
        plot.HideGrid();
        plot.Title($"{Mnist.FashionClassNames[example.Truth]}\n→ {Mnist.FashionClassNames[example.Predicted]}", 13);
        return plot;
    }
}

using ScottPlot;
using ScottPlot.Plottables;

namespace OptGen.Plotting;

/// <summary>The decision boundary of a two-class classifier over two features, with the data drawn on top.</summary>
public static class DecisionBoundaryChart
{
    private static readonly ScottPlot.Colormaps.CustomInterpolated Shading = new(
    [
        Color.FromHex("#a9c9e6"),
        Color.FromHex("#ffffff"),
        Color.FromHex("#f0aaa8"),
    ]);

    /// <summary>
    /// Shades the plane by the classifier's probability of class 1 (blue for class 0, red for class 1), draws
    /// the 0.5 contour as the boundary, and the points coloured by their true class.
    /// </summary>
    /// <param name="probabilityOfClass1">The classifier, called as <c>p(x1, x2)</c>, returning a value in [0, 1].</param>
    /// <param name="points">The data.</param>
    /// <param name="text">Title and axis labels.</param>
    /// <param name="resolution">Grid cells along each axis (at least 2). Default 160.</param>
    /// <returns>The plot; save it with <see cref="ChartFile.SavePng"/>.</returns>
    public static Plot Create(Func<double, double, double> probabilityOfClass1, LabeledPoints points, ChartText text, int resolution = 160)
    {
        ArgumentNullException.ThrowIfNull(probabilityOfClass1);
        ArgumentNullException.ThrowIfNull(points);
        ArgumentOutOfRangeException.ThrowIfLessThan(resolution, 2);
        if (points.X1.Length == 0 || points.X1.Length != points.X2.Length || points.X1.Length != points.Labels.Length)
        {
            throw new ArgumentException("The points need equally many X1, X2 and Labels, at least one.", nameof(points));
        }

        (double x1Min, double x1Max) = Padded(points.X1);
        (double x2Min, double x2Max) = Padded(points.X2);
        Surface2D surface = Surface2D.Sample(probabilityOfClass1, x1Min, x1Max, x2Min, x2Max, resolution, resolution);

        Plot plot = ChartPalette.NewPlot(text);
        (double[,] intensities, Coordinates3d[,] coordinates) = GridLayers.Sample(surface, p => Math.Clamp(p, 0, 1));
        Heatmap heatmap = GridLayers.AddHeatmap(plot, intensities, Shading, x1Min, x1Max, x2Min, x2Max);
        heatmap.ManualRange = new ScottPlot.Range(0, 1);
        GridLayers.AddContourLines(plot, coordinates, [0.5], Colors.Black, 2);

        for (int label = 0; label <= 1; label++)
        {
            var xs = new List<double>();
            var ys = new List<double>();
            for (int k = 0; k < points.Labels.Length; k++)
            {
                if (points.Labels[k] == label)
                {
                    xs.Add(points.X1[k]);
                    ys.Add(points.X2[k]);
                }
            }

            Markers markers = plot.Add.Markers(xs.ToArray(), ys.ToArray(), label == 0 ? MarkerShape.FilledCircle : MarkerShape.FilledTriangleUp, label == 0 ? 7 : 9,
                label == 0 ? ChartPalette.Class0 : ChartPalette.Class1);
            markers.MarkerStyle.OutlineColor = Colors.White;
            markers.MarkerStyle.OutlineWidth = 0.8f;
            markers.LegendText = $"class {label}";
        }

        // The boundary's legend entry, drawn as a black line.
        LinePlot key = plot.Add.Line(double.NaN, double.NaN, double.NaN, double.NaN);
        key.LineColor = Colors.Black;
        key.LineWidth = 2;
        key.MarkerSize = 0;
        key.LegendText = "p(class 1) = 0.5";

        plot.Axes.SetLimits(x1Min, x1Max, x2Min, x2Max);
        ChartPalette.ShowLegend(plot, Alignment.UpperRight).BackgroundColor = Colors.White.WithAlpha(0.85);
        return plot;
    }

    private static (double Min, double Max) Padded(double[] values)
    {
        double min = values.Min(), max = values.Max();
        double pad = Math.Max((max - min) * 0.08, 1e-6);
        return (min - pad, max + pad);
    }
}

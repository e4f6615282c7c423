using ScottPlot;
using ScottPlot.Plottables;

namespace OptGen.Plotting;

/// <summary>How a surface's values are mapped to colours and contour levels.</summary>
public enum SurfaceScale
{
    /// <summary>Evenly spaced in the value itself.</summary>
    Linear,

    /// <summary>Evenly spaced in the square root of the value: more levels near the minimum of a loss surface.</summary>
    Sqrt,

    /// <summary>Evenly spaced in log₁₀ of the value (values ≤ 0 are clamped to the smallest positive one).</summary>
    Log,
}

/// <summary>Options of a contour map.</summary>
public sealed record ContourOptions
{
    /// <summary>How values map to colours and levels. Default <see cref="SurfaceScale.Sqrt"/>.</summary>
    public SurfaceScale Scale { get; init; } = SurfaceScale.Sqrt;

    /// <summary>The number of contour lines. Default 14.</summary>
    public int Levels { get; init; } = 14;

    /// <summary>A point to mark with a star, e.g. the surface's minimum; <see langword="null"/> for none.</summary>
    public (double X, double Y)? Minimum { get; init; }

    /// <summary>Where the legend goes. Default upper left.</summary>
    public Alignment LegendAlignment { get; init; } = Alignment.UpperLeft;

    /// <summary>The width of each path's line, in pixels. Default 2.5.</summary>
    public float PathWidth { get; init; } = 2.5f;

    /// <summary>Draw a small marker at every point of each path (useful for short, jumpy paths). Default false.</summary>
    public bool PathMarkers { get; init; }

    /// <summary>The colour index of each path, by position; <see langword="null"/> means 0, 1, 2, ….</summary>
    public IReadOnlyList<int>? ColorIndices { get; init; }

    /// <summary>
    /// Draw a colour scale beside the map, its ticks at the contour levels labelled with the surface's value there.
    /// Default true.
    /// </summary>
    public bool ColorScale { get; init; } = true;

    /// <summary>The colour scale's label, e.g. "loss"; <see langword="null"/> for none.</summary>
    public string? ColorScaleLabel { get; init; }
}

/// <summary>Contour maps of a surface with paths drawn over them — the tutorial's pictures of optimizers descending an error surface.</summary>
public static class ContourChart
{
    private static readonly ScottPlot.Colormaps.CustomInterpolated Background = new(
    [
        Color.FromHex("#fbfbf7"),
        Color.FromHex("#eceae0"),
        Color.FromHex("#d6d3c6"),
        Color.FromHex("#b9b5a6"),
    ]);

    /// <summary>
    /// Draws the surface as a shaded contour map and each path over it, with a start marker, an end marker and a
    /// legend entry per path.
    /// </summary>
    /// <param name="surface">The surface (its extent becomes the axis limits).</param>
    /// <param name="paths">The paths, in legend order.</param>
    /// <param name="text">Title and axis labels.</param>
    /// <param name="options">Options; <see langword="null"/> for the defaults.</param>
    /// <returns>The plot; save it with <see cref="ChartFile.SavePng"/>.</returns>
    public static Plot Create(Surface2D surface, IReadOnlyList<PathSeries> paths, ChartText text, ContourOptions? options = null)
        => Build(surface, paths, text, options ?? new ContourOptions()).Plot;

    internal static ContourScene Build(Surface2D surface, IReadOnlyList<PathSeries> paths, ChartText text, ContourOptions options)
    {
        ArgumentNullException.ThrowIfNull(surface);
        ArgumentNullException.ThrowIfNull(paths);
        Plot plot = ChartPalette.NewPlot(text);
        AddSurface(plot, surface, options);

        var lines = new List<Scatter>();
        var halos = new List<Scatter>();
        var heads = new List<Marker>();
        for (int p = 0; p < paths.Count; p++)
        {
            PathSeries path = paths[p];
            Color color = ChartPalette.Series(options.ColorIndices is { } indices && p < indices.Count ? indices[p] : p);
            double[] xs = path.X[..path.Length];
            double[] ys = path.Y[..path.Length];

            Scatter halo = plot.Add.ScatterLine(xs, ys, Colors.White.WithAlpha(0.85));
            halo.LineWidth = options.PathWidth + 3;
            halos.Add(halo);

            Scatter line = plot.Add.Scatter(xs, ys, color);
            line.LineWidth = options.PathWidth;
            line.MarkerSize = options.PathMarkers ? 4 : 0;
            line.MarkerShape = options.PathMarkers ? MarkerShape.FilledCircle : MarkerShape.None;
            line.LegendText = path.Label;
            lines.Add(line);

            if (path.Length > 0)
            {
                Marker head = plot.Add.Marker(xs[^1], ys[^1], MarkerShape.FilledCircle, 11, color);
                head.MarkerLineColor = Colors.White;
                head.MarkerLineWidth = 1.5f;
                heads.Add(head);
            }
        }

        // One start marker when the paths share their start (the usual case), else one per path.
        var starts = paths.Where(p => p.Length > 0).Select(p => (p.X[0], p.Y[0])).Distinct().ToList();
        for (int s = 0; s < starts.Count; s++)
        {
            Marker start = plot.Add.Marker(starts[s].Item1, starts[s].Item2, MarkerShape.FilledSquare, 10, Colors.Black);
            if (s == 0)
            {
                start.LegendText = "start";
            }
        }

        if (options.Minimum is { } minimum)
        {
            Marker star = plot.Add.Marker(minimum.X, minimum.Y, MarkerShape.Asterisk, 16, Colors.Black);
            star.MarkerLineWidth = 2.5f;
            star.LegendText = "minimum";
        }

        plot.Axes.SetLimits(surface.X[0], surface.X[^1], surface.Y[0], surface.Y[^1]);
        ChartPalette.ShowLegend(plot, options.LegendAlignment).BackgroundColor = Colors.White.WithAlpha(0.85);
        return new ContourScene(plot, lines, halos, heads);
    }

    internal static void AddSurface(Plot plot, Surface2D surface, ContourOptions options)
    {
        double floor = SmallestPositive(surface.Z);
        (double[,] intensities, Coordinates3d[,] coordinates) = GridLayers.Sample(surface, z => Transform(z, options.Scale, floor));

        // Filled bands between the contour levels (as matplotlib's contourf): flat colours read better than a
        // gradient under coloured paths, and compress far better in an animated GIF.
        (double low, double high) = MinMax(intensities);
        int rows = intensities.GetLength(0), columns = intensities.GetLength(1);
        int bands = Math.Max(options.Levels, 0) + 1; // the contour lines sit on the bands' edges
        var banded = new double[rows, columns];
        for (int j = 0; j < rows; j++)
        {
            for (int i = 0; i < columns; i++)
            {
                double t = high > low ? (intensities[j, i] - low) / (high - low) : 0;
                banded[j, i] = double.IsFinite(t) ? Math.Min(Math.Floor(t * bands), bands - 1) : double.NaN;
            }
        }

        Heatmap heatmap = GridLayers.AddHeatmap(plot, banded, Background, surface.X[0], surface.X[^1], surface.Y[0], surface.Y[^1]);
        if (high > low && options.Levels > 0)
        {
            var levels = new double[options.Levels];
            for (int k = 0; k < levels.Length; k++)
            {
                levels[k] = low + (high - low) * (k + 1) / (levels.Length + 1);
            }

            GridLayers.AddContourLines(plot, coordinates, levels, Color.FromHex("#6d6a5f").WithAlpha(0.75), 1);
            if (options.ColorScale)
            {
                AddColorScale(plot, heatmap, levels, options);
            }
        }
    }

    /// <summary>
    /// A colour bar for the bands. The heatmap holds band numbers 0 … L (L contour levels), so the bar runs over
    /// those; contour level k is the edge between bands k and k + 1, at k + ½ on the bar, and is labelled with the
    /// surface's value there (the scale transform undone), every other level when there are many.
    /// </summary>
    private static void AddColorScale(Plot plot, Heatmap heatmap, double[] levels, ContourOptions options)
    {
        ScottPlot.Panels.ColorBar bar = plot.Add.ColorBar(heatmap);
        bar.Label = options.ColorScaleLabel ?? "";
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        int every = levels.Length > 8 ? 2 : 1;
        for (int k = every - 1; k < levels.Length; k += every)
        {
            ticks.AddMajor(k + 0.5, FormatLevel(Untransform(levels[k], options.Scale)));
        }

        bar.Axis.TickGenerator = ticks;
    }

    /// <summary>The surface's value at a level: three significant digits, in exponent form when very small or large.</summary>
    internal static string FormatLevel(double value) =>
        value.ToString(value != 0 && (Math.Abs(value) < 1e-3 || Math.Abs(value) >= 1e5) ? "0.##e0" : "G3", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The surface's value whose transformed value is <paramref name="t"/>.</summary>
    internal static double Untransform(double t, SurfaceScale scale) => scale switch
    {
        SurfaceScale.Sqrt => t * t,
        SurfaceScale.Log => Math.Pow(10, t),
        _ => t,
    };

    private static double Transform(double z, SurfaceScale scale, double floor) => scale switch
    {
        SurfaceScale.Sqrt => Math.Sqrt(Math.Max(z, 0)),
        SurfaceScale.Log => Math.Log10(Math.Max(z, floor)),
        _ => z,
    };

    private static double SmallestPositive(double[,] z)
    {
        double smallest = double.PositiveInfinity;
        foreach (double v in z)
        {
            if (v > 0 && v < smallest)
            {
                smallest = v;
            }
        }

        return double.IsPositiveInfinity(smallest) ? 1e-300 : smallest;
    }

    private static (double Min, double Max) MinMax(double[,] values)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (double v in values)
        {
            if (double.IsFinite(v))
            {
                min = Math.Min(min, v);
                max = Math.Max(max, v);
            }
        }

        return (min, max);
    }
}

/// <summary>A built contour chart whose paths can be revealed step by step (for animation).</summary>
internal sealed record ContourScene(Plot Plot, IReadOnlyList<Scatter> Lines, IReadOnlyList<Scatter> Halos, IReadOnlyList<Marker> Heads);

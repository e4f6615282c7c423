using System.Globalization;
using System.Text;
using ScottPlot;
using ScottPlot.Plottables;
using ScottPlot.TickGenerators;

namespace OptGen.Plotting;

/// <summary>Options of a loss chart.</summary>
public sealed record LossChartOptions
{
    /// <summary>Plot log₁₀ of the values with ticks at powers of ten. Default true.</summary>
    public bool LogScale { get; init; } = true;

    /// <summary>The smallest value drawn on a log scale; smaller ones (and 0) are drawn here. Default 1e-35.</summary>
    public double Floor { get; init; } = 1e-35;

    /// <summary>A horizontal dashed line, e.g. the threshold of "epochs to reach"; <see langword="null"/> for none.</summary>
    public double? Threshold { get; init; }

    /// <summary>Where the legend goes. Default upper right.</summary>
    public Alignment LegendAlignment { get; init; } = Alignment.UpperRight;

    /// <summary>The colour index of each series, by position; <see langword="null"/> means 0, 1, 2, ….</summary>
    public IReadOnlyList<int>? ColorIndices { get; init; }

    /// <summary>A .NET format for the vertical axis's labels on a linear scale (e.g. "P0" for percentages); <see langword="null"/> for the default.</summary>
    public string? TickFormat { get; init; }
}

/// <summary>Loss against epoch for several runs, on a log scale by default.</summary>
public static class LossChart
{
    /// <summary>Draws each series as a line against its 1-based index (the epoch).</summary>
    /// <param name="series">The runs, in legend order. A series stops at its first value that is not finite.</param>
    /// <param name="text">Title and axis labels.</param>
    /// <param name="options">Options; <see langword="null"/> for the defaults.</param>
    /// <returns>The plot; save it with <see cref="ChartFile.SavePng"/>.</returns>
    public static Plot Create(IReadOnlyList<LossSeries> series, ChartText text, LossChartOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        options ??= new LossChartOptions();
        Plot plot = ChartPalette.NewPlot(text);
        double yMin = double.PositiveInfinity, yMax = double.NegativeInfinity;
        int longest = 1;
        for (int s = 0; s < series.Count; s++)
        {
            double[] values = series[s].Values;
            int n = 0;
            while (n < values.Length && double.IsFinite(values[n]))
            {
                n++;
            }

            var xs = new double[n];
            var ys = new double[n];
            for (int k = 0; k < n; k++)
            {
                xs[k] = k + 1;
                ys[k] = Map(values[k], options);
                yMin = Math.Min(yMin, ys[k]);
                yMax = Math.Max(yMax, ys[k]);
            }

            longest = Math.Max(longest, n);
            Color color = ChartPalette.Series(options.ColorIndices is { } indices && s < indices.Count ? indices[s] : s);
            Scatter line = plot.Add.ScatterLine(xs, ys, color);
            line.LineWidth = 2.2f;
            line.LegendText = n < values.Length ? $"{series[s].Label} (diverged at epoch {n + 1})" : series[s].Label;
        }

        if (options.Threshold is { } threshold)
        {
            double y = Map(threshold, options);
            HorizontalLine rule = plot.Add.HorizontalLine(y, 1.5f, Colors.Black.WithAlpha(0.6), LinePattern.Dashed);
            rule.LegendText = $"threshold {threshold.ToString("G3", CultureInfo.InvariantCulture)}";
            yMin = Math.Min(yMin, y);
            yMax = Math.Max(yMax, y);
        }

        if (options.LogScale && double.IsFinite(yMin) && double.IsFinite(yMax) && yMax - yMin < 2.5)
        {
            // Less than a few decades: label 1, 2 and 5 of each decade in plain numbers, so the axis is not two lone labels.
            plot.Axes.Left.TickGenerator = FewDecades(yMin - 0.3, yMax + 0.3);
            plot.Grid.MinorLineColor = Colors.Black.WithAlpha(0.03);
        }
        else if (options.LogScale)
        {
            var ticks = new NumericAutomatic
            {
                IntegerTicksOnly = true,
                LabelFormatter = PowerOfTen,
                MinorTickGenerator = new LogMinorTickGenerator(),
            };
            plot.Axes.Left.TickGenerator = ticks;
            plot.Grid.MinorLineColor = Colors.Black.WithAlpha(0.03);
        }
        else if (options.TickFormat is { } format)
        {
            plot.Axes.Left.TickGenerator = new NumericAutomatic { LabelFormatter = v => v.ToString(format, CultureInfo.InvariantCulture) };
        }

        if (double.IsFinite(yMin) && double.IsFinite(yMax))
        {
            double pad = Math.Max((yMax - yMin) * 0.05, options.LogScale ? 0.25 : 1e-12);
            plot.Axes.SetLimits(0, longest * 1.02, yMin - pad, yMax + pad);
        }

        ChartPalette.ShowLegend(plot, options.LegendAlignment);
        return plot;
    }

    private static double Map(double value, LossChartOptions options) =>
        options.LogScale ? Math.Log10(Math.Max(value, options.Floor)) : value;

    /// <summary>Ticks at 1, 2 and 5 × 10ᵏ (labelled) and the other multiples (minor) between two log₁₀ values.</summary>
    private static NumericManual FewDecades(double logMin, double logMax)
    {
        var ticks = new NumericManual();
        for (int decade = (int)Math.Floor(logMin); decade <= (int)Math.Ceiling(logMax); decade++)
        {
            for (int k = 1; k <= 9; k++)
            {
                double value = k * Math.Pow(10, decade);
                double position = Math.Log10(value);
                if (position < logMin || position > logMax)
                {
                    continue;
                }

                if (k is 1 or 2 or 5)
                {
                    ticks.AddMajor(position, value.ToString("G3", CultureInfo.InvariantCulture));
                }
                else
                {
                    ticks.AddMinor(position);
                }
            }
        }

        return ticks;
    }

    /// <summary>Formats an integer exponent k as 10ᵏ with superscript digits.</summary>
    internal static string PowerOfTen(double exponent)
    {
        int k = (int)Math.Round(exponent);
        if (k == 0)
        {
            return "1";
        }

        var text = new StringBuilder("10");
        foreach (char c in k.ToString(CultureInfo.InvariantCulture))
        {
            text.Append(c switch
            {
                '-' => '⁻',
                '0' => '⁰',
                '1' => '¹',
                '2' => '²',
                '3' => '³',
                '4' => '⁴',
                '5' => '⁵',
                '6' => '⁶',
                '7' => '⁷',
                '8' => '⁸',
                _ => '⁹',
            });
        }

        return text.ToString();
    }
}

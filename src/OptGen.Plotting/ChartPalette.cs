using ScottPlot;

namespace OptGen.Plotting;

/// <summary>The colours and fonts shared by every chart, so the same optimizer has the same colour everywhere.</summary>
public static class ChartPalette
{
    // Tableau 10 / matplotlib's tab10, reordered so that the first six (the six update rules) are the most distinct.
    private static readonly Color[] Colors =
    [
        Color.FromHex("#1f77b4"), // blue
        Color.FromHex("#ff7f0e"), // orange
        Color.FromHex("#2ca02c"), // green
        Color.FromHex("#d62728"), // red
        Color.FromHex("#9467bd"), // purple
        Color.FromHex("#8c564b"), // brown
        Color.FromHex("#e377c2"), // pink
        Color.FromHex("#17becf"), // cyan
        Color.FromHex("#bcbd22"), // olive
        Color.FromHex("#7f7f7f"), // grey
    ];

    /// <summary>The font every chart uses (DejaVu Sans, present on Linux machines; Skia falls back where it is not).</summary>
    public const string FontName = "DejaVu Sans";

    /// <summary>The number of distinct series colours before they repeat.</summary>
    public static int Count => Colors.Length;

    /// <summary>The colour of the series at <paramref name="index"/> (cycling after <see cref="Count"/>).</summary>
    public static Color Series(int index) => Colors[((index % Colors.Length) + Colors.Length) % Colors.Length];

    /// <summary>The colour of class 0 in a two-class picture.</summary>
    public static Color Class0 { get; } = Color.FromHex("#1f77b4");

    /// <summary>The colour of class 1 in a two-class picture.</summary>
    public static Color Class1 { get; } = Color.FromHex("#d62728");

    internal static Plot NewPlot(ChartText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var plot = new Plot();
        plot.Font.Set(FontName);
        plot.Title(text.Title, 17);
        plot.XLabel(text.XLabel, 14);
        plot.YLabel(text.YLabel, 14);
        plot.Axes.Title.Label.Bold = true;
        foreach (IAxis axis in plot.Axes.GetAxes())
        {
            axis.TickLabelStyle.FontSize = 12;
        }

        plot.Grid.MajorLineColor = Color.FromHex("#000000").WithAlpha(0.08);
        return plot;
    }

    /// <summary>Shows <paramref name="plot"/>'s legend at <paramref name="alignment"/> in the charts' font.</summary>
    internal static Legend ShowLegend(Plot plot, Alignment alignment)
    {
        Legend legend = plot.ShowLegend(alignment);
        legend.FontSize = 12;
        legend.FontName = FontName;
        return legend;
    }
}

using ScottPlot;
using SkiaSharp;

namespace OptGen.Plotting;

/// <summary>Writes charts to image files.</summary>
public static class ChartFile
{
    /// <summary>Renders <paramref name="plot"/> to a PNG file, creating the folder if needed.</summary>
    /// <param name="plot">The chart.</param>
    /// <param name="path">The file to write.</param>
    /// <param name="width">The width in pixels.</param>
    /// <param name="height">The height in pixels.</param>
    /// <returns>The full path of the file written.</returns>
    public static string SavePng(Plot plot, string path, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(plot);
        string full = PrepareFolder(path);
        CheckSize(width, height);
        plot.SavePng(full, width, height);
        return full;
    }

    /// <summary>Renders several charts side by side in a grid into one PNG file.</summary>
    /// <param name="plots">The charts, row by row.</param>
    /// <param name="columns">Charts per row.</param>
    /// <param name="cellWidth">The width of each chart in pixels.</param>
    /// <param name="cellHeight">The height of each chart in pixels.</param>
    /// <param name="path">The file to write.</param>
    /// <returns>The full path of the file written.</returns>
    public static string SaveGridPng(IReadOnlyList<Plot> plots, int columns, int cellWidth, int cellHeight, string path)
    {
        ArgumentNullException.ThrowIfNull(plots);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        ArgumentOutOfRangeException.ThrowIfZero(plots.Count);
        CheckSize(cellWidth, cellHeight);
        string full = PrepareFolder(path);
        int rows = (plots.Count + columns - 1) / columns;
        int usedColumns = Math.Min(columns, plots.Count);
        var info = new SKImageInfo(usedColumns * cellWidth, rows * cellHeight, SKColorType.Rgba8888, SKAlphaType.Premul);
        using SKSurface surface = SKSurface.Create(info);
        surface.Canvas.Clear(SKColors.White);
        var cell = new SKImageInfo(cellWidth, cellHeight, SKColorType.Rgba8888, SKAlphaType.Premul);
        for (int k = 0; k < plots.Count; k++)
        {
            // Each chart on its own surface (a plot's render fills the whole canvas it is given), then placed.
            using SKSurface cellSurface = SKSurface.Create(cell);
            plots[k].Render(cellSurface.Canvas, cellWidth, cellHeight);
            using SKImage cellImage = cellSurface.Snapshot();
            surface.Canvas.DrawImage(cellImage, k % columns * cellWidth, k / columns * cellHeight);
        }

        using SKImage image = surface.Snapshot();
        using SKData data = image.Encode(SKEncodedImageFormat.Png, 100);
        using (FileStream stream = File.Create(full))
        {
            data.SaveTo(stream);
        }

        return full;
    }

    internal static string PrepareFolder(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string full = Path.GetFullPath(path);
        string? folder = Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        return full;
    }

    internal static void CheckSize(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 16);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 16);
    }
}

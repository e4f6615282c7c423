using ScottPlot;
using ScottPlot.Plottables;

namespace OptGen.Plotting;

/// <summary>The layers that the contour map and the decision boundary both draw from a sampled surface.</summary>
internal static class GridLayers
{
    /// <summary>
    /// The values of <paramref name="surface"/> after <paramref name="transform"/>, laid out as a heatmap takes them
    /// (first row at the top) and as contour lines take them (one 3-D point per grid point).
    /// </summary>
    public static (double[,] Intensities, Coordinates3d[,] Coordinates) Sample(Surface2D surface, Func<double, double> transform)
    {
        int rows = surface.Y.Length, columns = surface.X.Length;
        var intensities = new double[rows, columns];
        var coordinates = new Coordinates3d[rows, columns];
        for (int j = 0; j < rows; j++)
        {
            for (int i = 0; i < columns; i++)
            {
                double z = transform(surface.Z[j, i]);
                intensities[rows - 1 - j, i] = z; // a heatmap's first row is drawn at the top
                coordinates[j, i] = new Coordinates3d(surface.X[i], surface.Y[j], z);
            }
        }

        return (intensities, coordinates);
    }

    /// <summary>
    /// Adds a smoothed heatmap of <paramref name="values"/> whose cells are centred on an evenly spaced grid from
    /// (<paramref name="xMin"/>, <paramref name="yMin"/>) to (<paramref name="xMax"/>, <paramref name="yMax"/>).
    /// </summary>
    public static Heatmap AddHeatmap(Plot plot, double[,] values, IColormap colormap, double xMin, double xMax, double yMin, double yMax)
    {
        double dx = (xMax - xMin) / (values.GetLength(1) - 1);
        double dy = (yMax - yMin) / (values.GetLength(0) - 1);
        Heatmap heatmap = plot.Add.Heatmap(values);
        heatmap.Colormap = colormap;
        heatmap.Smooth = true;
        heatmap.Extent = new CoordinateRect(xMin - dx / 2, xMax + dx / 2, yMin - dy / 2, yMax + dy / 2);
        return heatmap;
    }

    /// <summary>Adds unlabelled contour lines at <paramref name="levels"/>.</summary>
    public static void AddContourLines(Plot plot, Coordinates3d[,] coordinates, double[] levels, Color color, float width)
    {
        var lines = new ContourLines { ContourLineLevels = levels };
        lines.Update(coordinates);
        lines.LineColor = color;
        lines.LineWidth = width;
        lines.LabelStyle.IsVisible = false;
        plot.Add.Plottable(lines);
    }
}

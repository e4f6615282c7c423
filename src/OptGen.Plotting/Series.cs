using OptGen.Surfaces;

namespace OptGen.Plotting;

/// <summary>
/// A function of two variables sampled on a rectangular grid: <c>Z[j, i] = f(X[i], Y[j])</c>.
/// This is the shape of an error surface over two parameters (for the tutorial's neuron, w and b).
/// </summary>
public sealed record Surface2D
{
    /// <summary>Creates a surface and checks that the grid's shape matches its axes.</summary>
    /// <param name="x">The grid's x coordinates, strictly increasing, at least two.</param>
    /// <param name="y">The grid's y coordinates, strictly increasing, at least two.</param>
    /// <param name="z">The values: <c>z[j, i]</c> is the value at <c>(x[i], y[j])</c>.</param>
    /// <exception cref="ArgumentException">The shapes disagree, an axis has fewer than two points or does not increase.</exception>
    public Surface2D(double[] x, double[] y, double[,] z)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(z);
        CheckAxis(x, nameof(x));
        CheckAxis(y, nameof(y));
        if (z.GetLength(0) != y.Length || z.GetLength(1) != x.Length)
        {
            throw new ArgumentException(
                $"The grid z is {z.GetLength(0)}×{z.GetLength(1)}, but y has {y.Length} points and x has {x.Length}: z must be [y.Length, x.Length].",
                nameof(z));
        }

        X = x;
        Y = y;
        Z = z;
    }

    /// <summary>The grid's x coordinates (increasing).</summary>
    public double[] X { get; }

    /// <summary>The grid's y coordinates (increasing).</summary>
    public double[] Y { get; }

    /// <summary>The values: <c>Z[j, i]</c> is the value at <c>(X[i], Y[j])</c>.</summary>
    public double[,] Z { get; }

    /// <summary>The runtime's loss surface as a surface to draw: <c>Z[j, i]</c> is the loss at (<c>XValues[i]</c>, <c>YValues[j]</c>).</summary>
    /// <param name="surface">The losses over a grid of two parameters.</param>
    public static Surface2D From(LossSurface<double> surface)
    {
        ArgumentNullException.ThrowIfNull(surface);
        var z = new double[surface.Height, surface.Width];
        for (int j = 0; j < surface.Height; j++)
        {
            for (int i = 0; i < surface.Width; i++)
            {
                z[j, i] = surface[i, j];
            }
        }

        return new Surface2D(surface.XValues.ToArray(), surface.YValues.ToArray(), z);
    }

    /// <summary>Samples <paramref name="f"/> on an evenly spaced <paramref name="columns"/> × <paramref name="rows"/> grid.</summary>
    /// <param name="f">The function, called as <c>f(x, y)</c>.</param>
    /// <param name="xMin">The smallest x.</param>
    /// <param name="xMax">The largest x.</param>
    /// <param name="yMin">The smallest y.</param>
    /// <param name="yMax">The largest y.</param>
    /// <param name="columns">The number of x samples (at least 2).</param>
    /// <param name="rows">The number of y samples (at least 2).</param>
    public static Surface2D Sample(Func<double, double, double> f, double xMin, double xMax, double yMin, double yMax, int columns, int rows)
    {
        ArgumentNullException.ThrowIfNull(f);
        double[] x = Linspace(xMin, xMax, columns);
        double[] y = Linspace(yMin, yMax, rows);
        var z = new double[rows, columns];
        for (int j = 0; j < rows; j++)
        {
            for (int i = 0; i < columns; i++)
            {
                z[j, i] = f(x[i], y[j]);
            }
        }

        return new Surface2D(x, y, z);
    }

    /// <summary><paramref name="count"/> evenly spaced numbers from <paramref name="start"/> to <paramref name="end"/>, both included.</summary>
    public static double[] Linspace(double start, double end, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 2);
        var values = new double[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = start + (end - start) * i / (count - 1);
        }

        return values;
    }

    private static void CheckAxis(double[] axis, string name)
    {
        if (axis.Length < 2)
        {
            throw new ArgumentException($"The axis {name} needs at least two points; it has {axis.Length}.", name);
        }

        for (int i = 1; i < axis.Length; i++)
        {
            if (!(axis[i] > axis[i - 1]))
            {
                throw new ArgumentException($"The axis {name} must increase: {name}[{i - 1}] = {axis[i - 1]}, {name}[{i}] = {axis[i]}.", name);
            }
        }
    }
}

/// <summary>A path through a plane, e.g. an optimizer's (w, b) after each epoch, drawn as one line.</summary>
/// <param name="Label">The legend text (the optimizer's name).</param>
/// <param name="X">The x coordinates, in order.</param>
/// <param name="Y">The y coordinates, as many as <paramref name="X"/>.</param>
public sealed record PathSeries(string Label, double[] X, double[] Y)
{
    /// <summary>The number of points.</summary>
    public int Length => Math.Min(X.Length, Y.Length);
}

/// <summary>A series of values against a 1-based index, e.g. the loss after each epoch.</summary>
/// <param name="Label">The legend text.</param>
/// <param name="Values">The values; <c>Values[k]</c> is plotted at <c>k + 1</c>.</param>
public sealed record LossSeries(string Label, double[] Values);

/// <summary>Labelled points in a plane, e.g. a two-class dataset.</summary>
/// <param name="X1">The first feature.</param>
/// <param name="X2">The second feature.</param>
/// <param name="Labels">The class of each point: 0 or 1.</param>
public sealed record LabeledPoints(double[] X1, double[] X2, int[] Labels);

/// <summary>The words on a chart.</summary>
/// <param name="Title">The title above the chart.</param>
/// <param name="XLabel">The label of the horizontal axis.</param>
/// <param name="YLabel">The label of the vertical axis.</param>
public sealed record ChartText(string Title, string XLabel, string YLabel);

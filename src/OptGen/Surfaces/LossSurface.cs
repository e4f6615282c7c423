using System.Numerics;
using OptGen.Data;
using OptGen.Models;

namespace OptGen.Surfaces;

/// <summary>
/// The loss over a grid of two parameters with the others held fixed — what the tutorial's contour maps
/// draw. <see cref="Values"/> is row-major: row j (y = <see cref="YValues"/>[j]) holds the losses at every x.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
public sealed class LossSurface<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[] _xs;
    private readonly T[] _ys;
    private readonly T[] _values;

    private LossSurface(int xParameter, int yParameter, T[] xs, T[] ys, T[] values)
    {
        XParameter = xParameter;
        YParameter = yParameter;
        _xs = xs;
        _ys = ys;
        _values = values;
    }

    /// <summary>The index of the parameter on the x axis.</summary>
    public int XParameter { get; }

    /// <summary>The index of the parameter on the y axis.</summary>
    public int YParameter { get; }

    /// <summary>The number of grid points along x.</summary>
    public int Width => _xs.Length;

    /// <summary>The number of grid points along y.</summary>
    public int Height => _ys.Length;

    /// <summary>The x coordinates, evenly spaced from the minimum to the maximum.</summary>
    public ReadOnlySpan<T> XValues => _xs;

    /// <summary>The y coordinates, evenly spaced from the minimum to the maximum.</summary>
    public ReadOnlySpan<T> YValues => _ys;

    /// <summary>The losses, row-major (<c>Values[j * Width + i]</c> is at (XValues[i], YValues[j])).</summary>
    public ReadOnlySpan<T> Values => _values;

    /// <summary>The loss at grid point (<paramref name="i"/>, <paramref name="j"/>).</summary>
    public T this[int i, int j] => _values[j * Width + i];

    /// <summary>The smallest loss on the grid.</summary>
    public T Minimum => _values.Min();

    /// <summary>The largest loss on the grid.</summary>
    public T Maximum => _values.Max();

    /// <summary>
    /// Evaluates the loss of <paramref name="model"/> over <paramref name="data"/> at every point of a
    /// <paramref name="width"/> × <paramref name="height"/> grid, with parameter <paramref name="xParameter"/>
    /// spanning [<paramref name="xMin"/>, <paramref name="xMax"/>], <paramref name="yParameter"/> spanning
    /// [<paramref name="yMin"/>, <paramref name="yMax"/>], and every other parameter as in <paramref name="parameters"/>.
    /// </summary>
    public static LossSurface<T> Compute<TModel>(
        TModel model,
        Dataset<T> data,
        ReadOnlySpan<T> parameters,
        int xParameter, T xMin, T xMax, int width,
        int yParameter, T yMin, T yMax, int height)
        where TModel : IModel<T>
    {
        if (model is null)
        {
            throw new ArgumentNullException(nameof(model)); // not ThrowIfNull(object): that would box a struct model
        }

        ArgumentNullException.ThrowIfNull(data);
        if (parameters.Length != model.ParameterCount)
        {
            throw new ArgumentException($"The span has {parameters.Length} parameters; the model has {model.ParameterCount}.", nameof(parameters));
        }

        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)xParameter, (uint)parameters.Length, nameof(xParameter));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)yParameter, (uint)parameters.Length, nameof(yParameter));
        if (xParameter == yParameter)
        {
            throw new ArgumentException("The two parameters of a surface must differ.", nameof(yParameter));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(width, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 2);
        if (!(xMax > xMin) || !(yMax > yMin))
        {
            throw new ArgumentException("Each range's maximum must exceed its minimum.", nameof(xMax));
        }

        T[] xs = Grid(xMin, xMax, width);
        T[] ys = Grid(yMin, yMax, height);
        T[] point = parameters.ToArray();
        var values = new T[width * height];
        for (int j = 0; j < height; j++)
        {
            point[yParameter] = ys[j];
            for (int i = 0; i < width; i++)
            {
                point[xParameter] = xs[i];
                values[j * width + i] = model.ComputeLoss(point, data.All);
            }
        }

        return new LossSurface<T>(xParameter, yParameter, xs, ys, values);
    }

    private static T[] Grid(T min, T max, int count)
    {
        var values = new T[count];
        T last = T.CreateChecked(count - 1);
        for (int i = 0; i < count; i++)
        {
            // min + (max − min)·i/(n − 1): the ends are exact.
            values[i] = i == count - 1 ? max : min + (max - min) * T.CreateChecked(i) / last;
        }

        return values;
    }
}

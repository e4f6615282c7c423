using System.Numerics;

namespace OptGen.Surfaces;

/// <summary>
/// The path of the parameters through training: points of <see cref="Dimension"/> values (all parameters,
/// or the chosen indices), each with the step count at which it was taken, in a buffer allocated up front
/// so that recording allocates nothing. (A trainer's trajectory starts smaller and doubles as it fills, up to
/// the points its run can take, so that a run configured for billions of steps costs only what it records.)
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
public sealed class Trajectory<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly int[]? _indices;
    private T[] _values;
    private long[] _steps;

    /// <summary>A trajectory of at most <paramref name="capacity"/> points over <paramref name="parameterCount"/> parameters.</summary>
    /// <param name="parameterCount">The length of the parameter spans that will be recorded.</param>
    /// <param name="capacity">The most points it will hold.</param>
    /// <param name="indices">The parameters to record (null: all).</param>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside the parameters.</exception>
    public Trajectory(int parameterCount, int capacity, IReadOnlyList<int>? indices = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(parameterCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        if (indices is not null)
        {
            if (indices.Count == 0)
            {
                throw new ArgumentException("Record at least one parameter (or pass null for all).", nameof(indices));
            }

            foreach (int index in indices)
            {
                ArgumentOutOfRangeException.ThrowIfNegative(index, nameof(indices));
                ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, parameterCount, nameof(indices));
            }

            _indices = indices.ToArray();
        }

        ParameterCount = parameterCount;
        Dimension = _indices?.Length ?? parameterCount;
        Indices = Array.AsReadOnly(_indices ?? Enumerable.Range(0, parameterCount).ToArray());
        Capacity = capacity;
        _values = new T[checked(capacity * Dimension)];
        _steps = new long[capacity];
    }

    private Trajectory(int parameterCount, int capacity, int allocated, IReadOnlyList<int>? indices)
        : this(parameterCount, allocated, indices) => Capacity = capacity;

    /// <summary>
    /// A trajectory of up to <paramref name="points"/> points (fewer if they would not fit in one array) that
    /// allocates room for about 16K values (at least 16 points) and doubles as it fills.
    /// </summary>
    internal static Trajectory<T> Growing(int parameterCount, long points, IReadOnlyList<int>? indices)
    {
        const int InitialValues = 1 << 14;
        int dimension = Math.Max(indices?.Count ?? parameterCount, 1);
        int capacity = (int)Math.Clamp(points, 1, Array.MaxLength / dimension);
        return new Trajectory<T>(parameterCount, capacity, Math.Min(capacity, Math.Max(16, InitialValues / dimension)), indices);
    }

    /// <summary>The length of the recorded parameter spans.</summary>
    public int ParameterCount { get; }

    /// <summary>The values per point.</summary>
    public int Dimension { get; }

    /// <summary>The recorded parameter indices (all of them when none were chosen).</summary>
    public IReadOnlyList<int> Indices { get; }

    /// <summary>The most points it holds.</summary>
    public int Capacity { get; }

    /// <summary>The points recorded so far.</summary>
    public int Count { get; private set; }

    /// <summary>The values of point <paramref name="point"/>.</summary>
    public ReadOnlySpan<T> this[int point] => Point(point);

    /// <summary>The values of point <paramref name="point"/>.</summary>
    public ReadOnlySpan<T> Point(int point)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)point, (uint)Count, nameof(point));
        return new ReadOnlySpan<T>(_values, point * Dimension, Dimension);
    }

    /// <summary>The step count at which point <paramref name="point"/> was taken (0 for the starting point).</summary>
    public long StepAt(int point)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)point, (uint)Count, nameof(point));
        return _steps[point];
    }

    /// <summary>All recorded values, point after point.</summary>
    public ReadOnlySpan<T> Values => new(_values, 0, Count * Dimension);

    /// <summary>The step counts of all recorded points.</summary>
    public ReadOnlySpan<long> Steps => new(_steps, 0, Count);

    /// <summary>A new array with the <paramref name="component"/>-th value of every point (e.g. all w's, for a plot).</summary>
    public T[] Component(int component)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)component, (uint)Dimension, nameof(component));
        var result = new T[Count];
        for (int i = 0; i < Count; i++)
        {
            result[i] = _values[i * Dimension + component];
        }

        return result;
    }

    /// <summary>Records a point. Allocates nothing.</summary>
    /// <exception cref="InvalidOperationException">The trajectory is full.</exception>
    public void Record(ReadOnlySpan<T> parameters, long step)
    {
        if (parameters.Length != ParameterCount)
        {
            throw new ArgumentException($"The span has {parameters.Length} parameters; the trajectory records spans of {ParameterCount}.", nameof(parameters));
        }

        if (Count == _steps.Length)
        {
            if (Count == Capacity)
            {
                throw new InvalidOperationException($"The trajectory is full ({Capacity} points).");
            }

            Grow(Count + 1);
        }

        Span<T> point = _values.AsSpan(Count * Dimension, Dimension);
        if (_indices is null)
        {
            parameters.CopyTo(point);
        }
        else
        {
            for (int k = 0; k < _indices.Length; k++)
            {
                point[k] = parameters[_indices[k]];
            }
        }

        _steps[Count++] = step;
    }

    /// <summary>Forgets every point.</summary>
    public void Clear() => Count = 0;

    internal void Restore(ReadOnlySpan<T> values, ReadOnlySpan<long> steps)
    {
        if (steps.Length > Capacity || values.Length != steps.Length * Dimension)
        {
            throw new ArgumentException("The saved trajectory does not fit this trajectory.", nameof(values));
        }

        if (steps.Length > _steps.Length)
        {
            Grow(steps.Length);
        }

        values.CopyTo(_values);
        steps.CopyTo(_steps);
        Count = steps.Length;
    }

    private void Grow(int needed)
    {
        _steps = Training.LossHistory.Grown(_steps, needed, Capacity);
        var values = new T[_steps.Length * Dimension];
        Values.CopyTo(values);
        _values = values;
    }
}

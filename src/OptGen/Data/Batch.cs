using System.Numerics;

namespace OptGen.Data;

/// <summary>
/// A view of some rows of a <see cref="Dataset{T}"/>: either a contiguous range, or the rows listed in an
/// index span (a shuffled epoch). Creating one allocates nothing.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
public readonly ref struct Batch<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly ReadOnlySpan<int> _rows;
    private readonly int _start;

    /// <summary>A batch of the <paramref name="count"/> rows starting at <paramref name="start"/>.</summary>
    public Batch(Dataset<T> data, int start, int count)
    {
        ArgumentNullException.ThrowIfNull(data);
        if ((uint)start > (uint)data.Count || (uint)count > (uint)(data.Count - start))
        {
            throw new ArgumentOutOfRangeException(nameof(count), $"Rows {start}..{start + count} are outside the dataset's {data.Count} rows.");
        }

        Data = data;
        _start = start;
        Count = count;
        _rows = default;
    }

    /// <summary>A batch of the rows listed in <paramref name="rows"/> (each an index into <paramref name="data"/>).</summary>
    public Batch(Dataset<T> data, ReadOnlySpan<int> rows)
    {
        ArgumentNullException.ThrowIfNull(data);
        Data = data;
        _rows = rows;
        _start = -1;
        Count = rows.Length;
    }

    /// <summary>The dataset the rows come from.</summary>
    public Dataset<T> Data { get; }

    /// <summary>The number of rows in the batch.</summary>
    public int Count { get; }

    /// <summary>The dataset index of the batch's <paramref name="i"/>-th row.</summary>
    public int Row(int i) => _start >= 0 ? _start + i : _rows[i];

    /// <summary>The features of the batch's <paramref name="i"/>-th row.</summary>
    public ReadOnlySpan<T> Features(int i) => Data.Features(Row(i));

    /// <summary>The target of the batch's <paramref name="i"/>-th row.</summary>
    public T Target(int i) => Data.Target(Row(i));
}

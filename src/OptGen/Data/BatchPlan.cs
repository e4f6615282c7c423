using System.Numerics;

namespace OptGen.Data;

/// <summary>
/// The order of rows in each epoch and its cut into batches. The row order is rebuilt from the identity
/// and shuffled at every epoch start, so the order of an epoch depends only on the generator's state at
/// that point — which is what a checkpoint saves.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
public sealed class BatchPlan<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly int[] _order;
    private readonly int _batchSize;

    /// <summary>Plans the batches of <paramref name="data"/>, shuffling (if asked) from <paramref name="seed"/>.</summary>
    public BatchPlan(Dataset<T> data, Batching batching, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(batching);
        Data = data;
        Batching = batching;
        BatchCount = batching.BatchesPerEpoch(data.Count);
        _batchSize = batching.EffectiveBatchSize(data.Count);
        _order = new int[data.Count];
        Random = new SeededRandom(seed);
        ResetOrder();
    }

    /// <summary>The dataset being batched.</summary>
    public Dataset<T> Data { get; }

    /// <summary>The batching.</summary>
    public Batching Batching { get; }

    /// <summary>The number of batches (updates) per epoch.</summary>
    public int BatchCount { get; }

    /// <summary>The generator that shuffles the rows (its state is the shuffle position a checkpoint saves).</summary>
    public SeededRandom Random { get; }

    /// <summary>The row order of the current epoch.</summary>
    public ReadOnlySpan<int> Order => _order;

    /// <summary>Prepares the next epoch's order: the identity, shuffled if the batching asks for it.</summary>
    public void BeginEpoch()
    {
        ResetOrder();
        if (Batching.Shuffle)
        {
            Random.Shuffle(_order.AsSpan());
        }
    }

    /// <summary>The <paramref name="index"/>-th batch of the current epoch.</summary>
    public Batch<T> GetBatch(int index)
    {
        if ((uint)index >= (uint)BatchCount)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"An epoch has {BatchCount} batches.");
        }

        int start = index * _batchSize;
        int count = Math.Min(_batchSize, Data.Count - start);
        return new Batch<T>(Data, new ReadOnlySpan<int>(_order, start, count));
    }

    /// <summary>Puts back an epoch's order saved from <see cref="Order"/> (a checkpoint taken mid-epoch).</summary>
    internal void RestoreOrder(ReadOnlySpan<int> order) => order.CopyTo(_order);

    private void ResetOrder()
    {
        for (int i = 0; i < _order.Length; i++)
        {
            _order[i] = i;
        }
    }
}

namespace OptGen.Data;

/// <summary>
/// The batching of an epoch: full batch, stochastic, or mini-batches of B (the last short batch kept or
/// dropped), optionally shuffled at the start of every epoch.
/// </summary>
/// <param name="Mode">How much data each update sees.</param>
/// <param name="BatchSize">The mini-batch size B (1 for stochastic; ignored for full batch).</param>
/// <param name="DropLast">Whether a last batch shorter than B is dropped rather than kept.</param>
/// <param name="Shuffle">Whether the rows are shuffled at the start of every epoch (from the run's seed).</param>
public sealed record Batching(BatchingMode Mode, int BatchSize, bool DropLast, bool Shuffle)
{
    /// <summary>The whole dataset in each update, in order (the tutorial's batch gradient descent).</summary>
    public static Batching FullBatch { get; } = new(BatchingMode.FullBatch, 0, false, false);

    /// <summary>One sample per update, in order unless <paramref name="shuffle"/>.</summary>
    public static Batching Stochastic(bool shuffle = false) => new(BatchingMode.Stochastic, 1, false, shuffle);

    /// <summary>Mini-batches of <paramref name="batchSize"/> samples.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchSize"/> is not positive.</exception>
    public static Batching MiniBatch(int batchSize, bool shuffle = true, bool dropLast = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        return new(BatchingMode.MiniBatch, batchSize, dropLast, shuffle);
    }

    /// <summary>The number of updates per epoch over <paramref name="rowCount"/> rows.</summary>
    /// <exception cref="ArgumentException">No batch fits (mini-batches dropped down to none).</exception>
    public int BatchesPerEpoch(int rowCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rowCount);
        if (Mode == BatchingMode.MiniBatch && BatchSize <= 0)
        {
            throw new ArgumentException($"A mini-batch size must be positive, not {BatchSize}.", nameof(BatchSize));
        }

        int count = Mode switch
        {
            BatchingMode.FullBatch => 1,
            BatchingMode.Stochastic => rowCount,
            _ => DropLast ? rowCount / BatchSize : (rowCount + BatchSize - 1) / BatchSize,
        };
        if (count == 0)
        {
            throw new ArgumentException(
                $"Mini-batches of {BatchSize} with the last short batch dropped leave no batch from {rowCount} rows.", nameof(rowCount));
        }

        return count;
    }

    /// <summary>The size of the updates (the whole set for full batch).</summary>
    public int EffectiveBatchSize(int rowCount) => Mode switch
    {
        BatchingMode.FullBatch => rowCount,
        BatchingMode.Stochastic => 1,
        _ => BatchSize,
    };
}

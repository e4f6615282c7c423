namespace OptGen.Distributed.Sharding;

/// <summary>
/// How a flat parameter vector is cut among ranks: rank r owns the contiguous slice from
/// ⌊r·n/P⌋ to ⌊(r+1)·n/P⌋, so the slices differ in length by at most one element.
/// </summary>
public sealed class ShardLayout
{
    private readonly int[] _starts;
    private readonly int[] _lengths;

    /// <summary>The layout of <paramref name="parameterCount"/> parameters over <paramref name="ranks"/> ranks.</summary>
    /// <exception cref="ArgumentException">There are fewer parameters than ranks (a rank would own nothing).</exception>
    public ShardLayout(int parameterCount, int ranks)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(parameterCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ranks);
        if (parameterCount < ranks)
        {
            throw new ArgumentException($"{parameterCount} parameters cannot be sharded over {ranks} ranks: every rank needs at least one.", nameof(parameterCount));
        }

        ParameterCount = parameterCount;
        Ranks = ranks;
        _starts = new int[ranks];
        _lengths = new int[ranks];
        for (int r = 0; r < ranks; r++)
        {
            _starts[r] = PieceStart(parameterCount, ranks, r);
            _lengths[r] = PieceStart(parameterCount, ranks, r + 1) - _starts[r];
        }
    }

    /// <summary>The length of the whole vector.</summary>
    public int ParameterCount { get; }

    /// <summary>The number of ranks (shards).</summary>
    public int Ranks { get; }

    /// <summary>Where each rank's shard starts.</summary>
    public ReadOnlySpan<int> Starts => _starts;

    /// <summary>The length of each rank's shard.</summary>
    public ReadOnlySpan<int> Lengths => _lengths;

    /// <summary>Where rank <paramref name="rank"/>'s shard starts.</summary>
    public int Start(int rank) => _starts[rank];

    /// <summary>The length of rank <paramref name="rank"/>'s shard.</summary>
    public int Length(int rank) => _lengths[rank];

    /// <summary>Where piece <paramref name="index"/> of <paramref name="count"/> items cut into <paramref name="pieces"/> starts (the same cut for shards and sub-batches).</summary>
    public static int PieceStart(int count, int pieces, int index) => (int)((long)index * count / pieces);
}

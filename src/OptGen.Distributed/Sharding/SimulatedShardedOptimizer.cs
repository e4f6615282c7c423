using System.Numerics;

namespace OptGen.Distributed.Sharding;

/// <summary>
/// Every rank of a ZeRO-1 run played in one process, one after another, with the same arithmetic in the same order
/// as <see cref="MpiShardedOptimizer{T, TOptimizer}"/>: the parameters after any number of steps equal a real
/// run's with as many ranks, bit for bit. Needs no MPI.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
/// <typeparam name="TOptimizer">The generated, constructor-sized optimizer of one shard.</typeparam>
public sealed class SimulatedShardedOptimizer<T, TOptimizer> : ShardedOptimizer<T, TOptimizer>
    where T : unmanaged, IFloatingPointIeee754<T>
    where TOptimizer : IOptimizer<T>
{
    /// <summary>
    /// <paramref name="ranks"/> simulated ranks over <paramref name="parameterCount"/> parameters, each shard's
    /// optimizer made by <paramref name="create"/> for its length.
    /// </summary>
    public SimulatedShardedOptimizer(int ranks, int parameterCount, Func<int, TOptimizer> create, double? clipGradNorm = null)
        : base(new ShardLayout(parameterCount, ranks), 0, ranks, create, clipGradNorm)
    {
    }

    /// <inheritdoc/>
    public override void GatherScalars(ReadOnlySpan<double> local, Span<double> all, int width)
    {
        if (local.Length != width * RankCount || all.Length != width * RankCount)
        {
            throw new ArgumentException($"Gathering {width} numbers per rank over {RankCount} ranks needs {width * RankCount} of each, not {local.Length} and {all.Length}.", nameof(all));
        }

        local.CopyTo(all);
    }

    /// <inheritdoc/>
    public override void SaveWholeState(Span<T> whole)
    {
        if (whole.Length != WholeStateLength)
        {
            throw new ArgumentException($"The whole state needs {WholeStateLength} elements, not {whole.Length}.", nameof(whole));
        }

        T[] first = SaveShard(0);
        first.AsSpan(0, State.HeaderLength).CopyTo(whole);
        for (int r = 0; r < RankCount; r++)
        {
            T[] shard = r == 0 ? first : SaveShard(r);
            CheckHeaders(first, shard, r);
            State.Place<T>(shard, Layout.ParameterCount, Layout.Start(r), Layout.Length(r), whole);
        }
    }

    /// <inheritdoc/>
    public override byte[] ShareFromRoot(Func<byte[]> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        return read();
    }

    private protected override void CollectPieces(int local, Span<T> pieces)
    {
        // What MPI_Alltoallv delivers to rank `local`: every rank's gradient over this shard, rank 0's first.
        int start = Layout.Start(local), length = Layout.Length(local);
        for (int s = 0; s < RankCount; s++)
        {
            Gradient(s).Slice(start, length).CopyTo(pieces[(s * length)..]);
        }
    }

    private protected override void ShareParameters(Span<T> parameters)
    {
        // One vector serves every simulated rank: each shard was updated in place.
    }
}

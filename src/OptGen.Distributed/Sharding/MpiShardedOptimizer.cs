using System.Numerics;
using System.Text;
using OptGen.Distributed.Mpi;

namespace OptGen.Distributed.Sharding;

/// <summary>The ZeRO-1 optimizer of one MPI rank: this process's shard, exchanged with the other ranks over MPI.</summary>
/// <typeparam name="T">The element type.</typeparam>
/// <typeparam name="TOptimizer">The generated, constructor-sized optimizer of one shard.</typeparam>
public sealed class MpiShardedOptimizer<T, TOptimizer> : ShardedOptimizer<T, TOptimizer>
    where T : unmanaged, IFloatingPointIeee754<T>
    where TOptimizer : IOptimizer<T>
{
    private readonly Communicator _world;
    private readonly int[] _pieceCounts;
    private readonly int[] _pieceOffsets;

    /// <summary>
    /// This rank's shard of <paramref name="parameterCount"/> parameters, its optimizer made by
    /// <paramref name="create"/> for the shard's length. A collective: every rank must create one, with the same
    /// parameter count and optimizer.
    /// </summary>
    /// <exception cref="MpiException">The ranks disagree on the parameter count, element type or optimizer state.</exception>
    public MpiShardedOptimizer(Communicator world, int parameterCount, Func<int, TOptimizer> create, double? clipGradNorm = null)
        : base(new ShardLayout(parameterCount, (world ?? throw new ArgumentNullException(nameof(world))).Size), world.Rank, 1, create, clipGradNorm)
    {
        _world = world;
        int length = Layout.Length(world.Rank);
        _pieceCounts = new int[world.Size];
        _pieceOffsets = new int[world.Size];
        for (int s = 0; s < world.Size; s++)
        {
            _pieceCounts[s] = length;
            _pieceOffsets[s] = s * length;
        }

        CheckAgreement();
    }

    /// <inheritdoc/>
    public override void GatherScalars(ReadOnlySpan<double> local, Span<double> all, int width)
    {
        if (local.Length != width || all.Length != width * RankCount)
        {
            throw new ArgumentException($"Gathering {width} numbers per rank needs {width} local and {width * RankCount} gathered, not {local.Length} and {all.Length}.", nameof(all));
        }

        local.CopyTo(all[(_world.Rank * width)..]);
        _world.AllgatherInPlace(all);
    }

    /// <inheritdoc/>
    public override void SaveWholeState(Span<T> whole)
    {
        T[] shard = SaveShard(0);
        int header = State.HeaderLength, parameters = Layout.ParameterCount;
        if (_world.Rank == 0 && whole.Length != WholeStateLength)
        {
            throw new ArgumentException($"The whole state needs {WholeStateLength} elements, not {whole.Length}.", nameof(whole));
        }

        // Every rank's header to rank 0, which checks that they agree and keeps its own.
        var headers = new T[_world.Rank == 0 ? header * RankCount : 0];
        var counts = new int[RankCount];
        var offsets = new int[RankCount];
        for (int r = 0; r < RankCount; r++)
        {
            counts[r] = header;
            offsets[r] = r * header;
        }

        _world.GatherVariable<T>(shard.AsSpan(0, header), headers, counts, offsets, root: 0);
        if (_world.Rank == 0)
        {
            for (int r = 1; r < RankCount; r++)
            {
                CheckHeaders(headers, headers.AsSpan(r * header), r);
            }

            shard.AsSpan(0, header).CopyTo(whole);
        }

        // Then each per-parameter buffer, every rank's slice at its place.
        for (int b = 0; b < State.Buffers; b++)
        {
            Span<T> target = _world.Rank == 0 ? whole.Slice(header + b * parameters, parameters) : [];
            _world.GatherVariable<T>(shard.AsSpan(header + b * Layout.Length(_world.Rank), Layout.Length(_world.Rank)), target, Layout.Lengths, Layout.Starts, root: 0);
        }
    }

    /// <inheritdoc/>
    public override byte[] ShareFromRoot(Func<byte[]> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        byte[] payload = [];
        IOException? failure = null;
        if (_world.Rank == 0)
        {
            try
            {
                payload = read();
            }
            catch (IOException exception)
            {
                failure = exception;
                payload = Encoding.UTF8.GetBytes(exception.Message);
            }
        }

        // A header (length, and whether it is an error message), then the bytes.
        Span<double> header = [payload.Length, failure is null ? 0 : 1];
        _world.Broadcast(header, root: 0);
        if (_world.Rank != 0)
        {
            payload = new byte[(int)header[0]];
        }

        _world.Broadcast<byte>(payload, root: 0);
        if (header[1] != 0)
        {
            throw failure ?? new IOException(Encoding.UTF8.GetString(payload));
        }

        return payload;
    }

    private protected override void CollectPieces(int local, Span<T> pieces) =>
        _world.AllToAllVariable<T>(Gradient(_world.Rank), Layout.Lengths, Layout.Starts, pieces, _pieceCounts, _pieceOffsets);

    private protected override void ShareParameters(Span<T> parameters) =>
        _world.AllgatherVariableInPlace(parameters, Layout.Lengths, Layout.Starts);

    private void CheckAgreement()
    {
        // A mismatch would otherwise hang or corrupt the collectives: every rank compares, so every rank throws alike.
        Span<double> mine = [Layout.ParameterCount, System.Runtime.CompilerServices.Unsafe.SizeOf<T>(), State.HeaderLength, State.Buffers];
        var all = new double[mine.Length * RankCount];
        GatherScalars(mine, all, mine.Length);
        for (int r = 0; r < RankCount; r++)
        {
            if (!all.AsSpan(r * mine.Length, mine.Length).SequenceEqual(all.AsSpan(0, mine.Length)))
            {
                throw new MpiException(
                    $"Rank {r} shards {all[r * mine.Length]} parameters of {all[r * mine.Length + 1]}-byte elements, but rank 0 shards {all[0]} of {all[1]}-byte elements "
                    + "(or their optimizers' states differ): every rank must train the same model with the same optimizer.");
            }
        }
    }
}

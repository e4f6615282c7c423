using System.Diagnostics.CodeAnalysis;

namespace OptGen.Distributed.Mpi;

/// <summary>
/// MPI_COMM_WORLD: this process's rank, the number of ranks, and the collectives OptGen needs, for
/// <see cref="float"/>, <see cref="double"/> and <see cref="byte"/>. Every rank must make the same calls in the
/// same order with matching sizes, as MPI requires.
/// </summary>
/// <remarks>
/// MPI counts are 32-bit. The span overloads cannot exceed that; the pointer overloads take 64-bit counts and
/// cut the transfer into chunks of at most <see cref="ChunkElements"/> elements.
/// </remarks>
public sealed unsafe class Communicator
{
    private readonly MpiHandles _handles;

    internal Communicator(MpiHandles handles, MpiFamily family, int rank, int size, string libraryVersion)
    {
        _handles = handles;
        Family = family;
        Rank = rank;
        Size = size;
        LibraryVersion = libraryVersion;
    }

    /// <summary>This process's rank, from 0 to <see cref="Size"/> − 1.</summary>
    public int Rank { get; }

    /// <summary>The number of ranks.</summary>
    public int Size { get; }

    /// <summary>The family of the MPI library in use.</summary>
    public MpiFamily Family { get; }

    /// <summary>The library's own description of itself (MPI_Get_library_version).</summary>
    public string LibraryVersion { get; }

    /// <summary>The largest number of elements in one MPI call of the chunked overloads (tests make it small).</summary>
    internal long ChunkElements { get; set; } = int.MaxValue;

    /// <summary>Waits until every rank has called it.</summary>
    public void Barrier() => Check(NativeMpi.MPI_Barrier(_handles.CommWorld), "MPI_Barrier");

    /// <summary>
    /// Ends every process of the job with <paramref name="errorCode"/> (MPI_Abort). The launcher kills the other
    /// ranks, so none is left waiting in a collective.
    /// </summary>
    [DoesNotReturn]
    public void Abort(int errorCode)
    {
        NativeMpi.MPI_Abort(_handles.CommWorld, errorCode);
        Environment.Exit(errorCode);   // MPI_Abort does not return; should a library return anyway, still exit
        throw new InvalidOperationException("unreachable");
    }

    /// <summary>Replaces every element with its sum over all ranks (MPI_Allreduce in place; MPI's order of summation).</summary>
    public void Allreduce<T>(Span<T> values)
        where T : unmanaged
    {
        fixed (T* pointer = values)
        {
            Allreduce(pointer, values.Length);
        }
    }

    /// <summary>Replaces each of <paramref name="count"/> elements with its sum over all ranks, in chunks.</summary>
    public void Allreduce<T>(T* values, long count)
        where T : unmanaged
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        nint type = _handles.TypeOf<T>();
        for (long done = 0; done < count; done += ChunkElements)
        {
            int chunk = Chunk(count - done);
            Check(NativeMpi.MPI_Allreduce((void*)_handles.InPlace, values + done, chunk, type, _handles.Sum, _handles.CommWorld), "MPI_Allreduce");
        }
    }

    /// <summary>
    /// MPI_Reduce_scatter_block: <paramref name="send"/> holds <see cref="Size"/> blocks of
    /// <paramref name="receive"/>'s length; this rank receives the sum over all ranks of block <see cref="Rank"/>
    /// (in MPI's order of summation; <see cref="Sharding.RankOrder"/> has the deterministic one).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="send"/> is not <see cref="Size"/> × <paramref name="receive"/> long.</exception>
    public void ReduceScatterBlock<T>(ReadOnlySpan<T> send, Span<T> receive)
        where T : unmanaged
    {
        if ((long)receive.Length * Size != send.Length)
        {
            throw new ArgumentException($"The send span has {send.Length} elements; a reduce-scatter of {receive.Length} per rank over {Size} ranks needs {(long)receive.Length * Size}.", nameof(send));
        }

        nint type = _handles.TypeOf<T>();
        if (receive.Length <= ChunkElements)
        {
            fixed (T* from = send, to = receive)
            {
                Check(NativeMpi.MPI_Reduce_scatter_block(from, to, receive.Length, type, _handles.Sum, _handles.CommWorld), "MPI_Reduce_scatter_block");
            }

            return;
        }

        // Past the chunk size the blocks are cut alike and each round sends the same slice of every block.
        int block = receive.Length;
        var staging = new T[checked((int)ChunkElements * Size)];
        for (int done = 0; done < block; done += (int)ChunkElements)
        {
            int chunk = Chunk(block - done);
            for (int r = 0; r < Size; r++)
            {
                send.Slice(r * block + done, chunk).CopyTo(staging.AsSpan(r * chunk));
            }

            fixed (T* from = staging, to = receive[done..])
            {
                Check(NativeMpi.MPI_Reduce_scatter_block(from, to, chunk, type, _handles.Sum, _handles.CommWorld), "MPI_Reduce_scatter_block");
            }
        }
    }

    /// <summary>
    /// MPI_Allgather in place: <paramref name="buffer"/> holds <see cref="Size"/> equal blocks; each rank's own block
    /// (block <see cref="Rank"/>) is sent to every other rank.
    /// </summary>
    /// <exception cref="ArgumentException">The buffer's length is not a multiple of <see cref="Size"/>.</exception>
    public void AllgatherInPlace<T>(Span<T> buffer)
        where T : unmanaged
    {
        if (buffer.Length % Size != 0)
        {
            throw new ArgumentException($"The buffer has {buffer.Length} elements, not a multiple of the {Size} ranks.", nameof(buffer));
        }

        fixed (T* pointer = buffer)
        {
            AllgatherInPlace(pointer, buffer.Length / Size);
        }
    }

    /// <summary>MPI_Allgather in place of <see cref="Size"/> blocks of <paramref name="blockCount"/> elements, in chunks.</summary>
    public void AllgatherInPlace<T>(T* buffer, long blockCount)
        where T : unmanaged
    {
        ArgumentOutOfRangeException.ThrowIfNegative(blockCount);
        nint type = _handles.TypeOf<T>();
        if (blockCount * Size <= ChunkElements)
        {
            Check(NativeMpi.MPI_Allgather((void*)_handles.InPlace, 0, type, buffer, (int)blockCount, type, _handles.CommWorld), "MPI_Allgather");
            return;
        }

        // Blocks too large for one call's 32-bit counts and displacements: each rank broadcasts its block in chunks.
        for (int root = 0; root < Size; root++)
        {
            Broadcast(buffer + root * blockCount, blockCount, root);
        }
    }

    /// <summary>Copies <paramref name="buffer"/> from rank <paramref name="root"/> to every rank (MPI_Bcast).</summary>
    public void Broadcast<T>(Span<T> buffer, int root)
        where T : unmanaged
    {
        fixed (T* pointer = buffer)
        {
            Broadcast(pointer, buffer.Length, root);
        }
    }

    /// <summary>Copies <paramref name="count"/> elements from rank <paramref name="root"/> to every rank, in chunks.</summary>
    public void Broadcast<T>(T* buffer, long count, int root)
        where T : unmanaged
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        CheckRoot(root);
        nint type = _handles.TypeOf<T>();
        for (long done = 0; done < count; done += ChunkElements)
        {
            Check(NativeMpi.MPI_Bcast(buffer + done, Chunk(count - done), type, root, _handles.CommWorld), "MPI_Bcast");
        }
    }

    /// <summary>
    /// MPI_Allgatherv in place: rank r's <paramref name="counts"/>[r] elements at <paramref name="displacements"/>[r]
    /// of <paramref name="buffer"/> are sent to every rank.
    /// </summary>
    public void AllgatherVariableInPlace<T>(Span<T> buffer, ReadOnlySpan<int> counts, ReadOnlySpan<int> displacements)
        where T : unmanaged
    {
        CheckLayout(buffer.Length, counts, displacements, nameof(buffer));
        nint type = _handles.TypeOf<T>();
        fixed (T* pointer = buffer)
        fixed (int* countsPointer = counts, displacementsPointer = displacements)
        {
            Check(NativeMpi.MPI_Allgatherv((void*)_handles.InPlace, 0, type, pointer, countsPointer, displacementsPointer, type, _handles.CommWorld), "MPI_Allgatherv");
        }
    }

    /// <summary>
    /// MPI_Alltoallv: sends <paramref name="sendCounts"/>[r] elements at <paramref name="sendDisplacements"/>[r] of
    /// <paramref name="send"/> to rank r, and receives rank s's piece at <paramref name="receiveDisplacements"/>[s].
    /// </summary>
    public void AllToAllVariable<T>(
        ReadOnlySpan<T> send, ReadOnlySpan<int> sendCounts, ReadOnlySpan<int> sendDisplacements,
        Span<T> receive, ReadOnlySpan<int> receiveCounts, ReadOnlySpan<int> receiveDisplacements)
        where T : unmanaged
    {
        CheckLayout(send.Length, sendCounts, sendDisplacements, nameof(send));
        CheckLayout(receive.Length, receiveCounts, receiveDisplacements, nameof(receive));
        nint type = _handles.TypeOf<T>();
        fixed (T* from = send, to = receive)
        fixed (int* sc = sendCounts, sd = sendDisplacements, rc = receiveCounts, rd = receiveDisplacements)
        {
            Check(NativeMpi.MPI_Alltoallv(from, sc, sd, type, to, rc, rd, type, _handles.CommWorld), "MPI_Alltoallv");
        }
    }

    /// <summary>
    /// MPI_Gatherv: every rank sends <paramref name="send"/>; rank <paramref name="root"/> receives rank r's piece
    /// (<paramref name="counts"/>[r] elements) at <paramref name="displacements"/>[r] of <paramref name="receive"/>.
    /// The counts and displacements matter on the root only; other ranks may pass an empty receive span.
    /// </summary>
    public void GatherVariable<T>(ReadOnlySpan<T> send, Span<T> receive, ReadOnlySpan<int> counts, ReadOnlySpan<int> displacements, int root)
        where T : unmanaged
    {
        CheckRoot(root);
        if (Rank == root)
        {
            CheckLayout(receive.Length, counts, displacements, nameof(receive));
            if (counts[root] != send.Length)
            {
                throw new ArgumentException($"The root sends {send.Length} elements but expects {counts[root]} from itself.", nameof(send));
            }
        }

        nint type = _handles.TypeOf<T>();
        fixed (T* from = send, to = receive)
        fixed (int* c = counts, d = displacements)
        {
            Check(NativeMpi.MPI_Gatherv(from, send.Length, type, to, c, d, type, root, _handles.CommWorld), "MPI_Gatherv");
        }
    }

    private int Chunk(long remaining) => (int)Math.Min(remaining, ChunkElements);

    private void CheckRoot(int root)
    {
        if ((uint)root >= (uint)Size)
        {
            throw new ArgumentOutOfRangeException(nameof(root), root, $"The root must be a rank from 0 to {Size - 1}.");
        }
    }

    private void CheckLayout(int length, ReadOnlySpan<int> counts, ReadOnlySpan<int> displacements, string name)
    {
        if (counts.Length != Size || displacements.Length != Size)
        {
            throw new ArgumentException($"There are {counts.Length} counts and {displacements.Length} displacements for {Size} ranks; one of each per rank is needed.", name);
        }

        for (int r = 0; r < Size; r++)
        {
            if (counts[r] < 0 || displacements[r] < 0 || (long)displacements[r] + counts[r] > length)
            {
                throw new ArgumentException($"Rank {r}'s piece ({counts[r]} elements at {displacements[r]}) does not fit in the {length} elements of '{name}'.", name);
            }
        }
    }

    private static void Check(int code, string function)
    {
        if (code != 0)
        {
            throw new MpiException($"{function} failed with MPI error code {code}.");
        }
    }
}

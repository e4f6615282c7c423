using System.Runtime.InteropServices;

namespace OptGen.Distributed.Mpi;

/// <summary>
/// The MPI functions OptGen calls, bound to the library <see cref="MpiLibrary"/> chooses at run time
/// (the logical name <see cref="LibraryName"/> is resolved by it). Every handle (communicator, datatype,
/// operation) is passed as <see cref="nint"/>: Open MPI's handles are pointers, MPICH's are 32-bit integers,
/// and on the 64-bit ABIs a 32-bit argument travels in the low half of the same register.
/// </summary>
internal static unsafe partial class NativeMpi
{
    /// <summary>The name the resolver maps to the loaded library.</summary>
    public const string LibraryName = "optgen-mpi";

    [LibraryImport(LibraryName)]
    public static partial int MPI_Init(int* argc, byte*** argv);

    [LibraryImport(LibraryName)]
    public static partial int MPI_Initialized(int* flag);

    [LibraryImport(LibraryName)]
    public static partial int MPI_Finalized(int* flag);

    [LibraryImport(LibraryName)]
    public static partial int MPI_Finalize();

    [LibraryImport(LibraryName)]
    public static partial int MPI_Get_library_version(byte* version, int* length);

    [LibraryImport(LibraryName)]
    public static partial int MPI_Comm_rank(nint comm, int* rank);

    [LibraryImport(LibraryName)]
    public static partial int MPI_Comm_size(nint comm, int* size);

    [LibraryImport(LibraryName)]
    public static partial int MPI_Barrier(nint comm);

    [LibraryImport(LibraryName)]
    public static partial int MPI_Abort(nint comm, int errorCode);

    [LibraryImport(LibraryName)]
    public static partial int MPI_Bcast(void* buffer, int count, nint datatype, int root, nint comm);

    [LibraryImport(LibraryName)]
    public static partial int MPI_Allreduce(void* send, void* receive, int count, nint datatype, nint op, nint comm);

    [LibraryImport(LibraryName)]
    public static partial int MPI_Reduce_scatter_block(void* send, void* receive, int receiveCount, nint datatype, nint op, nint comm);

    [LibraryImport(LibraryName)]
    public static partial int MPI_Allgather(void* send, int sendCount, nint sendType, void* receive, int receiveCount, nint receiveType, nint comm);

    [LibraryImport(LibraryName)]
    public static partial int MPI_Allgatherv(void* send, int sendCount, nint sendType, void* receive, int* receiveCounts, int* displacements, nint receiveType, nint comm);

    [LibraryImport(LibraryName)]
    public static partial int MPI_Gatherv(void* send, int sendCount, nint sendType, void* receive, int* receiveCounts, int* displacements, nint receiveType, int root, nint comm);

    [LibraryImport(LibraryName)]
    public static partial int MPI_Alltoallv(
        void* send, int* sendCounts, int* sendDisplacements, nint sendType, void* receive, int* receiveCounts, int* receiveDisplacements, nint receiveType, nint comm);
}

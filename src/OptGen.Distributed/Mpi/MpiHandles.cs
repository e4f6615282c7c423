using System.Runtime.InteropServices;

namespace OptGen.Distributed.Mpi;

/// <summary>The predefined handles OptGen uses, in the representation of one library family.</summary>
/// <param name="CommWorld">MPI_COMM_WORLD.</param>
/// <param name="Float">MPI_FLOAT.</param>
/// <param name="Double">MPI_DOUBLE.</param>
/// <param name="Byte">MPI_BYTE.</param>
/// <param name="Sum">MPI_SUM.</param>
/// <param name="InPlace">MPI_IN_PLACE (a sentinel address).</param>
internal sealed record MpiHandles(nint CommWorld, nint Float, nint Double, nint Byte, nint Sum, nint InPlace)
{
    /// <summary>Open MPI: each handle is the address of an exported global object; MPI_IN_PLACE is (void*)1.</summary>
    public static MpiHandles OpenMpi(nint library) => new(
        Export(library, "ompi_mpi_comm_world"),
        Export(library, "ompi_mpi_float"),
        Export(library, "ompi_mpi_double"),
        Export(library, "ompi_mpi_byte"),
        Export(library, "ompi_mpi_op_sum"),
        1);

    /// <summary>MPICH's <c>mpi.h</c> constants; MPI_IN_PLACE is (void*)-1.</summary>
    public static MpiHandles Mpich { get; } = new(0x44000000, 0x4c00040a, 0x4c00080b, 0x4c00010d, 0x58000003, -1);

    /// <summary>The datatype handle of <typeparamref name="T"/>.</summary>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not float, double or byte.</exception>
    public nint TypeOf<T>()
        where T : unmanaged =>
        typeof(T) == typeof(float) ? Float
        : typeof(T) == typeof(double) ? Double
        : typeof(T) == typeof(byte) ? Byte
        : throw new NotSupportedException($"MPI transfers here are of float, double or byte, not {typeof(T).Name}.");

    private static nint Export(nint library, string name) =>
        NativeLibrary.TryGetExport(library, name, out nint address)
            ? address
            : throw new MpiException($"The MPI library looks like Open MPI but does not export '{name}'; it is not an Open MPI 4 or 5 library.");
}

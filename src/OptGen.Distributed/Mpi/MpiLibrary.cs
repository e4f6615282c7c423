using System.Reflection;
using System.Runtime.InteropServices;

namespace OptGen.Distributed.Mpi;

/// <summary>
/// Loads the system's MPI library chosen from the launch environment, works out its family from its exports,
/// and points <see cref="NativeMpi"/>'s imports at it.
/// </summary>
internal static class MpiLibrary
{
    private static readonly Lock s_lock = new();
    private static nint s_library;
    private static MpiFamily s_family;
    private static MpiHandles? s_handles;

    static MpiLibrary() => NativeLibrary.SetDllImportResolver(typeof(MpiLibrary).Assembly, Resolve);

    /// <summary>Loads the library once per process; returns its family and handles.</summary>
    /// <exception cref="MpiException">No MPI library is installed, or it is not of the launcher's family.</exception>
    public static (MpiFamily Family, MpiHandles Handles) Load(LaunchEnvironment launch)
    {
        lock (s_lock)
        {
            if (s_handles is null)
            {
                string name = launch.LibraryName;
                if (!NativeLibrary.TryLoad(name, out nint library))
                {
                    throw new MpiException(
                        $"No MPI library could be loaded (tried '{name}'). Install Open MPI (apt-get install -y openmpi-bin) or MPICH "
                        + $"(apt-get install -y mpich), or set {LaunchEnvironment.LibraryVariable} to the path of the MPI library the launcher belongs to.");
                }

                MpiFamily family = NativeLibrary.TryGetExport(library, "ompi_mpi_comm_world", out _) ? MpiFamily.OpenMpi : MpiFamily.Mpich;
                if (launch.Family is { } launcher && launcher != family)
                {
                    NativeLibrary.Free(library);
                    throw new MpiException(
                        $"This process was started by {Describe(launcher)}'s launcher, but the library '{name}' is {Describe(family)}. "
                        + $"Launch with the mpirun of the library's family, or point {LaunchEnvironment.LibraryVariable} at a library of the launcher's family.");
                }

                s_family = family;
                s_handles = family == MpiFamily.OpenMpi ? MpiHandles.OpenMpi(library) : MpiHandles.Mpich;
                s_library = library;
            }

            return (s_family, s_handles);
        }
    }

    /// <summary>A family's name as its users know it.</summary>
    public static string Describe(MpiFamily family) => family == MpiFamily.OpenMpi ? "Open MPI" : "MPICH";

    private static nint Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath) =>
        name == NativeMpi.LibraryName ? s_library : 0;
}

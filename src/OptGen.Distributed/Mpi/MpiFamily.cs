namespace OptGen.Distributed.Mpi;

/// <summary>
/// The two families of MPI implementations, whose binary interfaces differ: Open MPI's handles are the
/// addresses of exported globals, MPICH's (and its derivatives') are integer constants.
/// </summary>
public enum MpiFamily
{
    /// <summary>Open MPI (<c>libmpi.so.40</c>; Debian's <c>openmpi-bin</c>).</summary>
    OpenMpi,

    /// <summary>MPICH and its ABI-compatible derivatives (<c>libmpich.so.12</c>; Debian's <c>mpich</c>).</summary>
    Mpich,
}

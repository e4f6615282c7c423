using System.Globalization;

namespace OptGen.Distributed.Mpi;

/// <summary>
/// What the process's environment says about how it was started: which MPI launcher (if any) started it,
/// with which rank and world size, and whether a library was named explicitly.
/// </summary>
/// <remarks>
/// Open MPI's <c>mpirun</c> sets <c>OMPI_COMM_WORLD_RANK</c> and <c>OMPI_COMM_WORLD_SIZE</c>; MPICH's Hydra
/// launcher sets <c>PMI_RANK</c> and <c>PMI_SIZE</c>. The launcher decides which library can join its job:
/// a library of the other family would not find its launcher and would silently run as a world of one.
/// </remarks>
/// <param name="Family">The family of the launcher, or null when no launcher started the process.</param>
/// <param name="Rank">The rank the launcher gave this process.</param>
/// <param name="Size">The number of processes the launcher started.</param>
/// <param name="LibraryOverride">A library path or name from <see cref="LibraryVariable"/>, if set.</param>
public sealed record LaunchEnvironment(MpiFamily? Family, int Rank, int Size, string? LibraryOverride)
{
    /// <summary>The environment variable that names the MPI library to load, overriding the choice by launcher.</summary>
    public const string LibraryVariable = "OPTGEN_MPI_LIBRARY";

    /// <summary>Whether an MPI launcher started this process.</summary>
    public bool IsLaunched => Family is not null;

    /// <summary>The environment of this process.</summary>
    public static LaunchEnvironment Current => From(Environment.GetEnvironmentVariable);

    /// <summary>Reads the launch environment through <paramref name="variable"/> (a lookup of environment variables).</summary>
    /// <exception cref="MpiException">A launcher variable is set but is not a valid number.</exception>
    public static LaunchEnvironment From(Func<string, string?> variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        string? library = variable(LibraryVariable) is { Length: > 0 } named ? named : null;
        if (variable("OMPI_COMM_WORLD_SIZE") is { } openMpiSize)
        {
            return new(MpiFamily.OpenMpi, Number(variable, "OMPI_COMM_WORLD_RANK"), Parse("OMPI_COMM_WORLD_SIZE", openMpiSize), library);
        }

        if (variable("PMI_SIZE") is { } pmiSize)
        {
            return new(MpiFamily.Mpich, Number(variable, "PMI_RANK"), Parse("PMI_SIZE", pmiSize), library);
        }

        return new(null, 0, 1, library);
    }

    /// <summary>The shared library to load: the override, else the one of the launcher's family.</summary>
    public string LibraryName => LibraryOverride ?? (Family == MpiFamily.Mpich ? "libmpich.so.12" : "libmpi.so.40");

    private static int Number(Func<string, string?> variable, string name) =>
        Parse(name, variable(name) ?? throw new MpiException($"The MPI launcher set the world size but not {name}."));

    private static int Parse(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int number)
            ? number
            : throw new MpiException($"The environment variable {name} is '{value}', not a non-negative whole number.");
}

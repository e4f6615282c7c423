namespace OptGen.Distributed.Tests.Infrastructure;

/// <summary>
/// Launches the test host (or the demo) under Open MPI's <c>mpirun</c>, under MPICH's, or alone. The MPI
/// implementations are installed by <c>.ci/install-mpi</c>, which the test command runs first; a missing one fails
/// the test with that instruction rather than skipping it.
/// </summary>
internal static class Launch
{
    /// <summary>Long enough for a loaded 2-core machine; a hang is killed at this point and fails its test.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    private static readonly string Configuration =
        typeof(Launch).Assembly.Location.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";

    /// <summary>The test host's assembly, from its own output folder (built before the tests by the project reference).</summary>
    public static string HostDll => Built("tests/OptGen.Distributed.TestHost", "OptGen.Distributed.TestHost.dll");

    /// <summary>The demo's assembly.</summary>
    public static string DemoDll => Built("samples/OptGen.Demo", "OptGen.Demo.dll");

    /// <summary>The environment every launch gets: plain logs (no terminal codes), and root allowed as CI runs as root.</summary>
    public static Dictionary<string, string> Environment(params (string Name, string Value)[] extra)
    {
        var environment = new Dictionary<string, string>
        {
            ["TERM"] = "dumb",
            ["OMPI_ALLOW_RUN_AS_ROOT"] = "1",
            ["OMPI_ALLOW_RUN_AS_ROOT_CONFIRM"] = "1",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        };
        foreach ((string name, string value) in extra)
        {
            environment[name] = value;
        }

        return environment;
    }

    /// <summary>Runs <c>mpirun -np <paramref name="ranks"/> dotnet DLL ARGS</c> (Open MPI's launcher).</summary>
    public static ProcessResult OpenMpi(int ranks, string dll, IEnumerable<string> arguments, IEnumerable<string>? mpiOptions = null, Dictionary<string, string>? environment = null, string? errorMarker = null) =>
        ProcessRun.Start(
            Program("mpirun.openmpi", "mpirun"),
            ["--oversubscribe", .. mpiOptions ?? [], "-np", Number(ranks), "dotnet", dll, .. arguments],
            Timeout,
            environment ?? Environment(),
            errorMarker);

    /// <summary>Runs the same under MPICH's Hydra launcher.</summary>
    public static ProcessResult Mpich(int ranks, string dll, IEnumerable<string> arguments) =>
        ProcessRun.Start(Program("mpirun.mpich"), ["-np", Number(ranks), "dotnet", dll, .. arguments], Timeout, Environment());

    /// <summary>Runs <c>dotnet DLL ARGS</c> with no launcher.</summary>
    public static ProcessResult Alone(string dll, IEnumerable<string> arguments) =>
        ProcessRun.Start("dotnet", [dll, .. arguments], Timeout, Environment());

    private static string Number(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Program(params string[] names)
    {
        foreach (string name in names)
        {
            foreach (string folder in (System.Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
            {
                if (folder.Length > 0 && File.Exists(Path.Combine(folder, name)))
                {
                    return Path.Combine(folder, name);
                }
            }
        }

        throw new InvalidOperationException($"'{names[0]}' is not installed; run .ci/install-mpi (it installs Open MPI and MPICH with apt-get) before these tests.");
    }

    /// <summary>The repository's root folder (the one holding OptGen.sln).</summary>
    public static string RepositoryRoot
    {
        get
        {
            string? folder = AppContext.BaseDirectory;
            while (folder is not null && !File.Exists(Path.Combine(folder, "OptGen.sln")))
            {
                folder = Path.GetDirectoryName(folder);
            }

            return folder ?? throw new InvalidOperationException($"The repository root (with OptGen.sln) was not found above {AppContext.BaseDirectory}.");
        }
    }

    private static string Built(string project, string assembly)
    {
        string path = Path.Combine(RepositoryRoot, project, "bin", Configuration, "net10.0", assembly);
        return File.Exists(path) ? path : throw new InvalidOperationException($"{path} is missing; build the solution first.");
    }
}

using OptGen.Distributed.Tests.Infrastructure;

namespace OptGen.Distributed.Tests.Mpi;

/// <summary>The README's two commands for the demo's distributed case: under mpirun, and simulated without it.</summary>
[Collection(MpiCollection.Name)]
public sealed class DemoTests
{
    [Fact]
    public void UnderMpirun_AndSimulated_PrintTheSameHashLast()
    {
        ProcessResult real = Launch.OpenMpi(2, Launch.DemoDll, ["distributed", "--epochs", "20"]);
        ProcessResult simulated = Launch.Alone(Launch.DemoDll, ["distributed", "--epochs", "20", "--simulate-ranks", "2"]);

        Assert.True(real.ExitCode == 0, real.ToString());
        Assert.True(simulated.ExitCode == 0, simulated.ToString());
        string realLast = LastLine(real.Output), simulatedLast = LastLine(simulated.Output);
        Assert.Matches("^parameters sha256: [0-9a-f]{64}$", realLast);
        Assert.Equal(simulatedLast, realLast);
        Assert.Single(real.Lines("parameters sha256:"));   // rank 0 reports; rank 1 is silent
        Assert.Contains("on 2 MPI ranks (Open MPI)", real.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void TheReadmesHash_IsWhatTheDefaultRunPrints()
    {
        // The README quotes the hash of the default run; the simulated run is bit for bit the mpirun one (above).
        string readme = File.ReadAllText(Path.Combine(Launch.RepositoryRoot, "README.md"));
        System.Text.RegularExpressions.Match quoted = System.Text.RegularExpressions.Regex.Match(readme, "`(parameters sha256: [0-9a-f]{64})`");
        Assert.True(quoted.Success, "README.md quotes no `parameters sha256: …` line.");

        ProcessResult simulated = Launch.Alone(Launch.DemoDll, ["distributed", "--simulate-ranks", "2"]);

        Assert.True(simulated.ExitCode == 0, simulated.ToString());
        Assert.Equal(quoted.Groups[1].Value, LastLine(simulated.Output));
    }

    [Fact]
    public void WithoutMpirunOrSimulation_SaysHowToRunIt()
    {
        ProcessResult run = Launch.Alone(Launch.DemoDll, ["distributed"]);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("mpirun -np 2 dotnet OptGen.Demo.dll distributed", run.Error, StringComparison.Ordinal);
        Assert.Contains("--simulate-ranks 2", run.Error, StringComparison.Ordinal);
    }

    private static string LastLine(string output) => output.TrimEnd().Split('\n')[^1].TrimEnd('\r');
}

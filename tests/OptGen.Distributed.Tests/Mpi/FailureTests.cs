using OptGen.Distributed.Tests.Infrastructure;

namespace OptGen.Distributed.Tests.Mpi;

/// <summary>What goes wrong must end the whole job quickly and say what: never a hang, never a silent world of one.</summary>
[Collection(MpiCollection.Name)]
public sealed class FailureTests
{
    private static readonly string Host = Launch.HostDll;

    [Fact]
    public void AnExceptionOnOneRank_AbortsTheJobWithinSeconds_WithThatRanksMessage()
    {
        const string message = "rank 1 of 2 failed: InvalidOperationException: injected failure at step 3";

        ProcessResult run = Launch.OpenMpi(2, Host, ["fail", "--fail-rank", "1", "--fail-step", "3"], errorMarker: message);

        Assert.False(run.TimedOut, run.ToString());
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Lines("result"));   // rank 0 did not finish the run alone
        Assert.True(run.AfterMarker < TimeSpan.FromSeconds(10), $"The job took {run.AfterMarker} after the failure to exit.\n{run}");
    }

    [Fact]
    public void AWrongRankCount_IsRefused()
    {
        ProcessResult run = Launch.OpenMpi(2, Host, ["parity", "--ranks", "3"]);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("this run needs 3 ranks, but it was launched with 2", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Lines("result"));
    }

    [Fact]
    public void NoLauncher_SaysHowToStartIt()
    {
        ProcessResult run = Launch.Alone(Host, ["parity"]);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("not started by an MPI launcher", run.Error, StringComparison.Ordinal);
        Assert.Contains("mpirun -np", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void NoMpiLibrary_SaysWhatToInstall()
    {
        ProcessResult run = Launch.OpenMpi(2, Host, ["collectives"], environment: Launch.Environment(("OPTGEN_MPI_LIBRARY", "libmpi-that-is-not-installed.so.99")));

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("No MPI library could be loaded (tried 'libmpi-that-is-not-installed.so.99')", run.Error, StringComparison.Ordinal);
        Assert.Contains("apt-get install -y openmpi-bin", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ALibraryOfTheOtherFamily_IsRefused_NotRunAsAWorldOfOne()
    {
        // MPICH's library under Open MPI's mpirun would make each process a 1-rank world of its own.
        ProcessResult run = Launch.OpenMpi(2, Host, ["collectives"], environment: Launch.Environment(("OPTGEN_MPI_LIBRARY", "libmpich.so.12")));

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("started by Open MPI's launcher, but the library 'libmpich.so.12' is MPICH", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Lines("collectives"));
    }

    [Fact]
    public void RanksThatShardDifferentVectors_AllRefuseBeforeTheFirstStep()
    {
        ProcessResult run = Launch.OpenMpi(2, Host, ["mismatch"]);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("Rank 1 shards 101 parameters of 4-byte elements, but rank 0 shards 100", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Lines("result"));
    }

    [Fact]
    public void RanksThatStartFromDifferentParameters_AllRefuseBeforeTheFirstStep()
    {
        ProcessResult run = Launch.OpenMpi(2, Host, ["mismatch", "--what", "parameters"]);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("Rank 1's initial parameters differ from rank 0's", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Lines("result"));
    }
}

using OptGen.Distributed.Tests.Infrastructure;

namespace OptGen.Distributed.Tests.Mpi;

/// <summary>
/// A checkpoint written by rank 0 of a 2-rank run holds the whole state: it resumes at 2 ranks bit for bit, and
/// loads — the same parameters and the same whole optimizer state — at 1 and 3 ranks, where the continued run equals
/// the simulation of that rank count.
/// </summary>
[Collection(MpiCollection.Name)]
public sealed class CheckpointTests : IDisposable
{
    private static readonly string Host = Launch.HostDll;
    private readonly string _folder = Directory.CreateTempSubdirectory("optgen-distributed-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void WrittenAtTwoRanks_ResumesAtTwoBitForBit_AndLoadsAtOneAndThree()
    {
        string path = Path.Combine(_folder, "run.ckpt");
        ProcessResult save = Launch.OpenMpi(2, Host, ["checkpoint", "--path", path, "--at", "9"]);
        Assert.True(save.ExitCode == 0, save.ToString());
        ResultLine saved = ResultLine.Parse(save, "saved").Single(l => l["rank"] == "0");
        string uninterrupted = ResultLine.HashesPerCase(save, 2)["checkpoint-uninterrupted"];
        Assert.Equal("9", saved["step"]);
        Assert.Single(Directory.GetFiles(_folder));   // rank 0 wrote one file; no temporary left behind

        ProcessResult resumeTwo = Launch.OpenMpi(2, Host, ["resume", "--path", path]);
        Assert.Equal(uninterrupted, ResultLine.HashesPerCase(resumeTwo, 2)["checkpoint-resumed"]);
        AssertLoaded(saved, resumeTwo, "0");

        ProcessResult resumeThree = Launch.OpenMpi(3, Host, ["resume", "--path", path]);
        AssertLoaded(saved, resumeThree, "0");
        ProcessResult simulatedThree = Launch.Alone(Host, ["resume", "--path", path, "--simulate", "3"]);
        Assert.Equal(ResultLine.SimulatedHashes(simulatedThree)["checkpoint-resumed"], ResultLine.HashesPerCase(resumeThree, 3)["checkpoint-resumed"]);

        ProcessResult one = Launch.Alone(Host, ["resume", "--path", path, "--simulate", "1"]);
        Assert.True(one.ExitCode == 0, one.ToString());
        AssertLoaded(saved, one, "sim");
    }

    [Fact]
    public void ACorruptedCheckpoint_IsRefusedOnEveryRank()
    {
        string path = Path.Combine(_folder, "run.ckpt");
        Assert.Equal(0, Launch.OpenMpi(2, Host, ["checkpoint", "--path", path, "--at", "4"]).ExitCode);
        byte[] bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0x40;
        File.WriteAllBytes(path, bytes);

        ProcessResult run = Launch.OpenMpi(2, Host, ["resume", "--path", path]);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("its SHA-256 checksum does not match", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Lines("loaded"));
    }

    private static void AssertLoaded(ResultLine saved, ProcessResult run, string rank)
    {
        Assert.True(run.ExitCode == 0, run.ToString());
        ResultLine loaded = ResultLine.Parse(run, "loaded").Single(l => l["rank"] == rank);
        Assert.Equal(saved["step"], loaded["step"]);
        Assert.Equal(saved["params"], loaded["params"]);
        Assert.Equal(saved["state"], loaded["state"]);
    }
}

using OptGen.Distributed.Tests.Infrastructure;

namespace OptGen.Distributed.Tests.Mpi;

/// <summary>
/// Real multi-process runs under mpirun: the binding's collectives, bit-identity with the single-process simulation
/// at 2 and 3 ranks (several kinds, float and double, clipping on, uneven batch cuts), over TCP, and under MPICH.
/// </summary>
[Collection(MpiCollection.Name)]
public sealed class MpiRunTests
{
    private static readonly string Host = Launch.HostDll;

    [Theory]
    [InlineData(2, null)]
    [InlineData(3, "5")]   // a chunk of 5 elements: every collective of 37 runs in several calls
    public void Collectives_GiveExactResults(int ranks, string? chunk)
    {
        ProcessResult run = Launch.OpenMpi(ranks, Host, chunk is null ? ["collectives"] : ["collectives", "--chunk", chunk]);

        Assert.True(run.ExitCode == 0, run.ToString());
        IReadOnlyList<ResultLine> lines = ResultLine.Parse(run, "collectives");
        Assert.Equal(Enumerable.Range(0, ranks).Select(r => $"{r}"), lines.Select(l => l["rank"]).Order());
        Assert.All(lines, l => Assert.Equal("OpenMpi", l["library"]));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void Parity_RealRanksEqualTheSimulationBitForBit(int ranks)
    {
        Dictionary<string, string> real = ResultLine.HashesPerCase(Launch.OpenMpi(ranks, Host, ["parity"]), ranks);
        Dictionary<string, string> simulated = ResultLine.SimulatedHashes(Launch.Alone(Host, ["parity", "--simulate", $"{ranks}"]));

        Assert.Equal(10, real.Count);
        Assert.Equal(simulated.OrderBy(p => p.Key), real.OrderBy(p => p.Key));
    }

    [Fact]
    public void Parity_DependsOnTheRankCount()
    {
        // The check above would be empty if the hashes ignored the ranks: 1 and 2 simulated ranks differ
        // (a mean of two rounded half-batch means is not the rounded mean of the batch).
        Dictionary<string, string> one = ResultLine.SimulatedHashes(Launch.Alone(Host, ["parity", "--simulate", "1"]));
        Dictionary<string, string> two = ResultLine.SimulatedHashes(Launch.Alone(Host, ["parity", "--simulate", "2"]));

        Assert.NotEqual(one["adam-float"], two["adam-float"]);
    }

    [Fact]
    public void Parity_OverTcp_TheTwoMachinePath()
    {
        // self,tcp: no shared-memory transport, as between two machines.
        Dictionary<string, string> real = ResultLine.HashesPerCase(Launch.OpenMpi(2, Host, ["parity"], ["--mca", "btl", "self,tcp"]), 2);
        Dictionary<string, string> simulated = ResultLine.SimulatedHashes(Launch.Alone(Host, ["parity", "--simulate", "2"]));

        Assert.Equal(simulated.OrderBy(p => p.Key), real.OrderBy(p => p.Key));
    }

    [Fact]
    public void Parity_UnderMpich_EqualsTheSimulation()
    {
        ProcessResult collectives = Launch.Mpich(2, Host, ["collectives", "--chunk", "5"]);
        Assert.True(collectives.ExitCode == 0, collectives.ToString());
        Assert.All(ResultLine.Parse(collectives, "collectives"), l => Assert.Equal("Mpich", l["library"]));

        Dictionary<string, string> real = ResultLine.HashesPerCase(Launch.Mpich(3, Host, ["parity"]), 3);
        Dictionary<string, string> simulated = ResultLine.SimulatedHashes(Launch.Alone(Host, ["parity", "--simulate", "3"]));

        Assert.Equal(simulated.OrderBy(p => p.Key), real.OrderBy(p => p.Key));
    }
}

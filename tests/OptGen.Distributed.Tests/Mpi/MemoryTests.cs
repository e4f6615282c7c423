using OptGen.Distributed.Tests.Infrastructure;

namespace OptGen.Distributed.Tests.Mpi;

/// <summary>ZeRO-1's point: each rank's optimizer holds 1/P of the single-process optimizer's state — measured, in a real run.</summary>
[Collection(MpiCollection.Name)]
public sealed class MemoryTests
{
    [Fact]
    public void EachOfTwoRanks_HoldsHalfTheOptimizerStateOfOneProcess()
    {
        const string size = "1000000";
        ProcessResult ranks = Launch.OpenMpi(2, Launch.HostDll, ["bench", "--size", size, "--steps", "1"]);
        ProcessResult single = Launch.Alone(Launch.HostDll, ["bench", "--simulate", "1", "--size", size, "--steps", "1"]);

        Assert.True(ranks.ExitCode == 0, ranks.ToString());
        Assert.True(single.ExitCode == 0, single.ToString());
        ResultLine whole = ResultLine.Parse(single, "bench").Single();
        IReadOnlyList<ResultLine> perRank = ResultLine.Parse(ranks, "bench");
        Assert.Equal(2, perRank.Count);
        long wholeState = long.Parse(whole["state-bytes"], System.Globalization.CultureInfo.InvariantCulture);
        long wholeHeap = long.Parse(whole["optimizer-allocated-bytes"], System.Globalization.CultureInfo.InvariantCulture);
        foreach (ResultLine rank in perRank)
        {
            // Half the buffers (Adam's m and v of 500,000 floats), plus the small header every state carries.
            long state = long.Parse(rank["state-bytes"], System.Globalization.CultureInfo.InvariantCulture);
            long heap = long.Parse(rank["optimizer-allocated-bytes"], System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(state, wholeState / 2, wholeState / 2 + 256);
            Assert.InRange(heap, wholeHeap / 2, wholeHeap / 2 + 1024);
        }
    }
}

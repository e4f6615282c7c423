using OptGen.Distributed.Mpi;
using OptGen.Distributed.Sharding;

namespace OptGen.Distributed.TestHost;

/// <summary>Every rank but rank 0 shards one parameter more: the ranks must notice before any collective goes wrong.</summary>
internal static class MismatchScenario
{
    public static int Run(Communicator world)
    {
        _ = new MpiShardedOptimizer<float, AdamFloat>(world, 100 + Math.Min(world.Rank, 1), n => new AdamFloat(n));
        Console.WriteLine($"result case=mismatch-unnoticed rank={world.Rank}");
        return 0;
    }
}

using OptGen.Distributed.Mpi;
using OptGen.Distributed.Sharding;
using OptGen.Models;

namespace OptGen.Distributed.TestHost;

/// <summary>
/// Ranks that are not replicas of each other, which must be noticed before a collective goes wrong or a step mixes
/// gradients from different points: <c>vector</c> — every rank but rank 0 shards one parameter more;
/// <c>parameters</c> — rank 1 initialises the model from another seed.
/// </summary>
internal static class MismatchScenario
{
    public static int Run(Communicator world, string what)
    {
        if (what == "vector")
        {
            _ = new MpiShardedOptimizer<float, AdamFloat>(world, 100 + Math.Min(world.Rank, 1), n => new AdamFloat(n));
        }
        else
        {
            var trainer = HostProblem.Trainer<float, Mlp<float>, AdamFloat>(world, world.Size, HostProblem.Model<float>(), n => new AdamFloat(n));
            if (world.Rank == 1)
            {
                trainer.Model.Initialize(trainer.Parameters, seed: 99);
            }

            trainer.Run();
        }

        Console.WriteLine($"result case=mismatch-unnoticed rank={world.Rank}");
        return 0;
    }
}

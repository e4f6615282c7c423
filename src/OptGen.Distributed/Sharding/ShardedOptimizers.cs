using System.Numerics;
using OptGen.Distributed.Mpi;

namespace OptGen.Distributed.Sharding;

/// <summary>Makes the sharded optimizer of a real or a simulated run, so a program can offer both with one code path.</summary>
public static class ShardedOptimizers
{
    /// <summary>
    /// Under MPI (<paramref name="world"/> not null), this rank's <see cref="MpiShardedOptimizer{T, TOptimizer}"/>;
    /// otherwise a <see cref="SimulatedShardedOptimizer{T, TOptimizer}"/> of <paramref name="ranks"/> ranks.
    /// </summary>
    /// <exception cref="ArgumentException">Under MPI, <paramref name="ranks"/> is not the world's size.</exception>
    public static ShardedOptimizer<T> Create<T, TOptimizer>(Communicator? world, int ranks, int parameterCount, Func<int, TOptimizer> create, double? clipGradNorm = null)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TOptimizer : IOptimizer<T>
    {
        if (world is null)
        {
            return new SimulatedShardedOptimizer<T, TOptimizer>(ranks, parameterCount, create, clipGradNorm);
        }

        if (ranks != world.Size)
        {
            throw new ArgumentException($"The run asks for {ranks} ranks, but MPI started {world.Size}.", nameof(ranks));
        }

        return new MpiShardedOptimizer<T, TOptimizer>(world, parameterCount, create, clipGradNorm);
    }
}

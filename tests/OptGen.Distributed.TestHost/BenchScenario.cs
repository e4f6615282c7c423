using System.Diagnostics;
using System.Globalization;
using OptGen.Data;
using OptGen.Distributed.Mpi;
using OptGen.Distributed.Sharding;

namespace OptGen.Distributed.TestHost;

/// <summary>
/// The timing of docs/benchmarks-distributed.md: Adam over <c>size</c> floats, sharded over the ranks; after two warm-up
/// steps, <c>steps</c> steps are timed per phase on every rank. With <c>--simulate 1</c> it times instead the plain,
/// unsharded generated optimizer over the whole vector (the single-process step).
/// </summary>
internal static class BenchScenario
{
    private const int WarmUp = 2;

    public static int Run(Communicator? world, int ranks, int size, int steps)
    {
        var random = new SeededRandom(5);
        var parameters = new float[size];
        for (int i = 0; i < size; i++)
        {
            parameters[i] = (float)random.NextGaussian();
        }

        if (world is null)
        {
            return Single(parameters, random, steps);
        }

        var sharded = new MpiShardedOptimizer<float, AdamFloat>(world, size, n => new AdamFloat(n));
        Span<float> gradient = sharded.Gradient(world.Rank);
        for (int i = 0; i < size; i++)
        {
            gradient[i] = (float)random.NextGaussian();
        }

        for (int s = 0; s < WarmUp; s++)
        {
            sharded.Step(parameters, 0.5f);
        }

        sharded.Timings.Reset();
        world.Barrier();
        long start = Stopwatch.GetTimestamp();
        for (int s = 0; s < steps; s++)
        {
            sharded.Step(parameters, 0.5f);
        }

        TimeSpan total = Stopwatch.GetElapsedTime(start);
        StepTimings t = sharded.Timings;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"bench rank={world.Rank} size={ranks} n={size} steps={steps} total-ms={Ms(total, steps):F2} reduce-scatter-ms={Ms(t.ReduceScatter, steps):F2} "
            + $"step-ms={Ms(t.Step, steps):F2} all-gather-ms={Ms(t.AllGather, steps):F2} state-bytes={sharded.StateBytes} optimizer-allocated-bytes={sharded.OptimizerAllocatedBytes}"));
        return 0;
    }

    private static int Single(float[] parameters, SeededRandom random, int steps)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        var adam = new AdamFloat(parameters.Length);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        var gradient = new float[parameters.Length];
        for (int i = 0; i < gradient.Length; i++)
        {
            gradient[i] = 0.5f * (float)random.NextGaussian();
        }

        for (int s = 0; s < WarmUp; s++)
        {
            adam.Step(parameters, gradient);
        }

        long start = Stopwatch.GetTimestamp();
        for (int s = 0; s < steps; s++)
        {
            adam.Step(parameters, gradient);
        }

        TimeSpan total = Stopwatch.GetElapsedTime(start);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"bench single n={parameters.Length} steps={steps} step-ms={Ms(total, steps):F2} state-bytes={(long)adam.StateLength * sizeof(float)} optimizer-allocated-bytes={allocated}"));
        return 0;
    }

    private static double Ms(TimeSpan time, int steps) => time.TotalMilliseconds / steps;
}

using OptGen.Data;
using OptGen.Distributed.Sharding;

namespace OptGen.Distributed.Tests.Sharding;

/// <summary>
/// ZeRO-1 against one unsharded optimizer: the same global gradient must give the same parameters and the same
/// whole state, bit for bit, whatever the number of ranks — and that state reshards to any other number.
/// </summary>
public sealed class SimulatedShardedOptimizerTests
{
    private const int Parameters = 101;   // not a multiple of 2, 3 or 4: uneven shards

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void EqualsOneOptimizerOnTheScaledRankOrderedSum(int ranks)
    {
        var sharded = new SimulatedShardedOptimizer<float, AdamFloat>(ranks, Parameters, n => new AdamFloat(n));
        var single = new AdamFloat(Parameters);
        float[] shardedParameters = Random(1, Parameters), singleParameters = (float[])shardedParameters.Clone();
        float scale = 1f / ranks;
        for (int step = 0; step < 5; step++)
        {
            var sum = new float[Parameters];
            for (int r = 0; r < ranks; r++)
            {
                float[] gradient = Random((ulong)(100 * step + r), Parameters);
                gradient.CopyTo(sharded.Gradient(r));
                for (int i = 0; i < Parameters; i++)
                {
                    sum[i] = r == 0 ? gradient[i] : sum[i] + gradient[i];
                }
            }

            for (int i = 0; i < Parameters; i++)
            {
                sum[i] *= scale;
            }

            sharded.Step(shardedParameters, scale);
            single.Step(singleParameters, sum);
            Assert.Equal(singleParameters, shardedParameters);
        }

        Assert.Equal(Save(single), SaveWhole(sharded));
        Assert.Equal(5, sharded.StepCount);
    }

    [Fact]
    public void TheWholeState_ReshardsToAnotherRankCount_AndContinuesAsOneOptimizer()
    {
        var three = new SimulatedShardedOptimizer<double, RMSPropDouble>(3, Parameters, n => new RMSPropDouble(n));
        var single = new RMSPropDouble(Parameters);
        double[] parameters = RandomDouble(2, Parameters), singleParameters = (double[])parameters.Clone();
        for (int step = 0; step < 3; step++)
        {
            double[] gradient = RandomDouble((ulong)step + 10, Parameters);
            gradient.CopyTo(three.Gradient(0));
            three.Gradient(1).Clear();
            three.Gradient(2).Clear();
            three.Step(parameters, 1.0);
            single.Step(singleParameters, gradient);
        }

        var two = new SimulatedShardedOptimizer<double, RMSPropDouble>(2, Parameters, n => new RMSPropDouble(n));
        two.LoadWholeState(SaveWhole(three));
        double[] next = RandomDouble(99, Parameters);
        next.CopyTo(two.Gradient(0));
        two.Gradient(1).Clear();
        two.Step(parameters, 1.0);
        single.Step(singleParameters, next);

        Assert.Equal(singleParameters, parameters);
        Assert.Equal(Save(single), SaveWhole(two));
    }

    [Fact]
    public void EachRank_HoldsOneShardOfTheState()
    {
        const int ranks = 4, parameters = 1 << 16;
        // One of each first, so that what runs once per process (type loading, the factory's first call) is not
        // counted below: it made the measurement flaky by a few KiB.
        _ = new AdamFloat(ranks);
        _ = new SimulatedShardedOptimizer<float, AdamFloat>(ranks, ranks, n => new AdamFloat(n));
        long before = GC.GetAllocatedBytesForCurrentThread();
        var full = new AdamFloat(parameters);
        long fullBytes = GC.GetAllocatedBytesForCurrentThread() - before;

        var sharded = new SimulatedShardedOptimizer<float, AdamFloat>(ranks, parameters, n => new AdamFloat(n));

        for (int k = 0; k < ranks; k++)
        {
            Assert.Equal(new AdamFloat(parameters / ranks).StateLength, sharded.Shard(k).StateLength);
        }

        // Measured: the four shards together allocate what one optimizer does, to within the per-object overhead.
        Assert.InRange(sharded.OptimizerAllocatedBytes, fullBytes, fullBytes + 4 * 1024);
        Assert.InRange(sharded.StateBytes, (long)full.StateLength * sizeof(float), (long)full.StateLength * sizeof(float) + 4 * 64);
    }

    [Fact]
    public void ABadFactoryOrSpan_IsRefusedWithWhatWasWrong()
    {
        var wrongSize = Assert.Throws<ArgumentException>(() => new SimulatedShardedOptimizer<float, AdamFloat>(2, 10, _ => new AdamFloat(3)));
        Assert.Contains("made an optimizer of 3 parameters when asked for", wrongSize.Message, StringComparison.Ordinal);

        var sharded = new SimulatedShardedOptimizer<float, AdamFloat>(2, 10, n => new AdamFloat(n));
        Assert.Throws<ArgumentException>(() => sharded.Step(new float[9], 1f));
        Assert.Throws<ArgumentOutOfRangeException>(() => sharded.Gradient(2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SimulatedShardedOptimizer<float, AdamFloat>(2, 10, n => new AdamFloat(n), clipGradNorm: -1));
    }

    internal static float[] Random(ulong seed, int length)
    {
        var random = new SeededRandom(seed);
        return [.. Enumerable.Range(0, length).Select(_ => (float)random.NextGaussian())];
    }

    internal static double[] RandomDouble(ulong seed, int length)
    {
        var random = new SeededRandom(seed);
        return [.. Enumerable.Range(0, length).Select(_ => random.NextGaussian())];
    }

    private static T[] Save<T>(IOptimizer<T> optimizer)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        var state = new T[optimizer.StateLength];
        optimizer.SaveState(state);
        return state;
    }

    private static T[] SaveWhole<T>(ShardedOptimizer<T> sharded)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        var state = new T[sharded.WholeStateLength];
        sharded.SaveWholeState(state);
        return state;
    }
}

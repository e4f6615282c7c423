using BenchmarkDotNet.Attributes;
using OptGen.Benchmarks.Optimizers;
using OptGen.Data;
using OptGen.Distributed.Sharding;

namespace OptGen.Benchmarks.Distributed;

/// <summary>
/// The arithmetic a ZeRO-1 step adds to one process, without the network: Adam over 16,777,216 floats as one generated
/// optimizer (the baseline), against the same step sharded over 2 ranks simulated in this process — each rank's
/// gradient pieces gathered and added in rank order, the 1/P scale read by the generated step, and the two half steps.
/// The timing with real MPI ranks (one process each, which BenchmarkDotNet's process model cannot launch) is the test
/// host's <c>bench</c> scenario; docs/benchmarks-distributed.md has both.
/// </summary>
[MemoryDiagnoser]
public class ShardedStepBenchmarks
{
    private const int N = 16_777_216;
    private AdamFloatN? _single;
    private SimulatedShardedOptimizer<float, AdamFloatN>? _sharded;
    private float[] _parameters = [];
    private float[] _gradient = [];

    [GlobalSetup(Target = nameof(SingleProcess))]
    public void SetupSingle()
    {
        Fill();
        _single = new AdamFloatN(N);
    }

    [GlobalSetup(Target = nameof(TwoSimulatedRanks))]
    public void SetupSharded()
    {
        Fill();
        _sharded = new SimulatedShardedOptimizer<float, AdamFloatN>(2, N, n => new AdamFloatN(n));
        _gradient.CopyTo(_sharded.Gradient(0));
        _gradient.CopyTo(_sharded.Gradient(1));
    }

    [Benchmark(Baseline = true)]
    public void SingleProcess() => _single!.Step(_parameters, _gradient);

    [Benchmark]
    public void TwoSimulatedRanks() => _sharded!.Step(_parameters, 0.5f);

    private void Fill()
    {
        var random = new SeededRandom(1);
        _parameters = new float[N];
        _gradient = new float[N];
        for (int i = 0; i < N; i++)
        {
            _parameters[i] = (float)random.NextGaussian();
            _gradient[i] = 0.01f * (float)random.NextGaussian();
        }
    }
}

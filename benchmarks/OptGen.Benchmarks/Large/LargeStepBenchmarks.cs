using OptGen.CompilerServices;
using System.Numerics;
using BenchmarkDotNet.Attributes;
using OptGen.Benchmarks.HandWritten;
using OptGen.Benchmarks.Torch;

namespace OptGen.Benchmarks.Large;

/// <summary>
/// One optimizer step over N = 1,024 (the whole state in L1/L2), 1,048,576 and 16,777,216 parameters (memory):
/// generated (one core, and <c>Parallel = true</c>), a hand-written scalar loop (the baseline), a hand-written
/// Vector256 loop, TorchSharp's <c>optimizer.step()</c> on one libtorch thread and on its default thread count,
/// and the bandwidth floor (the same bytes read and written with no arithmetic, on one core and on all cores).
/// Each case allocates only its own state, in its own process.
/// </summary>
[MemoryDiagnoser]
public abstract class LargeStepBenchmarks<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private HandOptimizer<T>? _scalar, _vector;
    private TorchStep? _torch;
    private BandwidthFloor<T>? _floor;
    private ParallelStep<T>? _floorParallel;

    [ParamsSource(nameof(Sizes))]
    public int N { get; set; }

    /// <summary>
    /// 1,024, 1,048,576 and 16,777,216; or only those listed in the environment variable OPTGEN_LARGE_N
    /// (comma-separated, e.g. OPTGEN_LARGE_N=16777216 for the DRAM case alone; the per-case processes inherit it).
    /// </summary>
    public static IEnumerable<int> Sizes()
    {
        string? only = Environment.GetEnvironmentVariable("OPTGEN_LARGE_N");
        return string.IsNullOrWhiteSpace(only)
            ? [1_024, 1_048_576, 16_777_216]
            : only.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(text => int.TryParse(text, out int n) && n > 0
                    ? n
                    : throw new ArgumentException($"OPTGEN_LARGE_N: '{text}' is not a positive parameter count."));
    }

    protected T[] P = [];
    protected T[] G = [];

    protected abstract Kind Kind { get; }

    /// <summary>State arrays the update rule keeps (Sgd 0, Momentum 1, RMSProp 1, Adam and AdamW 2).</summary>
    protected int StateArrays => Kind switch
    {
        Kind.Sgd => 0,
        Kind.Momentum or Kind.RMSProp => 1,
        Kind.Adam or Kind.AdamW => 2,
        _ => throw new NotSupportedException($"No large-N benchmark for {Kind}."),
    };

    protected abstract void CreateGenerated();
    protected abstract void CreateGeneratedParallel();

    // ------------------------------------------------------------ setups (one per case; BenchmarkDotNet runs each case in its own process)

    [GlobalSetup(Targets = ["Generated"])]
    public void SetupGenerated()
    {
        Fill();
        CreateGenerated();
    }

    [GlobalSetup(Targets = ["GeneratedParallel"])]
    public void SetupGeneratedParallel()
    {
        Fill();
        CreateGeneratedParallel();
    }

    [GlobalSetup(Target = nameof(ScalarLoop))]
    public void SetupScalar()
    {
        Fill();
        _scalar = HandOptimizer<T>.Create(Kind, N, vector: false);
    }

    [GlobalSetup(Target = nameof(Vector256Loop))]
    public void SetupVector()
    {
        Fill();
        _vector = HandOptimizer<T>.Create(Kind, N, vector: true);
    }

    [GlobalSetup(Target = nameof(TorchOneThread))]
    public void SetupTorchOneThread()
    {
        Fill();
        TorchStep.UseThreads(1);
        _torch = TorchStep.Create(Kind, P, G);
    }

    [GlobalSetup(Target = nameof(TorchDefaultThreads))]
    public void SetupTorchDefaultThreads()
    {
        Fill();
        TorchStep.UseThreads(null);
        _torch = TorchStep.Create(Kind, P, G);
    }

    [GlobalSetup(Target = nameof(Floor))]
    public void SetupFloor()
    {
        Fill();
        _floor = new BandwidthFloor<T>(N, StateArrays);
        CheckTraffic(_floor);
    }

    [GlobalSetup(Target = nameof(FloorParallel))]
    public void SetupFloorParallel()
    {
        Fill();
        _floor = new BandwidthFloor<T>(N, StateArrays);
        _floorParallel = new ParallelStep<T>(_floor);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _torch?.Dispose();
        _torch = null;
        _scalar = _vector = null;
        _floor = null;
        _floorParallel = null;
        P = G = [];
        ReleaseGenerated();
    }

    protected abstract void ReleaseGenerated();

    // ------------------------------------------------------------ the cases

    [Benchmark(Baseline = true, Description = "Hand-written scalar loop")]
    public void ScalarLoop() => _scalar!.Step(P, G);

    [Benchmark(Description = "Hand-written Vector256 loop")]
    public void Vector256Loop() => _vector!.Step(P, G);

    [Benchmark(Description = "TorchSharp step, 1 thread")]
    public void TorchOneThread() => _torch!.Step();

    [Benchmark(Description = "TorchSharp step, default threads")]
    public void TorchDefaultThreads() => _torch!.Step();

    [Benchmark(Description = "Bandwidth floor, 1 core")]
    public void Floor() => _floor!.Run(P, G);

    [Benchmark(Description = "Bandwidth floor, all cores")]
    public void FloorParallel() => _floorParallel!.Run(P, G);

    // ------------------------------------------------------------ helpers

    private void Fill()
    {
        P = new T[N];
        G = new T[N];
        var random = new Random(20261128);
        for (int i = 0; i < N; i++)
        {
            P[i] = T.CreateTruncating(random.NextDouble() * 2 - 1);
            G[i] = T.CreateTruncating(random.NextDouble() * 2 - 1);
        }
    }

    private void CheckTraffic(BandwidthFloor<T> floor)
    {
        var declared = GetType().GetCustomAttributes(typeof(Infrastructure.BytesPerParameterAttribute), true)
            .Cast<Infrastructure.BytesPerParameterAttribute>().Single().Bytes;
        if (declared != floor.BytesPerParameter)
        {
            throw new InvalidOperationException(
                $"{GetType().Name} declares {declared} bytes per parameter but its floor moves {floor.BytesPerParameter}.");
        }
    }
}

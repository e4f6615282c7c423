using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using OptGen.Benchmarks.HandWritten;
using OptGen.Benchmarks.Optimizers;
using OptGen.Benchmarks.Torch;

namespace OptGen.Benchmarks.Small;

// N = 2, one step: the cost is instruction latency, not memory. Sgd, Momentum, RMSProp, Adam and AdamW against
// every competitor here; the other kinds against the baseline alone in KindsSmall.cs. Per element type (a category, with its own
// baseline): generated; the hand-written straight-line baseline; a hand-written for-loop; a typical "runtime"
// optimizer (arrays, a virtual call, hyperparameters in fields); TorchSharp's optimizer.step().
// The four classes are the same but for the kind, on purpose: at ~2 ns a step, a generic base class would call the
// optimizers through shared generic code (they are classes) and measure the dispatch, not the step.

[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class SgdSmall
{
    private readonly float[] _pf = [1f, -1f], _gf = [0.25f, -0.5f];
    private readonly double[] _pd = [1.0, -1.0], _gd = [0.25, -0.5];
    private readonly SgdFloat2 _generatedFloat = new();
    private readonly SgdDouble2 _generatedDouble = new();
    private readonly SgdFloatStraight _straightFloat = new();
    private readonly SgdDoubleStraight _straightDouble = new();
    private readonly HandOptimizer<float> _loopFloat = new SgdLoop<float>(2);
    private readonly HandOptimizer<double> _loopDouble = new SgdLoop<double>(2);
    private readonly RuntimeOptimizer<float> _runtimeFloat = RuntimeOptimizer<float>.Create(Kind.Sgd, 2);
    private readonly RuntimeOptimizer<double> _runtimeDouble = RuntimeOptimizer<double>.Create(Kind.Sgd, 2);
    private TorchStep? _torch;

    [GlobalSetup(Target = nameof(TorchFloat))]
    public void SetupTorchFloat() => _torch = TorchStep.Create(Kind.Sgd, _pf, _gf);

    [GlobalSetup(Target = nameof(TorchDouble))]
    public void SetupTorchDouble() => _torch = TorchStep.Create(Kind.Sgd, _pd, _gd);

    [GlobalCleanup]
    public void Cleanup()
    {
        _torch?.Dispose();
        _torch = null;
    }

    [Benchmark(Description = "Generated"), BenchmarkCategory("float")]
    public void GeneratedFloat() => _generatedFloat.Step(_pf, _gf);

    [Benchmark(Baseline = true, Description = "Hand-written straight-line"), BenchmarkCategory("float")]
    public void StraightFloat() => _straightFloat.Step(_pf, _gf);

    [Benchmark(Description = "Hand-written for-loop"), BenchmarkCategory("float")]
    public void LoopFloat() => _loopFloat.Step(_pf, _gf);

    [Benchmark(Description = "Runtime optimizer (virtual, arrays)"), BenchmarkCategory("float")]
    public void RuntimeFloat() => _runtimeFloat.Step(_pf, _gf);

    [Benchmark(Description = "TorchSharp step"), BenchmarkCategory("float")]
    public void TorchFloat() => _torch!.Step();

    [Benchmark(Description = "Generated"), BenchmarkCategory("double")]
    public void GeneratedDouble() => _generatedDouble.Step(_pd, _gd);

    [Benchmark(Baseline = true, Description = "Hand-written straight-line"), BenchmarkCategory("double")]
    public void StraightDouble() => _straightDouble.Step(_pd, _gd);

    [Benchmark(Description = "Hand-written for-loop"), BenchmarkCategory("double")]
    public void LoopDouble() => _loopDouble.Step(_pd, _gd);

    [Benchmark(Description = "Runtime optimizer (virtual, arrays)"), BenchmarkCategory("double")]
    public void RuntimeDouble() => _runtimeDouble.Step(_pd, _gd);

    [Benchmark(Description = "TorchSharp step"), BenchmarkCategory("double")]
    public void TorchDouble() => _torch!.Step();
}

[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class MomentumSmall
{
    private readonly float[] _pf = [1f, -1f], _gf = [0.25f, -0.5f];
    private readonly double[] _pd = [1.0, -1.0], _gd = [0.25, -0.5];
    private readonly MomentumFloat2 _generatedFloat = new();
    private readonly MomentumDouble2 _generatedDouble = new();
    private readonly MomentumFloatStraight _straightFloat = new();
    private readonly MomentumDoubleStraight _straightDouble = new();
    private readonly HandOptimizer<float> _loopFloat = new MomentumLoop<float>(2);
    private readonly HandOptimizer<double> _loopDouble = new MomentumLoop<double>(2);
    private readonly RuntimeOptimizer<float> _runtimeFloat = RuntimeOptimizer<float>.Create(Kind.Momentum, 2);
    private readonly RuntimeOptimizer<double> _runtimeDouble = RuntimeOptimizer<double>.Create(Kind.Momentum, 2);
    private TorchStep? _torch;

    [GlobalSetup(Target = nameof(TorchFloat))]
    public void SetupTorchFloat() => _torch = TorchStep.Create(Kind.Momentum, _pf, _gf);

    [GlobalSetup(Target = nameof(TorchDouble))]
    public void SetupTorchDouble() => _torch = TorchStep.Create(Kind.Momentum, _pd, _gd);

    [GlobalCleanup]
    public void Cleanup()
    {
        _torch?.Dispose();
        _torch = null;
    }

    [Benchmark(Description = "Generated"), BenchmarkCategory("float")]
    public void GeneratedFloat() => _generatedFloat.Step(_pf, _gf);

    [Benchmark(Baseline = true, Description = "Hand-written straight-line"), BenchmarkCategory("float")]
    public void StraightFloat() => _straightFloat.Step(_pf, _gf);

    [Benchmark(Description = "Hand-written for-loop"), BenchmarkCategory("float")]
    public void LoopFloat() => _loopFloat.Step(_pf, _gf);

    [Benchmark(Description = "Runtime optimizer (virtual, arrays)"), BenchmarkCategory("float")]
    public void RuntimeFloat() => _runtimeFloat.Step(_pf, _gf);

    [Benchmark(Description = "TorchSharp step"), BenchmarkCategory("float")]
    public void TorchFloat() => _torch!.Step();

    [Benchmark(Description = "Generated"), BenchmarkCategory("double")]
    public void GeneratedDouble() => _generatedDouble.Step(_pd, _gd);

    [Benchmark(Baseline = true, Description = "Hand-written straight-line"), BenchmarkCategory("double")]
    public void StraightDouble() => _straightDouble.Step(_pd, _gd);

    [Benchmark(Description = "Hand-written for-loop"), BenchmarkCategory("double")]
    public void LoopDouble() => _loopDouble.Step(_pd, _gd);

    [Benchmark(Description = "Runtime optimizer (virtual, arrays)"), BenchmarkCategory("double")]
    public void RuntimeDouble() => _runtimeDouble.Step(_pd, _gd);

    [Benchmark(Description = "TorchSharp step"), BenchmarkCategory("double")]
    public void TorchDouble() => _torch!.Step();
}

[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class RMSPropSmall
{
    private readonly float[] _pf = [1f, -1f], _gf = [0.25f, -0.5f];
    private readonly double[] _pd = [1.0, -1.0], _gd = [0.25, -0.5];
    private readonly RMSPropFloat2 _generatedFloat = new();
    private readonly RMSPropDouble2 _generatedDouble = new();
    private readonly RMSPropFloatStraight _straightFloat = new();
    private readonly RMSPropDoubleStraight _straightDouble = new();
    private readonly HandOptimizer<float> _loopFloat = new RMSPropLoop<float>(2);
    private readonly HandOptimizer<double> _loopDouble = new RMSPropLoop<double>(2);
    private readonly RuntimeOptimizer<float> _runtimeFloat = RuntimeOptimizer<float>.Create(Kind.RMSProp, 2);
    private readonly RuntimeOptimizer<double> _runtimeDouble = RuntimeOptimizer<double>.Create(Kind.RMSProp, 2);
    private TorchStep? _torch;

    [GlobalSetup(Target = nameof(TorchFloat))]
    public void SetupTorchFloat() => _torch = TorchStep.Create(Kind.RMSProp, _pf, _gf);

    [GlobalSetup(Target = nameof(TorchDouble))]
    public void SetupTorchDouble() => _torch = TorchStep.Create(Kind.RMSProp, _pd, _gd);

    [GlobalCleanup]
    public void Cleanup()
    {
        _torch?.Dispose();
        _torch = null;
    }

    [Benchmark(Description = "Generated"), BenchmarkCategory("float")]
    public void GeneratedFloat() => _generatedFloat.Step(_pf, _gf);

    [Benchmark(Baseline = true, Description = "Hand-written straight-line"), BenchmarkCategory("float")]
    public void StraightFloat() => _straightFloat.Step(_pf, _gf);

    [Benchmark(Description = "Hand-written for-loop"), BenchmarkCategory("float")]
    public void LoopFloat() => _loopFloat.Step(_pf, _gf);

    [Benchmark(Description = "Runtime optimizer (virtual, arrays)"), BenchmarkCategory("float")]
    public void RuntimeFloat() => _runtimeFloat.Step(_pf, _gf);

    [Benchmark(Description = "TorchSharp step"), BenchmarkCategory("float")]
    public void TorchFloat() => _torch!.Step();

    [Benchmark(Description = "Generated"), BenchmarkCategory("double")]
    public void GeneratedDouble() => _generatedDouble.Step(_pd, _gd);

    [Benchmark(Baseline = true, Description = "Hand-written straight-line"), BenchmarkCategory("double")]
    public void StraightDouble() => _straightDouble.Step(_pd, _gd);

    [Benchmark(Description = "Hand-written for-loop"), BenchmarkCategory("double")]
    public void LoopDouble() => _loopDouble.Step(_pd, _gd);

    [Benchmark(Description = "Runtime optimizer (virtual, arrays)"), BenchmarkCategory("double")]
    public void RuntimeDouble() => _runtimeDouble.Step(_pd, _gd);

    [Benchmark(Description = "TorchSharp step"), BenchmarkCategory("double")]
    public void TorchDouble() => _torch!.Step();
}

[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class AdamSmall
{
    private readonly float[] _pf = [1f, -1f], _gf = [0.25f, -0.5f];
    private readonly double[] _pd = [1.0, -1.0], _gd = [0.25, -0.5];
    private readonly AdamFloat2 _generatedFloat = new();
    private readonly AdamDouble2 _generatedDouble = new();
    private readonly AdamFloatStraight _straightFloat = new();
    private readonly AdamDoubleStraight _straightDouble = new();
    private readonly HandOptimizer<float> _loopFloat = new AdamLoop<float>(2);
    private readonly HandOptimizer<double> _loopDouble = new AdamLoop<double>(2);
    private readonly RuntimeOptimizer<float> _runtimeFloat = RuntimeOptimizer<float>.Create(Kind.Adam, 2);
    private readonly RuntimeOptimizer<double> _runtimeDouble = RuntimeOptimizer<double>.Create(Kind.Adam, 2);
    private TorchStep? _torch;

    [GlobalSetup(Target = nameof(TorchFloat))]
    public void SetupTorchFloat() => _torch = TorchStep.Create(Kind.Adam, _pf, _gf);

    [GlobalSetup(Target = nameof(TorchDouble))]
    public void SetupTorchDouble() => _torch = TorchStep.Create(Kind.Adam, _pd, _gd);

    [GlobalCleanup]
    public void Cleanup()
    {
        _torch?.Dispose();
        _torch = null;
    }

    [Benchmark(Description = "Generated"), BenchmarkCategory("float")]
    public void GeneratedFloat() => _generatedFloat.Step(_pf, _gf);

    [Benchmark(Baseline = true, Description = "Hand-written straight-line"), BenchmarkCategory("float")]
    public void StraightFloat() => _straightFloat.Step(_pf, _gf);

    [Benchmark(Description = "Hand-written for-loop"), BenchmarkCategory("float")]
    public void LoopFloat() => _loopFloat.Step(_pf, _gf);

    [Benchmark(Description = "Runtime optimizer (virtual, arrays)"), BenchmarkCategory("float")]
    public void RuntimeFloat() => _runtimeFloat.Step(_pf, _gf);

    [Benchmark(Description = "TorchSharp step"), BenchmarkCategory("float")]
    public void TorchFloat() => _torch!.Step();

    [Benchmark(Description = "Generated"), BenchmarkCategory("double")]
    public void GeneratedDouble() => _generatedDouble.Step(_pd, _gd);

    [Benchmark(Baseline = true, Description = "Hand-written straight-line"), BenchmarkCategory("double")]
    public void StraightDouble() => _straightDouble.Step(_pd, _gd);

    [Benchmark(Description = "Hand-written for-loop"), BenchmarkCategory("double")]
    public void LoopDouble() => _loopDouble.Step(_pd, _gd);

    [Benchmark(Description = "Runtime optimizer (virtual, arrays)"), BenchmarkCategory("double")]
    public void RuntimeDouble() => _runtimeDouble.Step(_pd, _gd);

    [Benchmark(Description = "TorchSharp step"), BenchmarkCategory("double")]
    public void TorchDouble() => _torch!.Step();
}

[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class AdamWSmall
{
    private readonly float[] _pf = [1f, -1f], _gf = [0.25f, -0.5f];
    private readonly double[] _pd = [1.0, -1.0], _gd = [0.25, -0.5];
    private readonly AdamWFloat2 _generatedFloat = new();
    private readonly AdamWDouble2 _generatedDouble = new();
    private readonly AdamWFloatStraight _straightFloat = new();
    private readonly AdamWDoubleStraight _straightDouble = new();
    private readonly HandOptimizer<float> _loopFloat = new AdamWLoop<float>(2);
    private readonly HandOptimizer<double> _loopDouble = new AdamWLoop<double>(2);
    private readonly RuntimeOptimizer<float> _runtimeFloat = RuntimeOptimizer<float>.Create(Kind.AdamW, 2);
    private readonly RuntimeOptimizer<double> _runtimeDouble = RuntimeOptimizer<double>.Create(Kind.AdamW, 2);
    private TorchStep? _torch;

    [GlobalSetup(Target = nameof(TorchFloat))]
    public void SetupTorchFloat() => _torch = TorchStep.Create(Kind.AdamW, _pf, _gf);

    [GlobalSetup(Target = nameof(TorchDouble))]
    public void SetupTorchDouble() => _torch = TorchStep.Create(Kind.AdamW, _pd, _gd);

    [GlobalCleanup]
    public void Cleanup()
    {
        _torch?.Dispose();
        _torch = null;
    }

    [Benchmark(Description = "Generated"), BenchmarkCategory("float")]
    public void GeneratedFloat() => _generatedFloat.Step(_pf, _gf);

    [Benchmark(Baseline = true, Description = "Hand-written straight-line"), BenchmarkCategory("float")]
    public void StraightFloat() => _straightFloat.Step(_pf, _gf);

    [Benchmark(Description = "Hand-written for-loop"), BenchmarkCategory("float")]
    public void LoopFloat() => _loopFloat.Step(_pf, _gf);

    [Benchmark(Description = "Runtime optimizer (virtual, arrays)"), BenchmarkCategory("float")]
    public void RuntimeFloat() => _runtimeFloat.Step(_pf, _gf);

    [Benchmark(Description = "TorchSharp step"), BenchmarkCategory("float")]
    public void TorchFloat() => _torch!.Step();

    [Benchmark(Description = "Generated"), BenchmarkCategory("double")]
    public void GeneratedDouble() => _generatedDouble.Step(_pd, _gd);

    [Benchmark(Baseline = true, Description = "Hand-written straight-line"), BenchmarkCategory("double")]
    public void StraightDouble() => _straightDouble.Step(_pd, _gd);

    [Benchmark(Description = "Hand-written for-loop"), BenchmarkCategory("double")]
    public void LoopDouble() => _loopDouble.Step(_pd, _gd);

    [Benchmark(Description = "Runtime optimizer (virtual, arrays)"), BenchmarkCategory("double")]
    public void RuntimeDouble() => _runtimeDouble.Step(_pd, _gd);

    [Benchmark(Description = "TorchSharp step"), BenchmarkCategory("double")]
    public void TorchDouble() => _torch!.Step();
}

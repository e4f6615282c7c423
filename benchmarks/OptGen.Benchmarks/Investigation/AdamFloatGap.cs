using BenchmarkDotNet.Attributes;
using OptGen.Benchmarks.HandWritten;
using OptGen.Benchmarks.Optimizers;

namespace OptGen.Benchmarks.Investigation;

/// <summary>
/// Float Adam at N = 2, one step: the generated optimizer, the baseline, and the variants in AdamFloatCopies.cs
/// that take the two apart one difference at a time (run with <c>--launchCount 3</c>; see docs/benchmarks-kinds.md).
/// </summary>
[MemoryDiagnoser]
public class AdamFloatGap
{
    private readonly float[] _p = [1f, -1f], _g = [0.25f, -0.5f];
    private readonly AdamFloat2 _generated = new();
    private readonly AdamFloatStraight _straight = new();
    private readonly AdamFloat2Pasted _pasted = new();
    private readonly AdamFloat2OneCheck _oneCheck = new();
    private readonly AdamFloatStraightCounting _counting = new();

    [Benchmark(Description = "Generated")]
    public void Generated() => _generated.Step(_p, _g);

    [Benchmark(Baseline = true, Description = "Hand-written straight-line")]
    public void Straight() => _straight.Step(_p, _g);

    [Benchmark(Description = "Generated, pasted (control)")]
    public void Pasted() => _pasted.Step(_p, _g);

    [Benchmark(Description = "Generated, pasted, one string-free length check")]
    public void OneCheck() => _oneCheck.Step(_p, _g);

    [Benchmark(Description = "Hand-written + StepCount++")]
    public void Counting() => _counting.Step(_p, _g);
}

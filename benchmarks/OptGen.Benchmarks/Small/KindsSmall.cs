using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using OptGen.Benchmarks.HandWritten;
using OptGen.Benchmarks.Optimizers;

namespace OptGen.Benchmarks.Small;

// N = 2, one step, for the kinds SmallStepBenchmarks.cs does not cover: the generated straight-line Step against
// the hand-written straight-line baseline only (issue 8's target: within 1.03x of it for every kind and type).
// One concrete class per kind, as there, so that every call is a direct call on the optimizer's own type.

[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class NesterovSmall
{
    private readonly float[] _pf = [1f, -1f], _gf = [0.25f, -0.5f];
    private readonly double[] _pd = [1.0, -1.0], _gd = [0.25, -0.5];
    private readonly NesterovFloat2 _generatedFloat = new();
    private readonly NesterovDouble2 _generatedDouble = new();
    private readonly NesterovFloatStraight _straightFloat = new();
    private readonly NesterovDoubleStraight _straightDouble = new();

    [Benchmark(Description = "Generated"), BenchmarkCategory("float")]
    public void GeneratedFloat() => _generatedFloat.Step(_pf, _gf);

    [Benchmark(Baseline = true, Description = "Hand-written straight-line"), BenchmarkCategory("float")]
    public void StraightFloat() => _straightFloat.Step(_pf, _gf);

    [Benchmark(Description = "Generated"), BenchmarkCategory("double")]
    public void GeneratedDouble() => _generatedDouble.Step(_pd, _gd);

    [Benchmark(Baseline = true, Description = "Hand-written straight-line"), BenchmarkCategory("double")]
    public void StraightDouble() => _straightDouble.Step(_pd, _gd);
}

[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class AdagradSmall
{
    private readonly float[] _pf = [1f, -1f], _gf = [0.25f, -0.5f];
    private readonly double[] _pd = [1.0, -1.0], _gd = [0.25, -0.5];
    private readonly AdagradFloat2 _generatedFloat = new();
    private readonly AdagradDouble2 _generatedDouble = new();
    private readonly AdagradFloatStraight _straightFloat = new();
    private readonly AdagradDoubleStraight _straightDouble = new();

    [Benchmark(Description = "Generated"), BenchmarkCategory("float")]
    public void GeneratedFloat() => _generatedFloat.Step(_pf, _gf);

    [Benchmark(Baseline = true, Description = "Hand-written straight-line"), BenchmarkCategory("float")]
    public void StraightFloat() => _straightFloat.Step(_pf, _gf);

    [Benchmark(Description = "Generated"), BenchmarkCategory("double")]
    public void GeneratedDouble() => _generatedDouble.Step(_pd, _gd);

    [Benchmark(Baseline = true, Description = "Hand-written straight-line"), BenchmarkCategory("double")]
    public void StraightDouble() => _straightDouble.Step(_pd, _gd);
}

[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class AdamaxSmall
{
    private readonly float[] _pf = [1f, -1f], _gf = [0.25f, -0.5f];
    private readonly double[] _pd = [1.0, -1.0], _gd = [0.25, -0.5];
    private readonly AdamaxFloat2 _generatedFloat = new();
    private readonly AdamaxDouble2 _generatedDouble = new();
    private readonly AdamaxFloatStraight _straightFloat = new();
    private readonly AdamaxDoubleStraight _straightDouble = new();

    [Benchmark(Description = "Generated"), BenchmarkCategory("float")]
    public void GeneratedFloat() => _generatedFloat.Step(_pf, _gf);

    [Benchmark(Baseline = true, Description = "Hand-written straight-line"), BenchmarkCategory("float")]
    public void StraightFloat() => _straightFloat.Step(_pf, _gf);

    [Benchmark(Description = "Generated"), BenchmarkCategory("double")]
    public void GeneratedDouble() => _generatedDouble.Step(_pd, _gd);

    [Benchmark(Baseline = true, Description = "Hand-written straight-line"), BenchmarkCategory("double")]
    public void StraightDouble() => _straightDouble.Step(_pd, _gd);
}

[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class NAdamSmall
{
    private readonly float[] _pf = [1f, -1f], _gf = [0.25f, -0.5f];
    private readonly double[] _pd = [1.0, -1.0], _gd = [0.25, -0.5];
    private readonly NAdamFloat2 _generatedFloat = new();
    private readonly NAdamDouble2 _generatedDouble = new();
    private readonly NAdamFloatStraight _straightFloat = new();
    private readonly NAdamDoubleStraight _straightDouble = new();

    [Benchmark(Description = "Generated"), BenchmarkCategory("float")]
    public void GeneratedFloat() => _generatedFloat.Step(_pf, _gf);

    [Benchmark(Baseline = true, Description = "Hand-written straight-line"), BenchmarkCategory("float")]
    public void StraightFloat() => _straightFloat.Step(_pf, _gf);

    [Benchmark(Description = "Generated"), BenchmarkCategory("double")]
    public void GeneratedDouble() => _generatedDouble.Step(_pd, _gd);

    [Benchmark(Baseline = true, Description = "Hand-written straight-line"), BenchmarkCategory("double")]
    public void StraightDouble() => _straightDouble.Step(_pd, _gd);
}

[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class RAdamSmall
{
    private readonly float[] _pf = [1f, -1f], _gf = [0.25f, -0.5f];
    private readonly double[] _pd = [1.0, -1.0], _gd = [0.25, -0.5];
    private readonly RAdamFloat2 _generatedFloat = new();
    private readonly RAdamDouble2 _generatedDouble = new();
    private readonly RAdamFloatStraight _straightFloat = new();
    private readonly RAdamDoubleStraight _straightDouble = new();

    [Benchmark(Description = "Generated"), BenchmarkCategory("float")]
    public void GeneratedFloat() => _generatedFloat.Step(_pf, _gf);

    [Benchmark(Baseline = true, Description = "Hand-written straight-line"), BenchmarkCategory("float")]
    public void StraightFloat() => _straightFloat.Step(_pf, _gf);

    [Benchmark(Description = "Generated"), BenchmarkCategory("double")]
    public void GeneratedDouble() => _generatedDouble.Step(_pd, _gd);

    [Benchmark(Baseline = true, Description = "Hand-written straight-line"), BenchmarkCategory("double")]
    public void StraightDouble() => _straightDouble.Step(_pd, _gd);
}

[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class AdadeltaSmall
{
    private readonly float[] _pf = [1f, -1f], _gf = [0.25f, -0.5f];
    private readonly double[] _pd = [1.0, -1.0], _gd = [0.25, -0.5];
    private readonly AdadeltaFloat2 _generatedFloat = new();
    private readonly AdadeltaDouble2 _generatedDouble = new();
    private readonly AdadeltaFloatStraight _straightFloat = new();
    private readonly AdadeltaDoubleStraight _straightDouble = new();

    [Benchmark(Description = "Generated"), BenchmarkCategory("float")]
    public void GeneratedFloat() => _generatedFloat.Step(_pf, _gf);

    [Benchmark(Baseline = true, Description = "Hand-written straight-line"), BenchmarkCategory("float")]
    public void StraightFloat() => _straightFloat.Step(_pf, _gf);

    [Benchmark(Description = "Generated"), BenchmarkCategory("double")]
    public void GeneratedDouble() => _generatedDouble.Step(_pd, _gd);

    [Benchmark(Baseline = true, Description = "Hand-written straight-line"), BenchmarkCategory("double")]
    public void StraightDouble() => _straightDouble.Step(_pd, _gd);
}

[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class RpropSmall
{
    private readonly float[] _pf = [1f, -1f], _gf = [0.25f, -0.5f];
    private readonly double[] _pd = [1.0, -1.0], _gd = [0.25, -0.5];
    private readonly RpropFloat2 _generatedFloat = new();
    private readonly RpropDouble2 _generatedDouble = new();
    private readonly RpropFloatStraight _straightFloat = new();
    private readonly RpropDoubleStraight _straightDouble = new();

    [Benchmark(Description = "Generated"), BenchmarkCategory("float")]
    public void GeneratedFloat() => _generatedFloat.Step(_pf, _gf);

    [Benchmark(Baseline = true, Description = "Hand-written straight-line"), BenchmarkCategory("float")]
    public void StraightFloat() => _straightFloat.Step(_pf, _gf);

    [Benchmark(Description = "Generated"), BenchmarkCategory("double")]
    public void GeneratedDouble() => _generatedDouble.Step(_pd, _gd);

    [Benchmark(Baseline = true, Description = "Hand-written straight-line"), BenchmarkCategory("double")]
    public void StraightDouble() => _straightDouble.Step(_pd, _gd);
}

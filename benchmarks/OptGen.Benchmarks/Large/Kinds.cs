using BenchmarkDotNet.Attributes;
using OptGen.Benchmarks.Infrastructure;
using OptGen.Benchmarks.Optimizers;

namespace OptGen.Benchmarks.Large;

// One class per update rule and element type: the generated optimizers are concrete types, called directly.
// BytesPerParameter = sizeof(T) × (p, g read + p written + each state array read and written).

[BytesPerParameter(12)]
public class SgdFloatLarge : LargeStepBenchmarks<float>
{
    private SgdFloatN? _generated;
    private SgdFloatNParallel? _parallel;
    protected override Kind Kind => Kind.Sgd;
    protected override void CreateGenerated() => _generated = new(N);
    protected override void CreateGeneratedParallel() => _parallel = new(N);
    protected override void ReleaseGenerated() => (_generated, _parallel) = (null, null);

    [Benchmark(Description = "Generated")]
    public void Generated() => _generated!.Step(P, G);

    [Benchmark(Description = "Generated, Parallel = true")]
    public void GeneratedParallel() => _parallel!.Step(P, G);
}

[BytesPerParameter(24)]
public class SgdDoubleLarge : LargeStepBenchmarks<double>
{
    private SgdDoubleN? _generated;
    private SgdDoubleNParallel? _parallel;
    protected override Kind Kind => Kind.Sgd;
    protected override void CreateGenerated() => _generated = new(N);
    protected override void CreateGeneratedParallel() => _parallel = new(N);
    protected override void ReleaseGenerated() => (_generated, _parallel) = (null, null);

    [Benchmark(Description = "Generated")]
    public void Generated() => _generated!.Step(P, G);

    [Benchmark(Description = "Generated, Parallel = true")]
    public void GeneratedParallel() => _parallel!.Step(P, G);
}

[BytesPerParameter(20)]
public class MomentumFloatLarge : LargeStepBenchmarks<float>
{
    private MomentumFloatN? _generated;
    private MomentumFloatNParallel? _parallel;
    protected override Kind Kind => Kind.Momentum;
    protected override void CreateGenerated() => _generated = new(N);
    protected override void CreateGeneratedParallel() => _parallel = new(N);
    protected override void ReleaseGenerated() => (_generated, _parallel) = (null, null);

    [Benchmark(Description = "Generated")]
    public void Generated() => _generated!.Step(P, G);

    [Benchmark(Description = "Generated, Parallel = true")]
    public void GeneratedParallel() => _parallel!.Step(P, G);
}

[BytesPerParameter(40)]
public class MomentumDoubleLarge : LargeStepBenchmarks<double>
{
    private MomentumDoubleN? _generated;
    private MomentumDoubleNParallel? _parallel;
    protected override Kind Kind => Kind.Momentum;
    protected override void CreateGenerated() => _generated = new(N);
    protected override void CreateGeneratedParallel() => _parallel = new(N);
    protected override void ReleaseGenerated() => (_generated, _parallel) = (null, null);

    [Benchmark(Description = "Generated")]
    public void Generated() => _generated!.Step(P, G);

    [Benchmark(Description = "Generated, Parallel = true")]
    public void GeneratedParallel() => _parallel!.Step(P, G);
}

[BytesPerParameter(20)]
public class RMSPropFloatLarge : LargeStepBenchmarks<float>
{
    private RMSPropFloatN? _generated;
    private RMSPropFloatNParallel? _parallel;
    protected override Kind Kind => Kind.RMSProp;
    protected override void CreateGenerated() => _generated = new(N);
    protected override void CreateGeneratedParallel() => _parallel = new(N);
    protected override void ReleaseGenerated() => (_generated, _parallel) = (null, null);

    [Benchmark(Description = "Generated")]
    public void Generated() => _generated!.Step(P, G);

    [Benchmark(Description = "Generated, Parallel = true")]
    public void GeneratedParallel() => _parallel!.Step(P, G);
}

[BytesPerParameter(40)]
public class RMSPropDoubleLarge : LargeStepBenchmarks<double>
{
    private RMSPropDoubleN? _generated;
    private RMSPropDoubleNParallel? _parallel;
    protected override Kind Kind => Kind.RMSProp;
    protected override void CreateGenerated() => _generated = new(N);
    protected override void CreateGeneratedParallel() => _parallel = new(N);
    protected override void ReleaseGenerated() => (_generated, _parallel) = (null, null);

    [Benchmark(Description = "Generated")]
    public void Generated() => _generated!.Step(P, G);

    [Benchmark(Description = "Generated, Parallel = true")]
    public void GeneratedParallel() => _parallel!.Step(P, G);
}

[BytesPerParameter(28)]
public class AdamFloatLarge : LargeStepBenchmarks<float>
{
    private AdamFloatN? _generated;
    private AdamFloatNParallel? _parallel;
    protected override Kind Kind => Kind.Adam;
    protected override void CreateGenerated() => _generated = new(N);
    protected override void CreateGeneratedParallel() => _parallel = new(N);
    protected override void ReleaseGenerated() => (_generated, _parallel) = (null, null);

    [Benchmark(Description = "Generated")]
    public void Generated() => _generated!.Step(P, G);

    [Benchmark(Description = "Generated, Parallel = true")]
    public void GeneratedParallel() => _parallel!.Step(P, G);
}

[BytesPerParameter(56)]
public class AdamDoubleLarge : LargeStepBenchmarks<double>
{
    private AdamDoubleN? _generated;
    private AdamDoubleNParallel? _parallel;
    protected override Kind Kind => Kind.Adam;
    protected override void CreateGenerated() => _generated = new(N);
    protected override void CreateGeneratedParallel() => _parallel = new(N);
    protected override void ReleaseGenerated() => (_generated, _parallel) = (null, null);

    [Benchmark(Description = "Generated")]
    public void Generated() => _generated!.Step(P, G);

    [Benchmark(Description = "Generated, Parallel = true")]
    public void GeneratedParallel() => _parallel!.Step(P, G);
}

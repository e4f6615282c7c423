using System.Numerics;
using System.Reflection;
using BenchmarkDotNet.Attributes;
using OptGen.Benchmarks.Infrastructure;
using OptGen.Benchmarks.Optimizers;

namespace OptGen.Benchmarks.Large;

// One class per update rule and element type: the generated optimizers are concrete types, called directly.
// BytesPerParameter = sizeof(T) × (p, g read + p written + each state array read and written).

/// <summary>
/// The large-N cases of one generated optimizer and its <c>Parallel = true</c> twin: creates each for its case and
/// takes the kind from its <see cref="OptimizerAttribute"/>. The two Generated cases stay in the concrete classes
/// below, where the fields have the optimizers' own types and <c>Step</c> is a direct call; a benchmark method here,
/// generic over classes, would be shared generic code and reach <c>Step</c> through a runtime lookup.
/// </summary>
public abstract class GeneratedLargeStepBenchmarks<T, TOptimizer, TParallel> : LargeStepBenchmarks<T>
    where T : unmanaged, IFloatingPointIeee754<T>
    where TOptimizer : class, IOptimizer<T>
    where TParallel : class, IOptimizer<T>
{
    protected TOptimizer? Optimizer;
    protected TParallel? ParallelOptimizer;

    protected override Kind Kind { get; } = typeof(TOptimizer).GetCustomAttribute<OptimizerAttribute>()!.Kind;

    // The constructor-sized optimizers take N as their only constructor argument.
    protected override void CreateGenerated() => Optimizer = (TOptimizer)Activator.CreateInstance(typeof(TOptimizer), N)!;
    protected override void CreateGeneratedParallel() => ParallelOptimizer = (TParallel)Activator.CreateInstance(typeof(TParallel), N)!;
    protected override void ReleaseGenerated() => (Optimizer, ParallelOptimizer) = (null, null);
}

[BytesPerParameter(12)]
public class SgdFloatLarge : GeneratedLargeStepBenchmarks<float, SgdFloatN, SgdFloatNParallel>
{
    [Benchmark(Description = "Generated")]
    public void Generated() => Optimizer!.Step(P, G);

    [Benchmark(Description = "Generated, Parallel = true")]
    public void GeneratedParallel() => ParallelOptimizer!.Step(P, G);
}

[BytesPerParameter(24)]
public class SgdDoubleLarge : GeneratedLargeStepBenchmarks<double, SgdDoubleN, SgdDoubleNParallel>
{
    [Benchmark(Description = "Generated")]
    public void Generated() => Optimizer!.Step(P, G);

    [Benchmark(Description = "Generated, Parallel = true")]
    public void GeneratedParallel() => ParallelOptimizer!.Step(P, G);
}

[BytesPerParameter(20)]
public class MomentumFloatLarge : GeneratedLargeStepBenchmarks<float, MomentumFloatN, MomentumFloatNParallel>
{
    [Benchmark(Description = "Generated")]
    public void Generated() => Optimizer!.Step(P, G);

    [Benchmark(Description = "Generated, Parallel = true")]
    public void GeneratedParallel() => ParallelOptimizer!.Step(P, G);
}

[BytesPerParameter(40)]
public class MomentumDoubleLarge : GeneratedLargeStepBenchmarks<double, MomentumDoubleN, MomentumDoubleNParallel>
{
    [Benchmark(Description = "Generated")]
    public void Generated() => Optimizer!.Step(P, G);

    [Benchmark(Description = "Generated, Parallel = true")]
    public void GeneratedParallel() => ParallelOptimizer!.Step(P, G);
}

[BytesPerParameter(20)]
public class RMSPropFloatLarge : GeneratedLargeStepBenchmarks<float, RMSPropFloatN, RMSPropFloatNParallel>
{
    [Benchmark(Description = "Generated")]
    public void Generated() => Optimizer!.Step(P, G);

    [Benchmark(Description = "Generated, Parallel = true")]
    public void GeneratedParallel() => ParallelOptimizer!.Step(P, G);
}

[BytesPerParameter(40)]
public class RMSPropDoubleLarge : GeneratedLargeStepBenchmarks<double, RMSPropDoubleN, RMSPropDoubleNParallel>
{
    [Benchmark(Description = "Generated")]
    public void Generated() => Optimizer!.Step(P, G);

    [Benchmark(Description = "Generated, Parallel = true")]
    public void GeneratedParallel() => ParallelOptimizer!.Step(P, G);
}

[BytesPerParameter(28)]
public class AdamFloatLarge : GeneratedLargeStepBenchmarks<float, AdamFloatN, AdamFloatNParallel>
{
    [Benchmark(Description = "Generated")]
    public void Generated() => Optimizer!.Step(P, G);

    [Benchmark(Description = "Generated, Parallel = true")]
    public void GeneratedParallel() => ParallelOptimizer!.Step(P, G);
}

[BytesPerParameter(56)]
public class AdamDoubleLarge : GeneratedLargeStepBenchmarks<double, AdamDoubleN, AdamDoubleNParallel>
{
    [Benchmark(Description = "Generated")]
    public void Generated() => Optimizer!.Step(P, G);

    [Benchmark(Description = "Generated, Parallel = true")]
    public void GeneratedParallel() => ParallelOptimizer!.Step(P, G);
}

// AdamW moves what Adam moves: θ·(1 − lr·λ) is one more multiply on a value already loaded.
[BytesPerParameter(28)]
public class AdamWFloatLarge : GeneratedLargeStepBenchmarks<float, AdamWFloatN, AdamWFloatNParallel>
{
    [Benchmark(Description = "Generated")]
    public void Generated() => Optimizer!.Step(P, G);

    [Benchmark(Description = "Generated, Parallel = true")]
    public void GeneratedParallel() => ParallelOptimizer!.Step(P, G);
}

[BytesPerParameter(56)]
public class AdamWDoubleLarge : GeneratedLargeStepBenchmarks<double, AdamWDoubleN, AdamWDoubleNParallel>
{
    [Benchmark(Description = "Generated")]
    public void Generated() => Optimizer!.Step(P, G);

    [Benchmark(Description = "Generated, Parallel = true")]
    public void GeneratedParallel() => ParallelOptimizer!.Step(P, G);
}

using Xunit;

namespace OptGen.Tests.Optimizers;

[Optimizer(Kind.ScheduleFreeAdamW, Params = 5, LearningRate = 0.05)]
internal partial class ScheduleFreeAdamWPlainD;

[Optimizer(Kind.ScheduleFreeAdamW, Params = 5, LearningRate = 0.05, ElementType = typeof(float))]
internal partial class ScheduleFreeAdamWPlainF;

[Optimizer(Kind.ScheduleFreeAdamW, Params = 4, LearningRate = 0.05, WarmupSteps = 30, WeightDecay = 0.1)]
internal partial class ScheduleFreeAdamWWarmupD;

[Optimizer(Kind.ScheduleFreeAdamW, Params = 4, LearningRate = 0.05, WarmupSteps = 30, WeightDecay = 0.1, ElementType = typeof(float))]
internal partial class ScheduleFreeAdamWWarmupF;

[Optimizer(Kind.ScheduleFreeAdamW, Params = 6, LearningRate = 0.05, Beta1 = 0.8, Beta2 = 0.99, Epsilon = 1e-6, WeightDecay = 0.2, WarmupSteps = 20, WeightLrPower = 1.5, Maximize = true)]
internal partial class ScheduleFreeAdamWAllD;

[Optimizer(Kind.ScheduleFreeAdamW, Params = 6, LearningRate = 0.05, Beta1 = 0.8, Beta2 = 0.99, Epsilon = 1e-6, WeightDecay = 0.2, WarmupSteps = 20, WeightLrPower = 1.5, Maximize = true, ElementType = typeof(float))]
internal partial class ScheduleFreeAdamWAllF;

[Optimizer(Kind.ScheduleFreeAdamW, LearningRate = 0.05, WarmupSteps = 10)]
internal partial class ScheduleFreeAdamWSizedD;

[Optimizer(Kind.ScheduleFreeAdamW, Params = 100, LearningRate = 0.05, WarmupSteps = 10, WeightDecay = 0.1)]
internal partial class ScheduleFreeAdamWLargeD;

[Optimizer(Kind.ScheduleFreeAdamW, LearningRate = 0.05, WarmupSteps = 10, ElementType = typeof(float))]
internal partial class ScheduleFreeAdamWSizedF;

[Optimizer(Kind.ScheduleFreeAdamW, Params = 100, LearningRate = 0.05, WarmupSteps = 10, WeightDecay = 0.1, ElementType = typeof(float))]
internal partial class ScheduleFreeAdamWLargeF;

/// <summary>Kind.ScheduleFreeAdamW is facebookresearch/schedule_free's adamw_schedulefree.py, r = 0 (reference: that code replayed op for op with TorchSharp tensors).</summary>
public class ScheduleFreeAdamWParityTests
{
    [Theory]
    [InlineData(typeof(ScheduleFreeAdamWPlainD))]
    [InlineData(typeof(ScheduleFreeAdamWPlainF))]
    [InlineData(typeof(ScheduleFreeAdamWWarmupD))]
    [InlineData(typeof(ScheduleFreeAdamWWarmupF))]
    [InlineData(typeof(ScheduleFreeAdamWAllD))]
    [InlineData(typeof(ScheduleFreeAdamWAllF))]
    public void Matches_the_reference_at_every_step(Type optimizer) => Parity.CheckType(optimizer);

    [Theory]
    [InlineData(typeof(ScheduleFreeAdamWSizedD))]
    [InlineData(typeof(ScheduleFreeAdamWSizedF))]
    public void A_constructor_sized_loop_matches_the_reference(Type optimizer) => Parity.CheckType(optimizer, 37);

    [Theory]
    [InlineData(typeof(ScheduleFreeAdamWLargeD))]
    [InlineData(typeof(ScheduleFreeAdamWLargeF))]
    public void A_large_vectorized_loop_matches_the_reference(Type optimizer) => Parity.CheckType(optimizer);

    [Fact]
    public void A_changed_learning_rate_takes_effect_at_the_next_step_as_in_the_reference() =>
        Parity.Check<ScheduleFreeAdamWAllD, double>(new ScheduleFreeAdamWAllD(), learningRateAtStep: t => 0.01 * (1 + Math.Cos(t / 10.0)) / 2 + 1e-3);
}

using Xunit;

namespace OptGen.Tests.Optimizers;

[Optimizer(Kind.AdEMAMix, Params = 5, LearningRate = 0.01)]
internal partial class AdEMAMixPlainD;

[Optimizer(Kind.AdEMAMix, Params = 5, LearningRate = 0.01, ElementType = typeof(float))]
internal partial class AdEMAMixPlainF;

[Optimizer(Kind.AdEMAMix, Params = 4, LearningRate = 0.01, Beta3 = 0.999, Alpha = 5, WarmupSteps = 60, WeightDecay = 0.1)]
internal partial class AdEMAMixWarmupD;

[Optimizer(Kind.AdEMAMix, Params = 4, LearningRate = 0.01, Beta3 = 0.999, Alpha = 5, WarmupSteps = 60, WeightDecay = 0.1, ElementType = typeof(float))]
internal partial class AdEMAMixWarmupF;

[Optimizer(Kind.AdEMAMix, Params = 3, LearningRate = 0.01, Beta1 = 0, Beta3 = 0.99, WarmupSteps = 30, Maximize = true)]
internal partial class AdEMAMixNoFastD;

[Optimizer(Kind.AdEMAMix, Params = 3, LearningRate = 0.01, Beta1 = 0, Beta3 = 0.99, WarmupSteps = 30, Maximize = true, ElementType = typeof(float))]
internal partial class AdEMAMixNoFastF;

[Optimizer(Kind.AdEMAMix, Params = 6, LearningRate = 0.01, Beta1 = 0.8, Beta2 = 0.99, Beta3 = 0.995, Alpha = 4, Epsilon = 1e-6, WeightDecay = 0.2, WarmupSteps = 50, Maximize = true)]
internal partial class AdEMAMixAllD;

[Optimizer(Kind.AdEMAMix, Params = 6, LearningRate = 0.01, Beta1 = 0.8, Beta2 = 0.99, Beta3 = 0.995, Alpha = 4, Epsilon = 1e-6, WeightDecay = 0.2, WarmupSteps = 50, Maximize = true, ElementType = typeof(float))]
internal partial class AdEMAMixAllF;

[Optimizer(Kind.AdEMAMix, LearningRate = 0.01, Beta3 = 0.999, WarmupSteps = 40, WeightDecay = 0.1)]
internal partial class AdEMAMixSizedD;

[Optimizer(Kind.AdEMAMix, Params = 100, LearningRate = 0.01, Beta3 = 0.99, WarmupSteps = 20)]
internal partial class AdEMAMixLargeD;

[Optimizer(Kind.AdEMAMix, LearningRate = 0.01, Beta3 = 0.999, WarmupSteps = 40, WeightDecay = 0.1, ElementType = typeof(float))]
internal partial class AdEMAMixSizedF;

[Optimizer(Kind.AdEMAMix, Params = 100, LearningRate = 0.01, Beta3 = 0.99, WarmupSteps = 20, ElementType = typeof(float))]
internal partial class AdEMAMixLargeF;

/// <summary>Kind.AdEMAMix is apple/ml-ademamix's ademamix.py (reference: that code replayed op for op with TorchSharp tensors).</summary>
public class AdEMAMixParityTests
{
    [Theory]
    [InlineData(typeof(AdEMAMixPlainD))]
    [InlineData(typeof(AdEMAMixPlainF))]
    [InlineData(typeof(AdEMAMixWarmupD))]
    [InlineData(typeof(AdEMAMixWarmupF))]
    [InlineData(typeof(AdEMAMixNoFastD))]
    [InlineData(typeof(AdEMAMixNoFastF))]
    [InlineData(typeof(AdEMAMixAllD))]
    [InlineData(typeof(AdEMAMixAllF))]
    public void Matches_the_reference_at_every_step(Type optimizer) => Parity.CheckType(optimizer);

    [Theory]
    [InlineData(typeof(AdEMAMixSizedD))]
    [InlineData(typeof(AdEMAMixSizedF))]
    public void A_constructor_sized_loop_matches_the_reference(Type optimizer) => Parity.CheckType(optimizer, 37);

    [Theory]
    [InlineData(typeof(AdEMAMixLargeD))]
    [InlineData(typeof(AdEMAMixLargeF))]
    public void A_large_vectorized_loop_matches_the_reference(Type optimizer) => Parity.CheckType(optimizer);

    [Fact]
    public void A_changed_learning_rate_takes_effect_at_the_next_step_as_in_the_reference() =>
        Parity.Check<AdEMAMixAllD, double>(new AdEMAMixAllD(), learningRateAtStep: t => 0.01 * (1 + Math.Cos(t / 10.0)) / 2 + 1e-3);
}

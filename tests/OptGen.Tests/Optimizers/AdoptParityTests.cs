using Xunit;

namespace OptGen.Tests.Optimizers;

[Optimizer(Kind.Adopt, Params = 5, LearningRate = 0.01)]
internal partial class AdoptPlainD;

[Optimizer(Kind.Adopt, Params = 5, LearningRate = 0.01, ElementType = typeof(float))]
internal partial class AdoptPlainF;

[Optimizer(Kind.Adopt, Params = 4, LearningRate = 0.01, WeightDecay = 0.2, DecoupledWeightDecay = true, Maximize = true)]
internal partial class AdoptDecoupledD;

[Optimizer(Kind.Adopt, Params = 4, LearningRate = 0.01, WeightDecay = 0.2, DecoupledWeightDecay = true, Maximize = true, ElementType = typeof(float))]
internal partial class AdoptDecoupledF;

[Optimizer(Kind.Adopt, Params = 6, LearningRate = 0.01, Beta1 = 0.8, Beta2 = 0.99, Epsilon = 1e-4, WeightDecay = 0.1)]
internal partial class AdoptAllD;

[Optimizer(Kind.Adopt, Params = 6, LearningRate = 0.01, Beta1 = 0.8, Beta2 = 0.99, Epsilon = 1e-4, WeightDecay = 0.1, ElementType = typeof(float))]
internal partial class AdoptAllF;

[Optimizer(Kind.Adopt, LearningRate = 0.01, WeightDecay = 0.1, DecoupledWeightDecay = true)]
internal partial class AdoptSizedD;

[Optimizer(Kind.Adopt, Params = 100, LearningRate = 0.01, Beta2 = 0.99, WeightDecay = 0.1)]
internal partial class AdoptLargeD;

[Optimizer(Kind.Adopt, LearningRate = 0.01, WeightDecay = 0.1, DecoupledWeightDecay = true, ElementType = typeof(float))]
internal partial class AdoptSizedF;

[Optimizer(Kind.Adopt, Params = 100, LearningRate = 0.01, Beta2 = 0.99, WeightDecay = 0.1, ElementType = typeof(float))]
internal partial class AdoptLargeF;

/// <summary>Kind.Adopt is iShohei220/adopt's adopt.py with its default clip (reference: that code replayed op for op with TorchSharp tensors).</summary>
public class AdoptParityTests
{
    [Theory]
    [InlineData(typeof(AdoptPlainD))]
    [InlineData(typeof(AdoptPlainF))]
    [InlineData(typeof(AdoptDecoupledD))]
    [InlineData(typeof(AdoptDecoupledF))]
    [InlineData(typeof(AdoptAllD))]
    [InlineData(typeof(AdoptAllF))]
    public void Matches_the_reference_at_every_step(Type optimizer) => Parity.CheckType(optimizer);

    [Theory]
    [InlineData(typeof(AdoptSizedD))]
    [InlineData(typeof(AdoptSizedF))]
    public void A_constructor_sized_loop_matches_the_reference(Type optimizer) => Parity.CheckType(optimizer, 37);

    [Theory]
    [InlineData(typeof(AdoptLargeD))]
    [InlineData(typeof(AdoptLargeF))]
    public void A_large_vectorized_loop_matches_the_reference(Type optimizer) => Parity.CheckType(optimizer);

    [Fact]
    public void A_changed_learning_rate_takes_effect_at_the_next_step_as_in_the_reference() =>
        Parity.Check<AdoptAllD, double>(new AdoptAllD(), learningRateAtStep: t => 0.01 * (1 + Math.Cos(t / 10.0)) / 2 + 1e-3);
}

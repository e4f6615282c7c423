using Xunit;

namespace OptGen.Tests.Optimizers;

[Optimizer(Kind.Lion, Params = 5, LearningRate = 0.01)]
internal partial class LionPlainD;

[Optimizer(Kind.Lion, Params = 5, LearningRate = 0.01, ElementType = typeof(float))]
internal partial class LionPlainF;

[Optimizer(Kind.Lion, Params = 6, LearningRate = 0.01, Beta1 = 0.8, Beta2 = 0.95, WeightDecay = 0.5, Maximize = true)]
internal partial class LionAllD;

[Optimizer(Kind.Lion, Params = 6, LearningRate = 0.01, Beta1 = 0.8, Beta2 = 0.95, WeightDecay = 0.5, Maximize = true, ElementType = typeof(float))]
internal partial class LionAllF;

[Optimizer(Kind.Lion, LearningRate = 0.01, WeightDecay = 0.1)]
internal partial class LionSizedD;

[Optimizer(Kind.Lion, Params = 100, LearningRate = 0.01, WeightDecay = 0.1, Maximize = true)]
internal partial class LionLargeD;

[Optimizer(Kind.Lion, LearningRate = 0.01, WeightDecay = 0.1, ElementType = typeof(float))]
internal partial class LionSizedF;

[Optimizer(Kind.Lion, Params = 100, LearningRate = 0.01, WeightDecay = 0.1, Maximize = true, ElementType = typeof(float))]
internal partial class LionLargeF;

/// <summary>Kind.Lion is google/automl's lion_pytorch.py (reference: that code replayed op for op with TorchSharp tensors).</summary>
public class LionParityTests
{
    [Theory]
    [InlineData(typeof(LionPlainD))]
    [InlineData(typeof(LionPlainF))]
    [InlineData(typeof(LionAllD))]
    [InlineData(typeof(LionAllF))]
    public void Matches_the_reference_at_every_step(Type optimizer) => Parity.CheckType(optimizer);

    [Theory]
    [InlineData(typeof(LionSizedD))]
    [InlineData(typeof(LionSizedF))]
    public void A_constructor_sized_loop_matches_the_reference(Type optimizer) => Parity.CheckType(optimizer, 37);

    [Theory]
    [InlineData(typeof(LionLargeD))]
    [InlineData(typeof(LionLargeF))]
    public void A_large_vectorized_loop_matches_the_reference(Type optimizer) => Parity.CheckType(optimizer);

    [Fact]
    public void A_changed_learning_rate_takes_effect_at_the_next_step_as_in_the_reference() =>
        Parity.Check<LionAllD, double>(new LionAllD(), learningRateAtStep: t => 0.01 * (1 + Math.Cos(t / 10.0)) / 2 + 1e-3);
}

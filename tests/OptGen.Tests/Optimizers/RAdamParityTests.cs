using Xunit;

namespace OptGen.Tests.Optimizers;

[Optimizer(Kind.RAdam, Params = 5, LearningRate = 0.05)]
internal partial class RAdamPlainD;

[Optimizer(Kind.RAdam, Params = 5, LearningRate = 0.05, ElementType = typeof(float))]
internal partial class RAdamPlainF;

[Optimizer(Kind.RAdam, Params = 4, LearningRate = 0.05, WeightDecay = 0.1, Maximize = true)]
internal partial class RAdamDecayD;

[Optimizer(Kind.RAdam, Params = 4, LearningRate = 0.05, WeightDecay = 0.1, Maximize = true, ElementType = typeof(float))]
internal partial class RAdamDecayF;

[Optimizer(Kind.RAdam, Params = 6, LearningRate = 0.03, Beta1 = 0.85, Beta2 = 0.9, Epsilon = 1e-6, WeightDecay = 0.2, DecoupledWeightDecay = true, Maximize = true)]
internal partial class RAdamAllD;

[Optimizer(Kind.RAdam, Params = 6, LearningRate = 0.03, Beta1 = 0.85, Beta2 = 0.9, Epsilon = 1e-6, WeightDecay = 0.2, DecoupledWeightDecay = true, Maximize = true, ElementType = typeof(float))]
internal partial class RAdamAllF;

[Optimizer(Kind.RAdam, LearningRate = 0.03, Beta2 = 0.9, WeightDecay = 0.1)]
internal partial class RAdamSizedD;

[Optimizer(Kind.RAdam, Params = 100, LearningRate = 0.03, Beta2 = 0.9, WeightDecay = 0.1, DecoupledWeightDecay = true)]
internal partial class RAdamLargeD;

[Optimizer(Kind.RAdam, LearningRate = 0.03, Beta2 = 0.9, WeightDecay = 0.1, ElementType = typeof(float))]
internal partial class RAdamSizedF;

[Optimizer(Kind.RAdam, Params = 100, LearningRate = 0.03, Beta2 = 0.9, WeightDecay = 0.1, DecoupledWeightDecay = true, ElementType = typeof(float))]
internal partial class RAdamLargeF;

/// <summary>Kind.RAdam is torch.optim.RAdam as PyTorch computes it (reference: PyTorch's radam.py replayed op for op with TorchSharp tensors, because TorchSharp 0.107's RAdam applies the learning rate twice once rectification starts).</summary>
public class RAdamParityTests
{
    [Theory]
    [InlineData(typeof(RAdamPlainD))]
    [InlineData(typeof(RAdamPlainF))]
    [InlineData(typeof(RAdamDecayD))]
    [InlineData(typeof(RAdamDecayF))]
    [InlineData(typeof(RAdamAllD))]
    [InlineData(typeof(RAdamAllF))]
    public void Matches_torch_RAdam_at_every_step(Type optimizer) => Parity.CheckType(optimizer);

    [Theory]
    [InlineData(typeof(RAdamSizedD))]
    [InlineData(typeof(RAdamSizedF))]
    public void A_constructor_sized_loop_matches_torch(Type optimizer) => Parity.CheckType(optimizer, 37);

    [Theory]
    [InlineData(typeof(RAdamLargeD))]
    [InlineData(typeof(RAdamLargeF))]
    public void A_large_vectorized_loop_matches_torch(Type optimizer) => Parity.CheckType(optimizer);

    [Fact]
    public void A_changed_learning_rate_takes_effect_at_the_next_step_as_in_torch() =>
        Parity.Check<RAdamAllD, double>(new RAdamAllD(), learningRateAtStep: t => 0.03 * (1 + Math.Cos(t / 10.0)) / 2 + 1e-3);
}

using Xunit;

namespace OptGen.Tests.Optimizers;

[Optimizer(Kind.Momentum, Params = 5, LearningRate = 0.05)]
internal partial class MomentumPlainD;

[Optimizer(Kind.Momentum, Params = 5, LearningRate = 0.05, ElementType = typeof(float))]
internal partial class MomentumPlainF;

[Optimizer(Kind.Momentum, Params = 4, LearningRate = 0.05, Momentum = 0.5, Dampening = 0.5)]
internal partial class MomentumDampeningD;

[Optimizer(Kind.Momentum, Params = 4, LearningRate = 0.05, Momentum = 0.5, Dampening = 0.5, ElementType = typeof(float))]
internal partial class MomentumDampeningF;

[Optimizer(Kind.Momentum, Params = 3, LearningRate = 0.02, Momentum = 0.95, WeightDecay = 0.05)]
internal partial class MomentumWeightDecayD;

[Optimizer(Kind.Momentum, Params = 3, LearningRate = 0.02, Momentum = 0.95, WeightDecay = 0.05, ElementType = typeof(float))]
internal partial class MomentumWeightDecayF;

[Optimizer(Kind.Momentum, Params = 3, LearningRate = 0.05, Maximize = true)]
internal partial class MomentumMaximizeD;

[Optimizer(Kind.Momentum, Params = 3, LearningRate = 0.05, Maximize = true, ElementType = typeof(float))]
internal partial class MomentumMaximizeF;

/// <summary>Every option of the kind on.</summary>
[Optimizer(Kind.Momentum, Params = 6, LearningRate = 0.03, Momentum = 0.8, Dampening = 0.1, WeightDecay = 0.02, Maximize = true)]
internal partial class MomentumAllD;

/// <summary>Every option of the kind on.</summary>
[Optimizer(Kind.Momentum, Params = 6, LearningRate = 0.03, Momentum = 0.8, Dampening = 0.1, WeightDecay = 0.02, Maximize = true, ElementType = typeof(float))]
internal partial class MomentumAllF;

/// <summary>Kind.Momentum is torch.optim.SGD(momentum=μ, dampening=τ): the buffer starts as the first gradient.</summary>
public class MomentumParityTests
{
    [Theory]
    [InlineData(typeof(MomentumPlainD))]
    [InlineData(typeof(MomentumPlainF))]
    [InlineData(typeof(MomentumDampeningD))]
    [InlineData(typeof(MomentumDampeningF))]
    [InlineData(typeof(MomentumWeightDecayD))]
    [InlineData(typeof(MomentumWeightDecayF))]
    [InlineData(typeof(MomentumMaximizeD))]
    [InlineData(typeof(MomentumMaximizeF))]
    [InlineData(typeof(MomentumAllD))]
    [InlineData(typeof(MomentumAllF))]
    public void Matches_torch_SGD_with_momentum_at_every_step(Type optimizer) => Parity.CheckType(optimizer);

    [Fact]
    public void A_changed_learning_rate_takes_effect_at_the_next_step_as_in_torch() =>
        Parity.Check<MomentumAllD, double>(new MomentumAllD(), learningRateAtStep: t => t < 60 ? 0.03 : 0.01);
}

using Xunit;

namespace OptGen.Tests.Optimizers;

[Optimizer(Kind.RMSProp, Params = 5, LearningRate = 0.01)]
internal partial class RmsPropPlainD;

[Optimizer(Kind.RMSProp, Params = 5, LearningRate = 0.01, ElementType = typeof(float))]
internal partial class RmsPropPlainF;

[Optimizer(Kind.RMSProp, Params = 4, LearningRate = 0.02, Alpha = 0.9)]
internal partial class RmsPropAlphaD;

[Optimizer(Kind.RMSProp, Params = 4, LearningRate = 0.02, Alpha = 0.9, ElementType = typeof(float))]
internal partial class RmsPropAlphaF;

[Optimizer(Kind.RMSProp, Params = 3, LearningRate = 0.01, Centered = true)]
internal partial class RmsPropCenteredD;

[Optimizer(Kind.RMSProp, Params = 3, LearningRate = 0.01, Centered = true, ElementType = typeof(float))]
internal partial class RmsPropCenteredF;

[Optimizer(Kind.RMSProp, Params = 3, LearningRate = 0.01, Momentum = 0.5)]
internal partial class RmsPropMomentumD;

[Optimizer(Kind.RMSProp, Params = 3, LearningRate = 0.01, Momentum = 0.5, ElementType = typeof(float))]
internal partial class RmsPropMomentumF;

[Optimizer(Kind.RMSProp, Params = 3, LearningRate = 0.02, Epsilon = 1e-4, WeightDecay = 0.1, Maximize = true)]
internal partial class RmsPropEpsilonWeightDecayMaximizeD;

[Optimizer(Kind.RMSProp, Params = 3, LearningRate = 0.02, Epsilon = 1e-4, WeightDecay = 0.1, Maximize = true, ElementType = typeof(float))]
internal partial class RmsPropEpsilonWeightDecayMaximizeF;

/// <summary>Every option of the kind on.</summary>
[Optimizer(Kind.RMSProp, Params = 6, LearningRate = 0.005, Alpha = 0.95, Epsilon = 1e-6, Centered = true, Momentum = 0.3, WeightDecay = 0.05, Maximize = true)]
internal partial class RmsPropAllD;

/// <summary>Every option of the kind on.</summary>
[Optimizer(Kind.RMSProp, Params = 6, LearningRate = 0.005, Alpha = 0.95, Epsilon = 1e-6, Centered = true, Momentum = 0.3, WeightDecay = 0.05, Maximize = true, ElementType = typeof(float))]
internal partial class RmsPropAllF;

/// <summary>Kind.RMSProp is torch.optim.RMSprop (the square root taken before ε is added).</summary>
public class RmsPropParityTests
{
    [Theory]
    [InlineData(typeof(RmsPropPlainD))]
    [InlineData(typeof(RmsPropPlainF))]
    [InlineData(typeof(RmsPropAlphaD))]
    [InlineData(typeof(RmsPropAlphaF))]
    [InlineData(typeof(RmsPropCenteredD))]
    [InlineData(typeof(RmsPropCenteredF))]
    [InlineData(typeof(RmsPropMomentumD))]
    [InlineData(typeof(RmsPropMomentumF))]
    [InlineData(typeof(RmsPropEpsilonWeightDecayMaximizeD))]
    [InlineData(typeof(RmsPropEpsilonWeightDecayMaximizeF))]
    [InlineData(typeof(RmsPropAllD))]
    [InlineData(typeof(RmsPropAllF))]
    public void Matches_torch_RMSprop_at_every_step(Type optimizer) => Parity.CheckType(optimizer);

    [Fact]
    public void A_changed_learning_rate_scales_the_momentum_buffer_step_as_in_torch() =>
        Parity.Check<RmsPropAllD, double>(new RmsPropAllD(), learningRateAtStep: t => 0.005 + 0.001 * (t % 7));
}

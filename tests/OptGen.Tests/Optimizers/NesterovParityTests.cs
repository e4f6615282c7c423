using Xunit;

namespace OptGen.Tests.Optimizers;

[Optimizer(Kind.Nesterov, Params = 5, LearningRate = 0.05)]
internal partial class NesterovPlainD;

[Optimizer(Kind.Nesterov, Params = 5, LearningRate = 0.05, ElementType = typeof(float))]
internal partial class NesterovPlainF;

[Optimizer(Kind.Nesterov, Params = 4, LearningRate = 0.1, Momentum = 0.5)]
internal partial class NesterovMomentumD;

[Optimizer(Kind.Nesterov, Params = 4, LearningRate = 0.1, Momentum = 0.5, ElementType = typeof(float))]
internal partial class NesterovMomentumF;

[Optimizer(Kind.Nesterov, Params = 3, LearningRate = 0.02, Momentum = 0.95, WeightDecay = 0.05)]
internal partial class NesterovWeightDecayD;

[Optimizer(Kind.Nesterov, Params = 3, LearningRate = 0.02, Momentum = 0.95, WeightDecay = 0.05, ElementType = typeof(float))]
internal partial class NesterovWeightDecayF;

/// <summary>Every option of the kind on (Nesterov takes no dampening, as torch).</summary>
[Optimizer(Kind.Nesterov, Params = 6, LearningRate = 0.03, Momentum = 0.7, WeightDecay = 0.02, Maximize = true)]
internal partial class NesterovAllD;

/// <summary>Every option of the kind on (Nesterov takes no dampening, as torch).</summary>
[Optimizer(Kind.Nesterov, Params = 6, LearningRate = 0.03, Momentum = 0.7, WeightDecay = 0.02, Maximize = true, ElementType = typeof(float))]
internal partial class NesterovAllF;

/// <summary>Kind.Nesterov is torch.optim.SGD(momentum=μ, nesterov=True).</summary>
public class NesterovParityTests
{
    [Theory]
    [InlineData(typeof(NesterovPlainD))]
    [InlineData(typeof(NesterovPlainF))]
    [InlineData(typeof(NesterovMomentumD))]
    [InlineData(typeof(NesterovMomentumF))]
    [InlineData(typeof(NesterovWeightDecayD))]
    [InlineData(typeof(NesterovWeightDecayF))]
    [InlineData(typeof(NesterovAllD))]
    [InlineData(typeof(NesterovAllF))]
    public void Matches_torch_SGD_with_nesterov_at_every_step(Type optimizer) => Parity.CheckType(optimizer);

    [Fact]
    public void A_changed_learning_rate_takes_effect_at_the_next_step_as_in_torch() =>
        Parity.Check<NesterovAllF, float>(new NesterovAllF(), learningRateAtStep: t => 0.03 * Math.Pow(0.99, t));
}

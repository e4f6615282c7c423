using Xunit;

namespace OptGen.Tests.Optimizers;

[Optimizer(Kind.Sgd, Params = 5, LearningRate = 0.1)]
internal partial class SgdPlainD;

[Optimizer(Kind.Sgd, Params = 5, LearningRate = 0.1, ElementType = typeof(float))]
internal partial class SgdPlainF;

[Optimizer(Kind.Sgd, Params = 4, LearningRate = 0.1, WeightDecay = 0.05)]
internal partial class SgdWeightDecayD;

[Optimizer(Kind.Sgd, Params = 4, LearningRate = 0.1, WeightDecay = 0.05, ElementType = typeof(float))]
internal partial class SgdWeightDecayF;

[Optimizer(Kind.Sgd, Params = 3, LearningRate = 0.07, Maximize = true)]
internal partial class SgdMaximizeD;

[Optimizer(Kind.Sgd, Params = 3, LearningRate = 0.07, Maximize = true, ElementType = typeof(float))]
internal partial class SgdMaximizeF;

/// <summary>Every option of the kind on.</summary>
[Optimizer(Kind.Sgd, Params = 6, LearningRate = 0.03, WeightDecay = 0.1, Maximize = true)]
internal partial class SgdAllD;

/// <summary>Every option of the kind on.</summary>
[Optimizer(Kind.Sgd, Params = 6, LearningRate = 0.03, WeightDecay = 0.1, Maximize = true, ElementType = typeof(float))]
internal partial class SgdAllF;

/// <summary>Kind.Sgd is torch.optim.SGD with momentum 0.</summary>
public class SgdParityTests
{
    [Theory]
    [InlineData(typeof(SgdPlainD))]
    [InlineData(typeof(SgdPlainF))]
    [InlineData(typeof(SgdWeightDecayD))]
    [InlineData(typeof(SgdWeightDecayF))]
    [InlineData(typeof(SgdMaximizeD))]
    [InlineData(typeof(SgdMaximizeF))]
    [InlineData(typeof(SgdAllD))]
    [InlineData(typeof(SgdAllF))]
    public void Matches_torch_SGD_at_every_step(Type optimizer) => Parity.CheckType(optimizer);

    [Fact]
    public void A_changed_learning_rate_takes_effect_at_the_next_step_as_in_torch() =>
        Parity.Check<SgdAllD, double>(new SgdAllD(), learningRateAtStep: t => 0.05 / (1 + t / 20));
}

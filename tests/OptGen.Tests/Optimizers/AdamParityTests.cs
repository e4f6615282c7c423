using Xunit;

namespace OptGen.Tests.Optimizers;

[Optimizer(Kind.Adam, Params = 5, LearningRate = 0.05)]
internal partial class AdamPlainD;

[Optimizer(Kind.Adam, Params = 5, LearningRate = 0.05, ElementType = typeof(float))]
internal partial class AdamPlainF;

[Optimizer(Kind.Adam, Params = 4, LearningRate = 0.05, Amsgrad = true)]
internal partial class AdamAmsgradD;

[Optimizer(Kind.Adam, Params = 4, LearningRate = 0.05, Amsgrad = true, ElementType = typeof(float))]
internal partial class AdamAmsgradF;

[Optimizer(Kind.Adam, Params = 3, LearningRate = 0.02, Beta1 = 0.8, Beta2 = 0.99)]
internal partial class AdamBetasD;

[Optimizer(Kind.Adam, Params = 3, LearningRate = 0.02, Beta1 = 0.8, Beta2 = 0.99, ElementType = typeof(float))]
internal partial class AdamBetasF;

[Optimizer(Kind.Adam, Params = 3, LearningRate = 0.02, Beta1 = 0.0, Beta2 = 0.5, Epsilon = 1e-3)]
internal partial class AdamNoFirstMomentD;

[Optimizer(Kind.Adam, Params = 3, LearningRate = 0.05, Epsilon = 1e-4, WeightDecay = 0.1, Maximize = true)]
internal partial class AdamEpsilonWeightDecayMaximizeD;

[Optimizer(Kind.Adam, Params = 3, LearningRate = 0.05, Epsilon = 1e-4, WeightDecay = 0.1, Maximize = true, ElementType = typeof(float))]
internal partial class AdamEpsilonWeightDecayMaximizeF;

/// <summary>Every option of the kind on.</summary>
[Optimizer(Kind.Adam, Params = 6, LearningRate = 0.03, Beta1 = 0.85, Beta2 = 0.995, Epsilon = 1e-6, WeightDecay = 0.05, Amsgrad = true, Maximize = true)]
internal partial class AdamAllD;

/// <summary>Every option of the kind on.</summary>
[Optimizer(Kind.Adam, Params = 6, LearningRate = 0.03, Beta1 = 0.85, Beta2 = 0.995, Epsilon = 1e-6, WeightDecay = 0.05, Amsgrad = true, Maximize = true, ElementType = typeof(float))]
internal partial class AdamAllF;

/// <summary>Kind.Adam is torch.optim.Adam (bias-corrected; AMSGrad keeps the maximum of the raw second moment).</summary>
public class AdamParityTests
{
    [Theory]
    [InlineData(typeof(AdamPlainD))]
    [InlineData(typeof(AdamPlainF))]
    [InlineData(typeof(AdamAmsgradD))]
    [InlineData(typeof(AdamAmsgradF))]
    [InlineData(typeof(AdamBetasD))]
    [InlineData(typeof(AdamBetasF))]
    [InlineData(typeof(AdamNoFirstMomentD))]
    [InlineData(typeof(AdamEpsilonWeightDecayMaximizeD))]
    [InlineData(typeof(AdamEpsilonWeightDecayMaximizeF))]
    [InlineData(typeof(AdamAllD))]
    [InlineData(typeof(AdamAllF))]
    public void Matches_torch_Adam_at_every_step(Type optimizer) => Parity.CheckType(optimizer);

    [Fact]
    public void A_changed_learning_rate_takes_effect_at_the_next_step_as_in_torch() =>
        Parity.Check<AdamAllD, double>(new AdamAllD(), learningRateAtStep: t => 0.03 * (1 + Math.Cos(t / 10.0)) / 2 + 1e-3);

    [Fact]
    public void Long_runs_keep_the_bias_corrections_exact() =>
        Parity.Check<AdamAmsgradD, double>(new AdamAmsgradD(), steps: 2000);
}

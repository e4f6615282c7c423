using Xunit;

namespace OptGen.Tests.Optimizers;

[Optimizer(Kind.Adagrad, Params = 5, LearningRate = 0.5)]
internal partial class AdagradPlainD;

[Optimizer(Kind.Adagrad, Params = 5, LearningRate = 0.5, ElementType = typeof(float))]
internal partial class AdagradPlainF;

[Optimizer(Kind.Adagrad, Params = 4, LearningRate = 0.5, LrDecay = 0.05)]
internal partial class AdagradLrDecayD;

[Optimizer(Kind.Adagrad, Params = 4, LearningRate = 0.5, LrDecay = 0.05, ElementType = typeof(float))]
internal partial class AdagradLrDecayF;

[Optimizer(Kind.Adagrad, Params = 3, LearningRate = 0.5, InitialAccumulatorValue = 0.3)]
internal partial class AdagradAccumulatorD;

[Optimizer(Kind.Adagrad, Params = 3, LearningRate = 0.5, InitialAccumulatorValue = 0.3, ElementType = typeof(float))]
internal partial class AdagradAccumulatorF;

[Optimizer(Kind.Adagrad, Params = 3, LearningRate = 0.2, Epsilon = 1e-3, WeightDecay = 0.1)]
internal partial class AdagradEpsilonWeightDecayD;

[Optimizer(Kind.Adagrad, Params = 3, LearningRate = 0.2, Epsilon = 1e-3, WeightDecay = 0.1, ElementType = typeof(float))]
internal partial class AdagradEpsilonWeightDecayF;

[Optimizer(Kind.Adagrad, Params = 3, LearningRate = 0.3, Maximize = true)]
internal partial class AdagradMaximizeD;

[Optimizer(Kind.Adagrad, Params = 3, LearningRate = 0.3, Maximize = true, ElementType = typeof(float))]
internal partial class AdagradMaximizeF;

/// <summary>Every option of the kind on.</summary>
[Optimizer(Kind.Adagrad, Params = 6, LearningRate = 0.4, LrDecay = 0.01, InitialAccumulatorValue = 0.1, Epsilon = 1e-6, WeightDecay = 0.05, Maximize = true)]
internal partial class AdagradAllD;

/// <summary>Every option of the kind on.</summary>
[Optimizer(Kind.Adagrad, Params = 6, LearningRate = 0.4, LrDecay = 0.01, InitialAccumulatorValue = 0.1, Epsilon = 1e-6, WeightDecay = 0.05, Maximize = true, ElementType = typeof(float))]
internal partial class AdagradAllF;

/// <summary>
/// Kind.Adagrad is torch.optim.Adagrad. (TorchSharp's Adagrad has no maximize; the reference feeds it −g, which is
/// what PyTorch's maximize does first.)
/// </summary>
public class AdagradParityTests
{
    [Theory]
    [InlineData(typeof(AdagradPlainD))]
    [InlineData(typeof(AdagradPlainF))]
    [InlineData(typeof(AdagradLrDecayD))]
    [InlineData(typeof(AdagradLrDecayF))]
    [InlineData(typeof(AdagradAccumulatorD))]
    [InlineData(typeof(AdagradAccumulatorF))]
    [InlineData(typeof(AdagradEpsilonWeightDecayD))]
    [InlineData(typeof(AdagradEpsilonWeightDecayF))]
    [InlineData(typeof(AdagradMaximizeD))]
    [InlineData(typeof(AdagradMaximizeF))]
    [InlineData(typeof(AdagradAllD))]
    [InlineData(typeof(AdagradAllF))]
    public void Matches_torch_Adagrad_at_every_step(Type optimizer) => Parity.CheckType(optimizer);

    [Fact]
    public void A_changed_learning_rate_combines_with_lr_decay_as_in_torch() =>
        Parity.Check<AdagradLrDecayD, double>(new AdagradLrDecayD(), learningRateAtStep: t => t % 30 < 15 ? 0.5 : 0.25);
}

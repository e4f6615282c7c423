using Xunit;

namespace OptGen.Tests.Optimizers;

[Optimizer(Kind.AdamW, Params = 5, LearningRate = 0.05)]
internal partial class AdamWPlainD;

[Optimizer(Kind.AdamW, Params = 5, LearningRate = 0.05, ElementType = typeof(float))]
internal partial class AdamWPlainF;

[Optimizer(Kind.AdamW, Params = 4, LearningRate = 0.05, WeightDecay = 0.3)]
internal partial class AdamWDecayD;

[Optimizer(Kind.AdamW, Params = 4, LearningRate = 0.05, WeightDecay = 0.3, ElementType = typeof(float))]
internal partial class AdamWDecayF;

[Optimizer(Kind.AdamW, Params = 6, LearningRate = 0.03, Beta1 = 0.85, Beta2 = 0.995, Epsilon = 1e-6, WeightDecay = 0.2, Amsgrad = true, Maximize = true)]
internal partial class AdamWAllD;

[Optimizer(Kind.AdamW, Params = 6, LearningRate = 0.03, Beta1 = 0.85, Beta2 = 0.995, Epsilon = 1e-6, WeightDecay = 0.2, Amsgrad = true, Maximize = true, ElementType = typeof(float))]
internal partial class AdamWAllF;

[Optimizer(Kind.AdamW, LearningRate = 0.03, WeightDecay = 0.1, Amsgrad = true)]
internal partial class AdamWSizedD;

[Optimizer(Kind.AdamW, Params = 100, LearningRate = 0.03, WeightDecay = 0.1, Amsgrad = true, Maximize = true)]
internal partial class AdamWLargeD;

[Optimizer(Kind.AdamW, LearningRate = 0.03, WeightDecay = 0.1, Amsgrad = true, ElementType = typeof(float))]
internal partial class AdamWSizedF;

[Optimizer(Kind.AdamW, Params = 100, LearningRate = 0.03, WeightDecay = 0.1, Amsgrad = true, Maximize = true, ElementType = typeof(float))]
internal partial class AdamWLargeF;

/// <summary>Kind.AdamW is torch.optim.AdamW: decoupled weight decay θ ← θ·(1 − lr·λ), λ = 0.01 by default (reference: TorchSharp's AdamW, which matches PyTorch's code).</summary>
public class AdamWParityTests
{
    [Theory]
    [InlineData(typeof(AdamWPlainD))]
    [InlineData(typeof(AdamWPlainF))]
    [InlineData(typeof(AdamWDecayD))]
    [InlineData(typeof(AdamWDecayF))]
    [InlineData(typeof(AdamWAllD))]
    [InlineData(typeof(AdamWAllF))]
    public void Matches_torch_AdamW_at_every_step(Type optimizer) => Parity.CheckType(optimizer);

    [Theory]
    [InlineData(typeof(AdamWSizedD))]
    [InlineData(typeof(AdamWSizedF))]
    public void A_constructor_sized_loop_matches_torch(Type optimizer) => Parity.CheckType(optimizer, 37);

    [Theory]
    [InlineData(typeof(AdamWLargeD))]
    [InlineData(typeof(AdamWLargeF))]
    public void A_large_vectorized_loop_matches_torch(Type optimizer) => Parity.CheckType(optimizer);

    [Fact]
    public void A_changed_learning_rate_takes_effect_at_the_next_step_as_in_torch() =>
        Parity.Check<AdamWAllD, double>(new AdamWAllD(), learningRateAtStep: t => 0.03 * (1 + Math.Cos(t / 10.0)) / 2 + 1e-3);
}

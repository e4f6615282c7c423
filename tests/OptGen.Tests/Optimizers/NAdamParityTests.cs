using Xunit;

namespace OptGen.Tests.Optimizers;

[Optimizer(Kind.NAdam, Params = 5, LearningRate = 0.05)]
internal partial class NAdamPlainD;

[Optimizer(Kind.NAdam, Params = 5, LearningRate = 0.05, ElementType = typeof(float))]
internal partial class NAdamPlainF;

[Optimizer(Kind.NAdam, Params = 4, LearningRate = 0.05, MomentumDecay = 0.05, WeightDecay = 0.1, Maximize = true)]
internal partial class NAdamMomentumDecayD;

[Optimizer(Kind.NAdam, Params = 4, LearningRate = 0.05, MomentumDecay = 0.05, WeightDecay = 0.1, Maximize = true, ElementType = typeof(float))]
internal partial class NAdamMomentumDecayF;

[Optimizer(Kind.NAdam, Params = 6, LearningRate = 0.03, Beta1 = 0.85, Beta2 = 0.995, Epsilon = 1e-6, WeightDecay = 0.2, MomentumDecay = 0.01, DecoupledWeightDecay = true, Maximize = true)]
internal partial class NAdamAllD;

[Optimizer(Kind.NAdam, Params = 6, LearningRate = 0.03, Beta1 = 0.85, Beta2 = 0.995, Epsilon = 1e-6, WeightDecay = 0.2, MomentumDecay = 0.01, DecoupledWeightDecay = true, Maximize = true, ElementType = typeof(float))]
internal partial class NAdamAllF;

[Optimizer(Kind.NAdam, LearningRate = 0.03, WeightDecay = 0.1, DecoupledWeightDecay = true)]
internal partial class NAdamSizedD;

[Optimizer(Kind.NAdam, Params = 100, LearningRate = 0.03, WeightDecay = 0.1, MomentumDecay = 0.01)]
internal partial class NAdamLargeD;

[Optimizer(Kind.NAdam, LearningRate = 0.03, WeightDecay = 0.1, DecoupledWeightDecay = true, ElementType = typeof(float))]
internal partial class NAdamSizedF;

[Optimizer(Kind.NAdam, Params = 100, LearningRate = 0.03, WeightDecay = 0.1, MomentumDecay = 0.01, ElementType = typeof(float))]
internal partial class NAdamLargeF;

/// <summary>Kind.NAdam is torch.optim.NAdam (reference: TorchSharp's NAdam, fed −g for maximize; with DecoupledWeightDecay, which TorchSharp lacks, PyTorch's nadam.py replayed op for op with TorchSharp tensors).</summary>
public class NAdamParityTests
{
    [Theory]
    [InlineData(typeof(NAdamPlainD))]
    [InlineData(typeof(NAdamPlainF))]
    [InlineData(typeof(NAdamMomentumDecayD))]
    [InlineData(typeof(NAdamMomentumDecayF))]
    [InlineData(typeof(NAdamAllD))]
    [InlineData(typeof(NAdamAllF))]
    public void Matches_torch_NAdam_at_every_step(Type optimizer) => Parity.CheckType(optimizer);

    [Theory]
    [InlineData(typeof(NAdamSizedD))]
    [InlineData(typeof(NAdamSizedF))]
    public void A_constructor_sized_loop_matches_torch(Type optimizer) => Parity.CheckType(optimizer, 37);

    [Theory]
    [InlineData(typeof(NAdamLargeD))]
    [InlineData(typeof(NAdamLargeF))]
    public void A_large_vectorized_loop_matches_torch(Type optimizer) => Parity.CheckType(optimizer);

    [Fact]
    public void A_changed_learning_rate_takes_effect_at_the_next_step_as_in_torch() =>
        Parity.Check<NAdamAllD, double>(new NAdamAllD(), learningRateAtStep: t => 0.03 * (1 + Math.Cos(t / 10.0)) / 2 + 1e-3);
}

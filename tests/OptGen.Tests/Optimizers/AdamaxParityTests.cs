using Xunit;

namespace OptGen.Tests.Optimizers;

[Optimizer(Kind.Adamax, Params = 5, LearningRate = 0.05)]
internal partial class AdamaxPlainD;

[Optimizer(Kind.Adamax, Params = 5, LearningRate = 0.05, ElementType = typeof(float))]
internal partial class AdamaxPlainF;

[Optimizer(Kind.Adamax, Params = 6, LearningRate = 0.03, Beta1 = 0.8, Beta2 = 0.99, Epsilon = 1e-4, WeightDecay = 0.05, Maximize = true)]
internal partial class AdamaxAllD;

[Optimizer(Kind.Adamax, Params = 6, LearningRate = 0.03, Beta1 = 0.8, Beta2 = 0.99, Epsilon = 1e-4, WeightDecay = 0.05, Maximize = true, ElementType = typeof(float))]
internal partial class AdamaxAllF;

[Optimizer(Kind.Adamax, LearningRate = 0.03, WeightDecay = 0.05)]
internal partial class AdamaxSizedD;

[Optimizer(Kind.Adamax, Params = 100, LearningRate = 0.03, WeightDecay = 0.05, Maximize = true)]
internal partial class AdamaxLargeD;

[Optimizer(Kind.Adamax, LearningRate = 0.03, WeightDecay = 0.05, ElementType = typeof(float))]
internal partial class AdamaxSizedF;

[Optimizer(Kind.Adamax, Params = 100, LearningRate = 0.03, WeightDecay = 0.05, Maximize = true, ElementType = typeof(float))]
internal partial class AdamaxLargeF;

/// <summary>Kind.Adamax is torch.optim.Adamax (reference: TorchSharp's Adamax; it has no maximize, so it is fed −g, which is PyTorch's first line for maximize).</summary>
public class AdamaxParityTests
{
    [Theory]
    [InlineData(typeof(AdamaxPlainD))]
    [InlineData(typeof(AdamaxPlainF))]
    [InlineData(typeof(AdamaxAllD))]
    [InlineData(typeof(AdamaxAllF))]
    public void Matches_torch_Adamax_at_every_step(Type optimizer) => Parity.CheckType(optimizer);

    [Theory]
    [InlineData(typeof(AdamaxSizedD))]
    [InlineData(typeof(AdamaxSizedF))]
    public void A_constructor_sized_loop_matches_torch(Type optimizer) => Parity.CheckType(optimizer, 37);

    [Theory]
    [InlineData(typeof(AdamaxLargeD))]
    [InlineData(typeof(AdamaxLargeF))]
    public void A_large_vectorized_loop_matches_torch(Type optimizer) => Parity.CheckType(optimizer);

    [Fact]
    public void A_changed_learning_rate_takes_effect_at_the_next_step_as_in_torch() =>
        Parity.Check<AdamaxAllD, double>(new AdamaxAllD(), learningRateAtStep: t => 0.03 * (1 + Math.Cos(t / 10.0)) / 2 + 1e-3);
}

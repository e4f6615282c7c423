using Xunit;

namespace OptGen.Tests.Optimizers;

[Optimizer(Kind.Adadelta, Params = 5)]
internal partial class AdadeltaPlainD;

[Optimizer(Kind.Adadelta, Params = 5, ElementType = typeof(float))]
internal partial class AdadeltaPlainF;

[Optimizer(Kind.Adadelta, Params = 6, LearningRate = 0.5, Rho = 0.8, Epsilon = 1e-4, WeightDecay = 0.05, Maximize = true)]
internal partial class AdadeltaAllD;

[Optimizer(Kind.Adadelta, Params = 6, LearningRate = 0.5, Rho = 0.8, Epsilon = 1e-4, WeightDecay = 0.05, Maximize = true, ElementType = typeof(float))]
internal partial class AdadeltaAllF;

[Optimizer(Kind.Adadelta, LearningRate = 0.5, Rho = 0.8, WeightDecay = 0.05)]
internal partial class AdadeltaSizedD;

[Optimizer(Kind.Adadelta, Params = 100, LearningRate = 0.5, Rho = 0.95, Maximize = true)]
internal partial class AdadeltaLargeD;

[Optimizer(Kind.Adadelta, LearningRate = 0.5, Rho = 0.8, WeightDecay = 0.05, ElementType = typeof(float))]
internal partial class AdadeltaSizedF;

[Optimizer(Kind.Adadelta, Params = 100, LearningRate = 0.5, Rho = 0.95, Maximize = true, ElementType = typeof(float))]
internal partial class AdadeltaLargeF;

/// <summary>Kind.Adadelta is torch.optim.Adadelta (reference: TorchSharp's Adadelta).</summary>
public class AdadeltaParityTests
{
    [Theory]
    [InlineData(typeof(AdadeltaPlainD))]
    [InlineData(typeof(AdadeltaPlainF))]
    [InlineData(typeof(AdadeltaAllD))]
    [InlineData(typeof(AdadeltaAllF))]
    public void Matches_torch_Adadelta_at_every_step(Type optimizer) => Parity.CheckType(optimizer);

    [Theory]
    [InlineData(typeof(AdadeltaSizedD))]
    [InlineData(typeof(AdadeltaSizedF))]
    public void A_constructor_sized_loop_matches_torch(Type optimizer) => Parity.CheckType(optimizer, 37);

    [Theory]
    [InlineData(typeof(AdadeltaLargeD))]
    [InlineData(typeof(AdadeltaLargeF))]
    public void A_large_vectorized_loop_matches_torch(Type optimizer) => Parity.CheckType(optimizer);

    [Fact]
    public void A_changed_learning_rate_takes_effect_at_the_next_step_as_in_torch() =>
        Parity.Check<AdadeltaAllD, double>(new AdadeltaAllD(), learningRateAtStep: t => 0.03 * (1 + Math.Cos(t / 10.0)) / 2 + 1e-3);
}

using Xunit;

namespace OptGen.Tests.Optimizers;

[Optimizer(Kind.Rprop, Params = 5)]
internal partial class RpropPlainD;

[Optimizer(Kind.Rprop, Params = 5, ElementType = typeof(float))]
internal partial class RpropPlainF;

[Optimizer(Kind.Rprop, Params = 6, LearningRate = 0.02, EtaMinus = 0.3, EtaPlus = 1.5, MinStepSize = 1e-3, MaxStepSize = 0.1, Maximize = true)]
internal partial class RpropAllD;

[Optimizer(Kind.Rprop, Params = 6, LearningRate = 0.02, EtaMinus = 0.3, EtaPlus = 1.5, MinStepSize = 1e-3, MaxStepSize = 0.1, Maximize = true, ElementType = typeof(float))]
internal partial class RpropAllF;

[Optimizer(Kind.Rprop, LearningRate = 0.02, EtaMinus = 0.4, EtaPlus = 1.3)]
internal partial class RpropSizedD;

[Optimizer(Kind.Rprop, Params = 100, LearningRate = 0.02, MaxStepSize = 0.05, Maximize = true)]
internal partial class RpropLargeD;

[Optimizer(Kind.Rprop, LearningRate = 0.02, EtaMinus = 0.4, EtaPlus = 1.3, ElementType = typeof(float))]
internal partial class RpropSizedF;

[Optimizer(Kind.Rprop, Params = 100, LearningRate = 0.02, MaxStepSize = 0.05, Maximize = true, ElementType = typeof(float))]
internal partial class RpropLargeF;

/// <summary>Kind.Rprop is torch.optim.Rprop (reference: TorchSharp's Rprop).</summary>
public class RpropParityTests
{
    [Theory]
    [InlineData(typeof(RpropPlainD))]
    [InlineData(typeof(RpropPlainF))]
    [InlineData(typeof(RpropAllD))]
    [InlineData(typeof(RpropAllF))]
    public void Matches_torch_Rprop_at_every_step(Type optimizer) => Parity.CheckType(optimizer);

    [Theory]
    [InlineData(typeof(RpropSizedD))]
    [InlineData(typeof(RpropSizedF))]
    public void A_constructor_sized_loop_matches_torch(Type optimizer) => Parity.CheckType(optimizer, 37);

    [Theory]
    [InlineData(typeof(RpropLargeD))]
    [InlineData(typeof(RpropLargeF))]
    public void A_large_vectorized_loop_matches_torch(Type optimizer) => Parity.CheckType(optimizer);
}

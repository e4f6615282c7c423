using Xunit;

namespace OptGen.Tests.Optimizers;

// Params omitted: the constructor takes the size.
[Optimizer(Kind.Sgd, LearningRate = 0.1, WeightDecay = 0.01)]
internal partial class SgdSizedD;

[Optimizer(Kind.Sgd, LearningRate = 0.1, WeightDecay = 0.01, ElementType = typeof(float))]
internal partial class SgdSizedF;

[Optimizer(Kind.Momentum, LearningRate = 0.05, Dampening = 0.2)]
internal partial class MomentumSizedD;

[Optimizer(Kind.Momentum, LearningRate = 0.05, Dampening = 0.2, ElementType = typeof(float))]
internal partial class MomentumSizedF;

[Optimizer(Kind.Nesterov, LearningRate = 0.05, Momentum = 0.8)]
internal partial class NesterovSizedD;

[Optimizer(Kind.Nesterov, LearningRate = 0.05, Momentum = 0.8, ElementType = typeof(float))]
internal partial class NesterovSizedF;

[Optimizer(Kind.Adagrad, LearningRate = 0.3, LrDecay = 0.01, InitialAccumulatorValue = 0.1)]
internal partial class AdagradSizedD;

[Optimizer(Kind.Adagrad, LearningRate = 0.3, LrDecay = 0.01, InitialAccumulatorValue = 0.1, ElementType = typeof(float))]
internal partial class AdagradSizedF;

[Optimizer(Kind.RMSProp, LearningRate = 0.01, Centered = true, Momentum = 0.4)]
internal partial class RmsPropSizedD;

[Optimizer(Kind.RMSProp, LearningRate = 0.01, Centered = true, Momentum = 0.4, ElementType = typeof(float))]
internal partial class RmsPropSizedF;

[Optimizer(Kind.Adam, LearningRate = 0.03, Amsgrad = true, WeightDecay = 0.01)]
internal partial class AdamSizedD;

[Optimizer(Kind.Adam, LearningRate = 0.03, Amsgrad = true, WeightDecay = 0.01, ElementType = typeof(float))]
internal partial class AdamSizedF;

// A large Params: a loop with a compile-time bound rather than straight-line code.
[Optimizer(Kind.Sgd, Params = 100, LearningRate = 0.1, WeightDecay = 0.01, Maximize = true)]
internal partial class SgdLargeD;

[Optimizer(Kind.Sgd, Params = 100, LearningRate = 0.1, WeightDecay = 0.01, Maximize = true, ElementType = typeof(float))]
internal partial class SgdLargeF;

[Optimizer(Kind.Momentum, Params = 100, LearningRate = 0.05, Momentum = 0.7, Dampening = 0.2, WeightDecay = 0.01)]
internal partial class MomentumLargeD;

[Optimizer(Kind.Momentum, Params = 100, LearningRate = 0.05, Momentum = 0.7, Dampening = 0.2, WeightDecay = 0.01, ElementType = typeof(float))]
internal partial class MomentumLargeF;

[Optimizer(Kind.Nesterov, Params = 100, LearningRate = 0.05, Momentum = 0.8, WeightDecay = 0.01, Maximize = true)]
internal partial class NesterovLargeD;

[Optimizer(Kind.Nesterov, Params = 100, LearningRate = 0.05, Momentum = 0.8, WeightDecay = 0.01, Maximize = true, ElementType = typeof(float))]
internal partial class NesterovLargeF;

[Optimizer(Kind.Adagrad, Params = 100, LearningRate = 0.3, LrDecay = 0.01, InitialAccumulatorValue = 0.1, Epsilon = 1e-8, WeightDecay = 0.01, Maximize = true)]
internal partial class AdagradLargeD;

[Optimizer(Kind.Adagrad, Params = 100, LearningRate = 0.3, LrDecay = 0.01, InitialAccumulatorValue = 0.1, Epsilon = 1e-8, WeightDecay = 0.01, Maximize = true, ElementType = typeof(float))]
internal partial class AdagradLargeF;

[Optimizer(Kind.RMSProp, Params = 100, LearningRate = 0.01, Alpha = 0.9, Centered = true, Momentum = 0.4, WeightDecay = 0.01, Maximize = true)]
internal partial class RmsPropLargeD;

[Optimizer(Kind.RMSProp, Params = 100, LearningRate = 0.01, Alpha = 0.9, Centered = true, Momentum = 0.4, WeightDecay = 0.01, Maximize = true, ElementType = typeof(float))]
internal partial class RmsPropLargeF;

[Optimizer(Kind.Adam, Params = 100, LearningRate = 0.03, Beta1 = 0.8, Beta2 = 0.99, Amsgrad = true, WeightDecay = 0.01, Maximize = true)]
internal partial class AdamLargeD;

[Optimizer(Kind.Adam, Params = 100, LearningRate = 0.03, Beta1 = 0.8, Beta2 = 0.99, Amsgrad = true, WeightDecay = 0.01, Maximize = true, ElementType = typeof(float))]
internal partial class AdamLargeF;

[Optimizer(Kind.Adam, Params = 37, LearningRate = 0.03)]
internal partial class AdamOddSizeD;

[Optimizer(Kind.RMSProp, Params = 37, LearningRate = 0.01, Momentum = 0.2, ElementType = typeof(float))]
internal partial class RmsPropOddSizeF;

// Structs (they must give Params).
[Optimizer(Kind.Adam, Params = 3, LearningRate = 0.05, Amsgrad = true)]
internal partial struct AdamStructD;

[Optimizer(Kind.Momentum, Params = 4, LearningRate = 0.05, Dampening = 0.3, ElementType = typeof(float))]
internal partial struct MomentumStructF;

[Optimizer(Kind.RMSProp, Params = 100, LearningRate = 0.01, Centered = true)]
internal partial struct RmsPropLargeStructD;

/// <summary>Parity for the other shapes of generated code: sized by the constructor, large (a loop), and structs.</summary>
public class ShapeParityTests
{
    [Theory]
    [InlineData(typeof(SgdSizedD), 3)]
    [InlineData(typeof(SgdSizedF), 7)]
    [InlineData(typeof(MomentumSizedD), 7)]
    [InlineData(typeof(MomentumSizedF), 3)]
    [InlineData(typeof(NesterovSizedD), 3)]
    [InlineData(typeof(NesterovSizedF), 7)]
    [InlineData(typeof(AdagradSizedD), 7)]
    [InlineData(typeof(AdagradSizedF), 3)]
    [InlineData(typeof(RmsPropSizedD), 3)]
    [InlineData(typeof(RmsPropSizedF), 7)]
    [InlineData(typeof(AdamSizedD), 7)]
    [InlineData(typeof(AdamSizedF), 3)]
    [InlineData(typeof(AdamSizedD), 1000)]
    [InlineData(typeof(RmsPropSizedF), 1000)]
    [InlineData(typeof(NesterovSizedF), 1001)]
    [InlineData(typeof(AdagradSizedD), 33)]
    [InlineData(typeof(MomentumSizedD), 17)]
    [InlineData(typeof(SgdSizedF), 31)]
    public void Constructor_sized_optimizers_match_torch(Type optimizer, int parameterCount) =>
        Parity.CheckType(optimizer, parameterCount);

    [Theory]
    [InlineData(typeof(SgdLargeD))]
    [InlineData(typeof(SgdLargeF))]
    [InlineData(typeof(MomentumLargeD))]
    [InlineData(typeof(MomentumLargeF))]
    [InlineData(typeof(NesterovLargeD))]
    [InlineData(typeof(NesterovLargeF))]
    [InlineData(typeof(AdagradLargeD))]
    [InlineData(typeof(AdagradLargeF))]
    [InlineData(typeof(RmsPropLargeD))]
    [InlineData(typeof(RmsPropLargeF))]
    [InlineData(typeof(AdamLargeD))]
    [InlineData(typeof(AdamLargeF))]
    [InlineData(typeof(AdamOddSizeD))]
    [InlineData(typeof(RmsPropOddSizeF))]
    public void Large_optimizers_match_torch(Type optimizer) => Parity.CheckType(optimizer);

    [Fact]
    public void A_constructor_sized_optimizer_reports_its_size()
    {
        Assert.Equal(7, new AdamSizedD(7).ParameterCount);
        Assert.Equal(1, new SgdSizedF(1).ParameterCount);
        IOptimizer<double> viaInterface = new RmsPropSizedD(12);
        Assert.Equal(12, viaInterface.ParameterCount);
    }

    [Fact]
    public void A_constructor_rejects_a_size_below_one()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AdamSizedD(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SgdSizedF(-3));
    }

    [Fact]
    public void Params_is_a_constant_and_the_interface_reports_it()
    {
        const int adam = AdamLargeD.ParameterCount;
        const int sgd = SgdPlainD.ParameterCount;
        Assert.Equal(100, adam);
        Assert.Equal(5, sgd);
        IOptimizer<float> viaInterface = new RmsPropOddSizeF();
        Assert.Equal(37, viaInterface.ParameterCount);
    }

    [Fact]
    public void Struct_optimizers_match_torch()
    {
        Parity.Check<AdamStructD, double>(new AdamStructD());
        Parity.Check<MomentumStructF, float>(new MomentumStructF());
        Parity.Check<RmsPropLargeStructD, double>(new RmsPropLargeStructD());
    }
}

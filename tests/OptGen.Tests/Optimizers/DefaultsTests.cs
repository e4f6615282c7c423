using OptGen.Tests.Reference;
using Xunit;

namespace OptGen.Tests.Optimizers;

// Declared with no option at all: every hyperparameter is the default.
[Optimizer(Kind.Sgd)]
internal partial class SgdDefaults;

[Optimizer(Kind.Momentum)]
internal partial class MomentumDefaults;

[Optimizer(Kind.Nesterov)]
internal partial class NesterovDefaults;

[Optimizer(Kind.Adagrad)]
internal partial class AdagradDefaults;

[Optimizer(Kind.RMSProp)]
internal partial class RmsPropDefaults;

[Optimizer(Kind.Adam)]
internal partial class AdamDefaults;

[Optimizer(Kind.AdamW)]
internal partial class AdamWDefaults;

[Optimizer(Kind.Adamax)]
internal partial class AdamaxDefaults;

[Optimizer(Kind.NAdam)]
internal partial class NAdamDefaults;

[Optimizer(Kind.RAdam)]
internal partial class RAdamDefaults;

[Optimizer(Kind.Adadelta)]
internal partial class AdadeltaDefaults;

[Optimizer(Kind.Rprop)]
internal partial class RpropDefaults;

[Optimizer(Kind.Adam, Params = 4, ElementType = typeof(float))]
internal partial class AdamDefaultsF;

[Optimizer(Kind.RMSProp, Params = 4, ElementType = typeof(float))]
internal partial class RmsPropDefaultsF;

/// <summary>
/// Each kind's defaults are PyTorch's, both as the attribute reports them and as the generated code behaves:
/// lr 1e-3 (SGD, Adam) or 1e-2 (Adagrad, RMSprop); eps 1e-10 (Adagrad) or 1e-8; alpha 0.99; betas (0.9, 0.999);
/// momentum 0.9 for Momentum and Nesterov (torch's SGD has 0, which is not momentum), 0 for RMSprop; everything else 0/false.
/// </summary>
public class DefaultsTests
{
    public static TheoryData<Kind> Kinds => new()
    {
        Kind.Sgd, Kind.Momentum, Kind.Nesterov, Kind.Adagrad, Kind.RMSProp, Kind.Adam,
        Kind.AdamW, Kind.Adamax, Kind.NAdam, Kind.RAdam, Kind.Adadelta, Kind.Rprop,
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_attribute_reports_PyTorch_defaults(Kind kind)
    {
        var attribute = new OptimizerAttribute(kind);
        TorchOptimizerOptions pytorch = TorchOptimizerOptions.PyTorchDefaults(kind);
        Assert.Equal(pytorch, TorchOptimizerOptions.From(attribute));
        Assert.Equal(0, attribute.Params);
        Assert.Equal(typeof(double), attribute.ElementType);
    }

    [Fact]
    public void The_learning_rate_epsilon_and_momentum_defaults_are_the_documented_numbers()
    {
        // Written out once more, from the torch.optim signatures, independently of PyTorchDefaults.
        Assert.Equal(1e-3, new OptimizerAttribute(Kind.Sgd).LearningRate);
        Assert.Equal(1e-3, new OptimizerAttribute(Kind.Momentum).LearningRate);
        Assert.Equal(1e-3, new OptimizerAttribute(Kind.Nesterov).LearningRate);
        Assert.Equal(1e-3, new OptimizerAttribute(Kind.Adam).LearningRate);
        Assert.Equal(1e-2, new OptimizerAttribute(Kind.Adagrad).LearningRate);
        Assert.Equal(1e-2, new OptimizerAttribute(Kind.RMSProp).LearningRate);
        Assert.Equal(1e-10, new OptimizerAttribute(Kind.Adagrad).Epsilon);
        Assert.Equal(1e-8, new OptimizerAttribute(Kind.RMSProp).Epsilon);
        Assert.Equal(1e-8, new OptimizerAttribute(Kind.Adam).Epsilon);
        Assert.Equal(0.99, new OptimizerAttribute(Kind.RMSProp).Alpha);
        Assert.Equal(0.9, new OptimizerAttribute(Kind.Adam).Beta1);
        Assert.Equal(0.999, new OptimizerAttribute(Kind.Adam).Beta2);
        Assert.Equal(0.9, new OptimizerAttribute(Kind.Momentum).Momentum);
        Assert.Equal(0.9, new OptimizerAttribute(Kind.Nesterov).Momentum);
        Assert.Equal(0.0, new OptimizerAttribute(Kind.RMSProp).Momentum);
    }

    /// <summary>The torch.optim signatures of PyTorch 2.x, written out once more for the kinds after the first six.</summary>
    [Fact]
    public void The_kinds_beyond_the_first_six_default_to_PyTorchs_signatures()
    {
        var adamW = new OptimizerAttribute(Kind.AdamW);
        Assert.Equal((1e-3, 0.9, 0.999, 1e-8, 1e-2, false), (adamW.LearningRate, adamW.Beta1, adamW.Beta2, adamW.Epsilon, adamW.WeightDecay, adamW.Amsgrad));
        var adamax = new OptimizerAttribute(Kind.Adamax);
        Assert.Equal((2e-3, 0.9, 0.999, 1e-8, 0.0), (adamax.LearningRate, adamax.Beta1, adamax.Beta2, adamax.Epsilon, adamax.WeightDecay));
        var nadam = new OptimizerAttribute(Kind.NAdam);
        Assert.Equal((2e-3, 0.9, 0.999, 1e-8, 0.0, 4e-3, false), (nadam.LearningRate, nadam.Beta1, nadam.Beta2, nadam.Epsilon, nadam.WeightDecay, nadam.MomentumDecay, nadam.DecoupledWeightDecay));
        var radam = new OptimizerAttribute(Kind.RAdam);
        Assert.Equal((1e-3, 0.9, 0.999, 1e-8, 0.0, false), (radam.LearningRate, radam.Beta1, radam.Beta2, radam.Epsilon, radam.WeightDecay, radam.DecoupledWeightDecay));
        var adadelta = new OptimizerAttribute(Kind.Adadelta);
        Assert.Equal((1.0, 0.9, 1e-6, 0.0), (adadelta.LearningRate, adadelta.Rho, adadelta.Epsilon, adadelta.WeightDecay));
        var rprop = new OptimizerAttribute(Kind.Rprop);
        Assert.Equal((1e-2, 0.5, 1.2, 1e-6, 50.0), (rprop.LearningRate, rprop.EtaMinus, rprop.EtaPlus, rprop.MinStepSize, rprop.MaxStepSize));
    }

    [Fact]
    public void Which_kinds_take_which_hyperparameters_is_torchs()
    {
        Assert.True(TorchDefaults.Takes(Kind.Adam, "DecoupledWeightDecay"));
        Assert.False(TorchDefaults.Takes(Kind.AdamW, "DecoupledWeightDecay")); // AdamW is decoupled by definition
        Assert.False(TorchDefaults.Takes(Kind.Rprop, "WeightDecay")); // torch.optim.Rprop has no weight_decay
        Assert.True(TorchDefaults.Takes(Kind.Rprop, "Maximize"));
        Assert.False(TorchDefaults.Takes(Kind.Adamax, "Amsgrad"));
    }

    [Fact]
    public void An_explicit_value_overrides_a_kind_dependent_default()
    {
        var attribute = new OptimizerAttribute(Kind.Adagrad) { LearningRate = 0.5, Epsilon = 1e-3 };
        Assert.Equal(0.5, attribute.LearningRate);
        Assert.Equal(1e-3, attribute.Epsilon);
        Assert.Equal(0.25, new OptimizerAttribute(Kind.Nesterov) { Momentum = 0.25 }.Momentum);
    }

    [Fact]
    public void Optimizers_declared_without_options_start_at_PyTorch_learning_rates()
    {
        Assert.Equal(1e-3, new SgdDefaults(3).LearningRate);
        Assert.Equal(1e-3, new MomentumDefaults(3).LearningRate);
        Assert.Equal(1e-3, new NesterovDefaults(3).LearningRate);
        Assert.Equal(1e-2, new AdagradDefaults(3).LearningRate);
        Assert.Equal(1e-2, new RmsPropDefaults(3).LearningRate);
        Assert.Equal(1e-3, new AdamDefaults(3).LearningRate);
        Assert.Equal(1e-3, new AdamDefaultsF().LearningRate);
        Assert.Equal(1e-2, new RmsPropDefaultsF().LearningRate);
    }

    // The torch side is given PyTorch's defaults written out (not read from the attribute), so these check what the
    // generated code does with no options, independently of the attribute's getters.
    [Fact]
    public void Sgd_declared_without_options_behaves_as_torch_with_PyTorch_defaults() =>
        Parity.Check<SgdDefaults, double>(new SgdDefaults(4), TorchOptimizerOptions.PyTorchDefaults(Kind.Sgd), steps: 150);

    [Fact]
    public void Momentum_declared_without_options_behaves_as_torch_with_PyTorch_defaults() =>
        Parity.Check<MomentumDefaults, double>(new MomentumDefaults(4), TorchOptimizerOptions.PyTorchDefaults(Kind.Momentum), steps: 150);

    [Fact]
    public void Nesterov_declared_without_options_behaves_as_torch_with_PyTorch_defaults() =>
        Parity.Check<NesterovDefaults, double>(new NesterovDefaults(4), TorchOptimizerOptions.PyTorchDefaults(Kind.Nesterov), steps: 150);

    [Fact]
    public void Adagrad_declared_without_options_behaves_as_torch_with_PyTorch_defaults() =>
        Parity.Check<AdagradDefaults, double>(new AdagradDefaults(4), TorchOptimizerOptions.PyTorchDefaults(Kind.Adagrad), steps: 150);

    [Fact]
    public void RmsProp_declared_without_options_behaves_as_torch_with_PyTorch_defaults()
    {
        Parity.Check<RmsPropDefaults, double>(new RmsPropDefaults(4), TorchOptimizerOptions.PyTorchDefaults(Kind.RMSProp), steps: 150);
        Parity.Check<RmsPropDefaultsF, float>(new RmsPropDefaultsF(), TorchOptimizerOptions.PyTorchDefaults(Kind.RMSProp), steps: 150);
    }

    [Fact]
    public void Adam_declared_without_options_behaves_as_torch_with_PyTorch_defaults()
    {
        Parity.Check<AdamDefaults, double>(new AdamDefaults(4), TorchOptimizerOptions.PyTorchDefaults(Kind.Adam), steps: 150);
        Parity.Check<AdamDefaultsF, float>(new AdamDefaultsF(), TorchOptimizerOptions.PyTorchDefaults(Kind.Adam), steps: 150);
    }

    [Theory]
    [InlineData(typeof(AdamWDefaults), Kind.AdamW)]
    [InlineData(typeof(AdamaxDefaults), Kind.Adamax)]
    [InlineData(typeof(NAdamDefaults), Kind.NAdam)]
    [InlineData(typeof(RAdamDefaults), Kind.RAdam)]
    [InlineData(typeof(AdadeltaDefaults), Kind.Adadelta)]
    [InlineData(typeof(RpropDefaults), Kind.Rprop)]
    public void Later_kinds_declared_without_options_behave_as_torch_with_PyTorch_defaults(Type optimizer, Kind kind)
    {
        Assert.Equal(kind, TorchOptimizerOptions.AttributeOf(optimizer).Kind);
        Parity.Invoke(typeof(DefaultsTests), nameof(CheckDefaults), optimizer, 4);
    }

    private static void CheckDefaults<TOptimizer, T>(Func<TOptimizer> create)
        where TOptimizer : IOptimizer<T>
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        Kind kind = TorchOptimizerOptions.AttributeOf<TOptimizer>().Kind;
        Parity.Check<TOptimizer, T>(create(), TorchOptimizerOptions.PyTorchDefaults(kind), steps: 150);
    }
}

using System.Reflection;

namespace OptGen.Tests.Reference;

/// <summary>
/// The hyperparameters of a torch.optim optimizer, one property per torch argument (named after
/// <see cref="OptimizerAttribute"/>). Every one is passed to TorchSharp explicitly, since TorchSharp's own
/// defaults are not always PyTorch's.
/// </summary>
internal sealed record TorchOptimizerOptions
{
    public required Kind Kind { get; init; }
    public required double LearningRate { get; init; }
    public double Momentum { get; init; }
    public double Dampening { get; init; }
    public double WeightDecay { get; init; }
    public double Beta1 { get; init; }
    public double Beta2 { get; init; }
    public double Epsilon { get; init; }
    public double Alpha { get; init; }
    public double LrDecay { get; init; }
    public double InitialAccumulatorValue { get; init; }
    public bool Centered { get; init; }
    public bool Amsgrad { get; init; }
    public bool Maximize { get; init; }
    public double MomentumDecay { get; init; }
    public double Rho { get; init; }
    public double EtaMinus { get; init; }
    public double EtaPlus { get; init; }
    public double MinStepSize { get; init; }
    public double MaxStepSize { get; init; }
    public bool DecoupledWeightDecay { get; init; }
    public double Beta3 { get; init; }
    public int WarmupSteps { get; init; }
    public double WeightLrPower { get; init; }
    public double ClipGradNorm { get; init; }
    public double ClipGradValue { get; init; }

    /// <summary>The same hyperparameters as an attribute instance states them (its defaults included).</summary>
    public static TorchOptimizerOptions From(OptimizerAttribute attribute) => new()
    {
        Kind = attribute.Kind,
        LearningRate = attribute.LearningRate,
        Momentum = attribute.Momentum,
        Dampening = attribute.Dampening,
        WeightDecay = attribute.WeightDecay,
        Beta1 = attribute.Beta1,
        Beta2 = attribute.Beta2,
        Epsilon = attribute.Epsilon,
        Alpha = attribute.Alpha,
        LrDecay = attribute.LrDecay,
        InitialAccumulatorValue = attribute.InitialAccumulatorValue,
        Centered = attribute.Centered,
        Amsgrad = attribute.Amsgrad,
        Maximize = attribute.Maximize,
        MomentumDecay = attribute.MomentumDecay,
        Rho = attribute.Rho,
        EtaMinus = attribute.EtaMinus,
        EtaPlus = attribute.EtaPlus,
        MinStepSize = attribute.MinStepSize,
        MaxStepSize = attribute.MaxStepSize,
        DecoupledWeightDecay = attribute.DecoupledWeightDecay,
        Beta3 = attribute.Beta3,
        WarmupSteps = attribute.WarmupSteps,
        WeightLrPower = attribute.WeightLrPower,
        ClipGradNorm = attribute.ClipGradNorm,
        ClipGradValue = attribute.ClipGradValue,
    };

    /// <summary>The hyperparameters declared by the <see cref="OptimizerAttribute"/> on <typeparamref name="TOptimizer"/>.</summary>
    public static TorchOptimizerOptions For<TOptimizer>() => From(AttributeOf<TOptimizer>());

    /// <summary>The <see cref="OptimizerAttribute"/> on a generated optimizer type.</summary>
    public static OptimizerAttribute AttributeOf<TOptimizer>() => AttributeOf(typeof(TOptimizer));

    /// <summary>The <see cref="OptimizerAttribute"/> on <paramref name="type"/>.</summary>
    public static OptimizerAttribute AttributeOf(Type type) =>
        type.GetCustomAttribute<OptimizerAttribute>()
        ?? throw new InvalidOperationException($"{type} has no [Optimizer] attribute.");

    /// <summary>
    /// PyTorch's defaults for <paramref name="kind"/> (momentum 0.9 for Momentum and Nesterov), written out from the
    /// torch.optim signatures (PyTorch 2.x), independently of the generator's definitions.
    /// </summary>
    public static TorchOptimizerOptions PyTorchDefaults(Kind kind) => new()
    {
        Kind = kind,
        LearningRate = kind switch
        {
            Kind.Adagrad or Kind.RMSProp or Kind.Rprop => 1e-2,
            Kind.Adamax or Kind.NAdam => 2e-3,
            Kind.Adadelta => 1.0,
            Kind.Lion => 1e-4,
            Kind.ScheduleFreeAdamW => 0.0025,
            _ => 1e-3,
        },
        Momentum = kind is Kind.Momentum or Kind.Nesterov ? 0.9 : 0.0,
        Dampening = 0.0,
        WeightDecay = kind == Kind.AdamW ? 1e-2 : 0.0,
        Beta1 = 0.9,
        Beta2 = kind switch
        {
            Kind.Lion => 0.99,
            Kind.Adopt => 0.9999,
            _ => 0.999,
        },
        Epsilon = kind switch
        {
            Kind.Adagrad => 1e-10,
            Kind.Adadelta or Kind.Adopt => 1e-6,
            _ => 1e-8,
        },
        Alpha = kind == Kind.AdEMAMix ? 2.0 : 0.99,
        LrDecay = 0.0,
        InitialAccumulatorValue = 0.0,
        Centered = false,
        Amsgrad = false,
        Maximize = false,
        MomentumDecay = 4e-3,
        Rho = 0.9,
        EtaMinus = 0.5,
        EtaPlus = 1.2,
        MinStepSize = 1e-6,
        MaxStepSize = 50,
        DecoupledWeightDecay = false,
        Beta3 = 0.9999,
        WarmupSteps = 0,
        WeightLrPower = 2.0,
        ClipGradNorm = 0,
        ClipGradValue = 0,
    };
}

using OptGen.Generator.Diagnostics;

namespace OptGen.Generator.Kinds;

/// <summary>How a hyperparameter is written on the attribute.</summary>
internal enum HyperparameterType
{
    /// <summary>A <c>double</c>.</summary>
    Real,

    /// <summary>A <c>bool</c> (stored as 0 or 1).</summary>
    Flag,

    /// <summary>An <c>int</c> count (of steps).</summary>
    Count,
}

/// <summary>
/// A hyperparameter of the <c>[Optimizer]</c> attribute, whatever kind uses it: its property name, its torch
/// name, its symbol in the documentation, and its usual range. Each kind says which it takes and with what
/// default (<see cref="HyperparameterUse"/>).
/// </summary>
internal sealed record HyperparameterDefinition(
    string Name, string TorchName, string Symbol, HyperparameterType Type, double BaseDefault, ValueRange Range, string Description);

/// <summary>Every hyperparameter, once. The property names are the attribute's (and the contract's).</summary>
internal static class Hyperparameter
{
    public static readonly HyperparameterDefinition LearningRate = new(
        "LearningRate", "lr", "lr", HyperparameterType.Real, 1e-3, ValueRange.Positive(DiagnosticDescriptors.InvalidLearningRate), "the initial learning rate (settable at run time)");

    public static readonly HyperparameterDefinition Momentum = new(
        "Momentum", "momentum", "μ", HyperparameterType.Real, 0.0, ValueRange.Fraction, "the momentum factor");

    public static readonly HyperparameterDefinition Dampening = new(
        "Dampening", "dampening", "τ", HyperparameterType.Real, 0.0, ValueRange.Fraction, "dampening of the momentum buffer");

    public static readonly HyperparameterDefinition WeightDecay = new(
        "WeightDecay", "weight_decay", "λ", HyperparameterType.Real, 0.0, ValueRange.NonNegative, "weight decay");

    public static readonly HyperparameterDefinition Beta1 = new(
        "Beta1", "betas[0]", "β₁", HyperparameterType.Real, 0.9, ValueRange.Fraction, "decay of the first moment");

    public static readonly HyperparameterDefinition Beta2 = new(
        "Beta2", "betas[1]", "β₂", HyperparameterType.Real, 0.999, ValueRange.Fraction, "decay of the second moment");

    public static readonly HyperparameterDefinition Epsilon = new(
        "Epsilon", "eps", "ε", HyperparameterType.Real, 1e-8, ValueRange.Positive(DiagnosticDescriptors.InvalidEpsilon), "the term added to the denominator");

    public static readonly HyperparameterDefinition Alpha = new(
        "Alpha", "alpha", "α", HyperparameterType.Real, 0.99, ValueRange.Fraction, "decay of the squared-gradient average");

    public static readonly HyperparameterDefinition LrDecay = new(
        "LrDecay", "lr_decay", "lr_decay", HyperparameterType.Real, 0.0, ValueRange.NonNegative, "learning-rate decay");

    public static readonly HyperparameterDefinition InitialAccumulatorValue = new(
        "InitialAccumulatorValue", "initial_accumulator_value", "s₀", HyperparameterType.Real, 0.0, ValueRange.NonNegative, "the starting sum of squares");

    public static readonly HyperparameterDefinition MomentumDecay = new(
        "MomentumDecay", "momentum_decay", "ψ", HyperparameterType.Real, 4e-3, ValueRange.NonNegative, "the momentum decay");

    public static readonly HyperparameterDefinition Rho = new(
        "Rho", "rho", "ρ", HyperparameterType.Real, 0.9, ValueRange.UnitInterval, "decay of the running averages");

    public static readonly HyperparameterDefinition EtaMinus = new(
        "EtaMinus", "etas[0]", "η₋", HyperparameterType.Real, 0.5, ValueRange.Between(0, false, 1, false, DiagnosticDescriptors.RpropEtas), "the step-size factor after a sign change");

    public static readonly HyperparameterDefinition EtaPlus = new(
        "EtaPlus", "etas[1]", "η₊", HyperparameterType.Real, 1.2, ValueRange.Between(1, false, double.PositiveInfinity, false, DiagnosticDescriptors.RpropEtas), "the step-size factor while the sign holds");

    public static readonly HyperparameterDefinition MinStepSize = new(
        "MinStepSize", "step_sizes[0]", "Γ₋", HyperparameterType.Real, 1e-6, ValueRange.NonNegative, "the smallest step size");

    public static readonly HyperparameterDefinition MaxStepSize = new(
        "MaxStepSize", "step_sizes[1]", "Γ₊", HyperparameterType.Real, 50.0, ValueRange.NonNegative, "the largest step size");

    public static readonly HyperparameterDefinition Beta3 = new(
        "Beta3", "betas[2]", "β₃", HyperparameterType.Real, 0.9999, ValueRange.Fraction, "decay of AdEMAMix's slow first moment");

    public static readonly HyperparameterDefinition WarmupSteps = new(
        "WarmupSteps", "warmup_steps", "T", HyperparameterType.Count, 0, ValueRange.Between(0, true, int.MaxValue, true, DiagnosticDescriptors.NegativeHyperparameter), "the steps of the warm-up (0: none)");

    public static readonly HyperparameterDefinition WeightLrPower = new(
        "WeightLrPower", "weight_lr_power", "p", HyperparameterType.Real, 2.0, ValueRange.NonNegative, "the power of the learning rate in the averaging weights");

    public static readonly HyperparameterDefinition ClipGradNorm = new(
        "ClipGradNorm", "clip_grad_norm_(max_norm)", "c", HyperparameterType.Real, 0.0, ValueRange.Positive(DiagnosticDescriptors.InvalidClip), "the largest gradient norm; larger gradients are scaled down (0: no clipping)");

    public static readonly HyperparameterDefinition ClipGradValue = new(
        "ClipGradValue", "clip_grad_value_(clip_value)", "c", HyperparameterType.Real, 0.0, ValueRange.Positive(DiagnosticDescriptors.InvalidClip), "the largest gradient magnitude; each gradient is clamped to [−c, c] (0: no clipping)");

    public static readonly HyperparameterDefinition Centered = Flag("Centered", "centered", "normalise by the variance");

    public static readonly HyperparameterDefinition Amsgrad = Flag("Amsgrad", "amsgrad", "use the running maximum of the second moment");

    public static readonly HyperparameterDefinition DecoupledWeightDecay = Flag("DecoupledWeightDecay", "decoupled_weight_decay", "decay the weights directly (θ·(1 − lr·λ)) instead of adding λ·θ to the gradient");

    public static readonly HyperparameterDefinition Maximize = Flag("Maximize", "maximize", "maximise the objective");

    /// <summary>All of them, in the order the attribute documents them.</summary>
    public static readonly HyperparameterDefinition[] All =
    [
        LearningRate, Momentum, Dampening, WeightDecay, Beta1, Beta2, Epsilon, Alpha, LrDecay, InitialAccumulatorValue,
        MomentumDecay, Rho, EtaMinus, EtaPlus, MinStepSize, MaxStepSize, Beta3, WarmupSteps, WeightLrPower,
        ClipGradNorm, ClipGradValue, Centered, Amsgrad, DecoupledWeightDecay, Maximize,
    ];

    private static HyperparameterDefinition Flag(string name, string torchName, string description) =>
        new(name, torchName, name, HyperparameterType.Flag, 0.0, ValueRange.Any, description);
}

/// <summary>A hyperparameter as one kind takes it: with the kind's default and, where it differs, its own range.</summary>
internal sealed record HyperparameterUse(HyperparameterDefinition Definition, double Default, ValueRange Range)
{
    public string Name => Definition.Name;
}

using System.Collections.Generic;
using OptGen.Generator.Model;

namespace OptGen.Generator.Rules;

/// <summary>
/// One optimizer's update rule with its hyperparameters folded in, built by a kind's definition through
/// <see cref="RuleBuilder"/> and rendered into every shape of generated code and into its documentation.
/// </summary>
internal sealed class UpdateRule
{
    /// <summary>Per-parameter state, in the order it is saved.</summary>
    public List<BufferDefinition> Buffers { get; } = new();

    /// <summary>Per-optimizer scalar state, in the order it is saved.</summary>
    public List<ScalarStateDefinition> ScalarStates { get; } = new();

    /// <summary>What happens once per step before the element loop, in order: state advances and step values.</summary>
    public List<StepOperation> StepOperations { get; } = new();

    /// <summary>The effective gradient g, from the raw gradient.</summary>
    public Expression GradientDefinition { get; set; } = RawGradient.Instance;

    /// <summary>The element-wise statements, in order.</summary>
    public List<Statement> Statements { get; } = new();

    /// <summary>The first line of the documentation: what this is, as which torch call.</summary>
    public string Title { get; set; } = "";

    /// <summary>Notes on how the kind relates to torch or the tutorial, true for the options given.</summary>
    public List<string> Notes { get; } = new();

    /// <summary>Train/eval modes (Schedule-Free), or null for a kind without them.</summary>
    public TrainEvalModes? Modes { get; set; }
}

/// <summary>
/// A kind whose parameters mean different points in training and evaluation (Schedule-Free: y while training, x
/// for evaluation): <c>Train</c> and <c>Eval</c> move the parameters between them, and <c>Step</c> is refused in
/// evaluation mode. The mode is the scalar state <paramref name="ModeState"/> (1 = training).
/// </summary>
/// <param name="Train">θ's value on entering training mode (from x to y), per element.</param>
/// <param name="Eval">θ's value on entering evaluation mode (from y to x), per element.</param>
/// <param name="ModeState">The scalar state that holds the mode.</param>
/// <param name="StartsInTraining">Whether a new optimizer is in training mode.</param>
internal sealed record TrainEvalModes(Expression Train, Expression Eval, string ModeState, bool StartsInTraining);

/// <summary>A per-parameter state buffer, such as Adam's first moment m.</summary>
/// <param name="Name">The name in code (<c>m</c>, giving fields <c>_m0</c>, <c>_m</c>, and locals).</param>
/// <param name="Symbol">The name in the documentation (m, v̂).</param>
/// <param name="Description">What it holds, for the field's comment and for errors on load.</param>
/// <param name="InitialValue">Its value in a new optimizer.</param>
/// <param name="Domain">What values it may hold: a loaded state outside it is refused.</param>
internal sealed record BufferDefinition(string Name, string Symbol, string Description, double InitialValue, StateDomainKind Domain);

/// <summary>What values a state may hold (mirrors the runtime's <c>StateDomain</c>).</summary>
internal enum StateDomainKind
{
    Finite,
    NonNegative,
}

/// <summary>
/// A per-optimizer scalar state in double, saved with the state: a running power βᵗ (advanced by
/// <c>RunningPower.Next</c>) or a value advanced by an expression (NAdam's μ-product).
/// </summary>
/// <param name="Name">The field's name without the underscore.</param>
/// <param name="Symbol">How the documentation shows it (0.9ᵗ, μ̄).</param>
/// <param name="Description">What it is, for the field's comment and for errors on load.</param>
/// <param name="InitialValue">Its value in a new optimizer.</param>
/// <param name="Minimum">The smallest value a loaded state may hold.</param>
/// <param name="Maximum">The largest value a loaded state may hold.</param>
/// <param name="RunningPowerBase">β for a running power βᵗ; null for a state advanced by an <see cref="AdvanceState"/>.</param>
internal sealed record ScalarStateDefinition(
    string Name, string Symbol, string Description, double InitialValue, double Minimum, double Maximum, double? RunningPowerBase);

/// <summary>Something done once per step, before the element loop.</summary>
internal abstract record StepOperation;

/// <summary>A value computed once per step: <c>name = value</c>.</summary>
/// <param name="Comment">What it is, as a short comment, or null.</param>
internal sealed record DefineStepValue(string Name, Expression Value, string? Comment) : StepOperation;

/// <summary>Advances a scalar state: a running power by its base, or another state to <paramref name="Value"/>.</summary>
/// <param name="FlushesToZero">Whether the value becomes 0 once it is below <c>RunningPower.FlushThreshold</c>: for a
/// product of factors below 1 that only ever appears as 1 − x, which it then no longer changes (so the state never
/// becomes a subnormal number, whose arithmetic is slow, and the result is the same bits).</param>
internal sealed record AdvanceState(string Name, Expression? Value, bool FlushesToZero = false) : StepOperation;

using System.Collections.Generic;

namespace OptGen.Generator.Rules;

/// <summary>
/// One optimizer's update rule, written once and rendered into every shape of generated code: the
/// per-parameter state, the scalars computed once per step, and the element-wise statements.
/// </summary>
internal sealed class UpdateRule
{
    /// <summary>Per-parameter state, in the order it is saved.</summary>
    public List<BufferSpec> Buffers { get; } = new();

    /// <summary>Per-optimizer scalar state derived from the step count (running powers βᵗ), in declaration order.</summary>
    public List<RunningPower> RunningPowers { get; } = new();

    /// <summary>Values computed once per step, in order; each may use the ones before it.</summary>
    public List<StepScalarDefinition> StepScalars { get; } = new();

    /// <summary>The effective gradient, when it is more than the raw gradient.</summary>
    public Expression GradientDefinition { get; set; } = RawGradient.Instance;

    /// <summary>The element-wise statements, in order.</summary>
    public List<Statement> Statements { get; } = new();

    /// <summary>Whether the step count t is needed inside <c>Step</c>.</summary>
    public bool UsesStepCount { get; set; }

    /// <summary>The lines of the update rule for the XML documentation, with the constants baked in.</summary>
    public List<string> Documentation { get; } = new();

    /// <summary>The compiled-in hyperparameters, for the documentation (e.g. "β₁ = 0.9").</summary>
    public List<string> CompiledIn { get; } = new();

    /// <summary>A note on how the kind relates to torch and the tutorial, or null.</summary>
    public string? Note { get; set; }
}

/// <summary>A per-parameter state buffer, such as Adam's first moment m.</summary>
/// <param name="Name">The math name (<c>m</c>), used for fields (<c>_m0</c>, <c>_m</c>) and locals.</param>
/// <param name="Description">What it holds, for the field's comment.</param>
/// <param name="InitialValue">Its value in a new optimizer.</param>
internal sealed record BufferSpec(string Name, string Description, double InitialValue);

/// <summary>A running power βᵗ, advanced once per step and recomputed from the step count on load.</summary>
internal sealed record RunningPower(string Name, double Base, string Symbol);

/// <summary>A per-step value in the element type: <c>T name = expression;</c>.</summary>
/// <param name="Name">The local's name.</param>
/// <param name="Expression">C# code of type double, converted to the element type (it may use <c>LearningRate</c>, <c>t</c> and earlier scalars).</param>
/// <param name="Comment">What it is, as a short comment, or null.</param>
/// <param name="InElementType">Whether <paramref name="Expression"/> is already of the element type (it picks between element-type literals), so it needs no conversion.</param>
internal sealed record StepScalarDefinition(string Name, string Expression, string? Comment, bool InElementType = false);

/// <summary>An element-wise statement.</summary>
internal abstract record Statement;

/// <summary><c>buffer ← value</c>.</summary>
internal sealed record AssignBuffer(string Buffer, Expression Value) : Statement;

/// <summary><c>θ ← θ − step</c>.</summary>
internal sealed record DescendParameter(Expression Step) : Statement;

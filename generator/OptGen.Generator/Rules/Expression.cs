using System;

namespace OptGen.Generator.Rules;

/// <summary>
/// A node of an update rule: what happens to one parameter, or a value computed once per step, independent of
/// how the code is shaped (straight-line, loop, vector) and of how it is shown (C# or the math in the docs).
/// Every writer renders the same nodes, so the generated code and its documentation cannot disagree.
/// </summary>
internal abstract record Expression
{
    public static Expression operator +(Expression left, Expression right) => new Binary(BinaryOperator.Add, left, right);

    public static Expression operator -(Expression left, Expression right) => new Binary(BinaryOperator.Subtract, left, right);

    public static Expression operator *(Expression left, Expression right) => new Binary(BinaryOperator.Multiply, left, right);

    public static Expression operator /(Expression left, Expression right) => new Binary(BinaryOperator.Divide, left, right);

    public static Expression operator -(Expression operand) => new Negate(operand);

    public static Expression operator +(Expression left, double right) => left + new Constant(right);

    public static Expression operator -(Expression left, double right) => left - new Constant(right);

    public static Expression operator *(Expression left, double right) => left * new Constant(right);

    public static Expression operator /(Expression left, double right) => left / new Constant(right);

    public static Expression operator +(double left, Expression right) => new Constant(left) + right;

    public static Expression operator -(double left, Expression right) => new Constant(left) - right;

    public static Expression operator *(double left, Expression right) => new Constant(left) * right;

    public static Expression operator /(double left, Expression right) => new Constant(left) / right;
}

/// <summary>A number folded in at compile time: a hyperparameter, or one derived from them (1 − β₁).</summary>
internal sealed record Constant(double Value) : Expression;

/// <summary>The learning rate of this step (the settable <c>LearningRate</c>). Step domain only.</summary>
internal sealed record CurrentLearningRate : Expression
{
    public static readonly CurrentLearningRate Instance = new();
}

/// <summary>The step number t, counting from 1 (after this step is counted). Step domain only.</summary>
internal sealed record StepNumber : Expression
{
    public static readonly StepNumber Instance = new();
}

/// <summary>A per-optimizer scalar state (a running power βᵗ, NAdam's μ-product). Step domain only.</summary>
internal sealed record ScalarState(string Name) : Expression;

/// <summary>A value computed once per step before the element loop (a bias correction, a decayed rate).</summary>
internal sealed record StepValue(string Name) : Expression;

/// <summary>The parameter θᵢ. Element domain only.</summary>
internal sealed record Parameter : Expression
{
    public static readonly Parameter Instance = new();
}

/// <summary>The gradient as given (times the caller's gradient scale). Element domain only.</summary>
internal sealed record RawGradient : Expression
{
    public static readonly RawGradient Instance = new();
}

/// <summary>
/// This step's clip coefficient min(1, c / (‖g‖₂ + 1e-6)), computed from all the gradients before the element pass
/// (ClipGradNorm). Element domain only.
/// </summary>
internal sealed record ClipScale : Expression
{
    public static readonly ClipScale Instance = new();
}

/// <summary>The effective gradient gᵢ, after maximize and weight decay. Element domain only.</summary>
internal sealed record Gradient : Expression
{
    public static readonly Gradient Instance = new();
}

/// <summary>The current value of a per-parameter state buffer (its latest assignment, within a step).</summary>
internal sealed record BufferValue(string Name) : Expression;

/// <summary>A per-element temporary, defined by a <see cref="DefineLocal"/> statement.</summary>
internal sealed record ElementLocal(string Name) : Expression;

internal enum BinaryOperator
{
    Add,
    Subtract,
    Multiply,
    Divide,
}

internal sealed record Binary(BinaryOperator Operator, Expression Left, Expression Right) : Expression;

internal sealed record Negate(Expression Operand) : Expression;

/// <summary>The functions an update rule may use.</summary>
internal enum MathFunction
{
    /// <summary>√x.</summary>
    Sqrt,

    /// <summary>|x|.</summary>
    Abs,

    /// <summary>torch.sign: −1, 0 or 1 (±0 and NaN pass through).</summary>
    Sign,

    /// <summary>max(a, b), NaN-propagating as torch.maximum.</summary>
    Max,

    /// <summary>min(a, b), NaN-propagating as torch.minimum.</summary>
    Min,

    /// <summary>aᵇ (step domain only).</summary>
    Pow,
}

/// <summary>A call of <see cref="MathFunction"/> on one or two operands.</summary>
internal sealed record Call(MathFunction Function, Expression First, Expression? Second = null) : Expression
{
    public static Call Sqrt(Expression x) => new(MathFunction.Sqrt, x);

    public static Call Abs(Expression x) => new(MathFunction.Abs, x);

    public static Call Sign(Expression x) => new(MathFunction.Sign, x);

    public static Call Max(Expression a, Expression b) => new(MathFunction.Max, a, b);

    public static Call Min(Expression a, Expression b) => new(MathFunction.Min, a, b);

    public static Call Pow(Expression a, Expression b) => new(MathFunction.Pow, a, b);

    /// <summary>The second operand of a two-operand function; an internal error for a one-operand call.</summary>
    public Expression Operand2 => Second ?? throw new InvalidOperationException($"{Function} needs two operands.");
}

internal enum ComparisonOperator
{
    Greater,
    Less,
    Equal,
}

/// <summary>A comparison: a condition for <see cref="Select"/>, per step or per element.</summary>
internal sealed record Comparison(ComparisonOperator Operator, Expression Left, Expression Right) : Expression;

/// <summary><c>condition ? whenTrue : whenFalse</c>, per step (a branch) or per element (a blend).</summary>
internal sealed record Select(Expression Condition, Expression WhenTrue, Expression WhenFalse) : Expression;

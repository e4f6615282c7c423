namespace OptGen.Generator.Rules;

/// <summary>
/// An element-wise expression of an update rule: what happens to one parameter, independent of how the
/// code is shaped (straight-line, loop or vector). Each emitter renders it its own way.
/// </summary>
internal abstract record Expression
{
    public static Expression operator +(Expression left, Expression right) => new Binary('+', left, right);

    public static Expression operator -(Expression left, Expression right) => new Binary('-', left, right);

    public static Expression operator *(Expression left, Expression right) => new Binary('*', left, right);

    public static Expression operator /(Expression left, Expression right) => new Binary('/', left, right);

    public static Expression operator -(Expression operand) => new Negate(operand);
}

/// <summary>A hyperparameter or a number derived from them, folded in at compile time.</summary>
internal sealed record Constant(double Value) : Expression;

/// <summary>A value computed once per step before the element loop (a bias correction, the learning rate).</summary>
internal sealed record StepScalar(string Name) : Expression;

/// <summary>The parameter θᵢ.</summary>
internal sealed record Parameter : Expression
{
    public static readonly Parameter Instance = new();
}

/// <summary>The gradient as given, <c>gradients[i]</c>.</summary>
internal sealed record RawGradient : Expression
{
    public static readonly RawGradient Instance = new();
}

/// <summary>The effective gradient gᵢ (after maximize and weight decay).</summary>
internal sealed record Gradient : Expression
{
    public static readonly Gradient Instance = new();
}

/// <summary>The current value of a per-parameter state buffer (its latest assignment, within a step).</summary>
internal sealed record BufferValue(string Name) : Expression;

internal sealed record Binary(char Operator, Expression Left, Expression Right) : Expression;

internal sealed record Negate(Expression Operand) : Expression;

internal sealed record SquareRoot(Expression Operand) : Expression;

internal sealed record Maximum(Expression Left, Expression Right) : Expression;

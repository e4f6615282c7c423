using OptGen.Generator.Rules;

namespace OptGen.Generator.Emit;

/// <summary>
/// C#'s operator precedence, as far as the expression writers need it, and the one rule for parentheses that
/// every writer shares.
/// </summary>
internal static class Precedence
{
    public const int Conditional = 0;
    public const int Equality = 1;
    public const int Relational = 2;
    public const int Additive = 3;
    public const int Multiplicative = 4;
    public const int Unary = 5;
    public const int Primary = 6;

    public static int Of(Binary binary) => Of(binary.Operator);

    public static int Of(BinaryOperator @operator) => @operator is BinaryOperator.Add or BinaryOperator.Subtract ? Additive : Multiplicative;

    public static int Of(Comparison comparison) => comparison.Operator == ComparisonOperator.Equal ? Equality : Relational;

    /// <summary>A negative literal is written with its minus sign, so it binds like a negation.</summary>
    public static int Of(Constant constant) => constant.Value < 0 || (constant.Value == 0 && 1 / constant.Value < 0) ? Unary : Primary;

    /// <summary>
    /// An operand needs parentheses when it binds looser than its parent, or equally on the right
    /// (<c>a - (b - c)</c>, <c>a / (b * c)</c>): C# is left-associative and we keep torch's grouping.
    /// </summary>
    public static bool NeedsParentheses(int operand, int parent, bool isRight) =>
        operand < parent || (isRight && operand == parent && parent != Unary) || (operand == parent && parent == Conditional);

    public static string Symbol(BinaryOperator @operator) => @operator switch
    {
        BinaryOperator.Add => "+",
        BinaryOperator.Subtract => "-",
        BinaryOperator.Multiply => "*",
        BinaryOperator.Divide => "/",
        _ => throw UnknownNode.Of(@operator),
    };

    public static string Symbol(ComparisonOperator @operator) => @operator switch
    {
        ComparisonOperator.Greater => ">",
        ComparisonOperator.Less => "<",
        ComparisonOperator.Equal => "==",
        _ => throw UnknownNode.Of(@operator),
    };
}

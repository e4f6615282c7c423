using OptGen.Generator.Rules;

namespace OptGen.Generator.Emit;

/// <summary>
/// C#'s operator precedence, as far as the expression writers need it, and the one rule for parentheses that
/// the scalar and the vector writer share.
/// </summary>
internal static class Precedence
{
    public const int Additive = 1;
    public const int Multiplicative = 2;
    public const int Unary = 3;
    public const int Primary = 4;

    public static int Of(Binary binary) => binary.Operator is '+' or '-' ? Additive : Multiplicative;

    /// <summary>A negative literal is written with its minus sign, so it binds like a negation.</summary>
    public static int Of(Constant constant) => constant.Value < 0 ? Unary : Primary;

    /// <summary>
    /// An operand needs parentheses when it binds looser than its parent, or equally on the right
    /// (<c>a - (b - c)</c>, <c>a / (b * c)</c>): C# is left-associative and we keep torch's grouping.
    /// </summary>
    public static bool NeedsParentheses(int operand, int parent, bool isRight) =>
        operand < parent || (isRight && operand == parent && parent != Unary);
}

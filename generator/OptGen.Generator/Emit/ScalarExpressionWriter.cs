using System;
using OptGen.Generator.Model;
using OptGen.Generator.Rules;

namespace OptGen.Generator.Emit;

/// <summary>
/// Renders an element-wise <see cref="Expression"/> as scalar C# with the fewest parentheses that keep its
/// meaning (and its rounding: operands are never reassociated).
/// </summary>
internal sealed class ScalarExpressionWriter(ElementType element, Func<Expression, string> leaf)
{
    private const int Additive = 1;
    private const int Multiplicative = 2;
    private const int Unary = 3;
    private const int Primary = 4;

    private readonly string _math = element == ElementType.Float ? "global::System.MathF" : "global::System.Math";

    public string Write(Expression expression) => Write(expression, out _);

    private string Write(Expression expression, out int precedence)
    {
        switch (expression)
        {
            case Constant constant:
                precedence = constant.Value < 0 ? Unary : Primary;
                return Literal.Element(constant.Value, element);
            case Binary binary:
                precedence = binary.Operator is '+' or '-' ? Additive : Multiplicative;
                string left = Operand(binary.Left, precedence, isRight: false);
                string right = Operand(binary.Right, precedence, isRight: true);
                return $"{left} {binary.Operator} {right}";
            case Negate negate:
                precedence = Unary;
                return "-" + Operand(negate.Operand, Unary, isRight: true);
            case SquareRoot root:
                precedence = Primary;
                return $"{_math}.Sqrt({Write(root.Operand)})";
            case Maximum maximum:
                precedence = Primary;
                return $"{_math}.Max({Write(maximum.Left)}, {Write(maximum.Right)})";
            default:
                precedence = Primary;
                return leaf(expression);
        }
    }

    /// <summary>
    /// An operand in parentheses when it binds looser than its parent, or equally on the right
    /// (<c>a - (b - c)</c>, <c>a / (b * c)</c>): C# is left-associative and we keep torch's grouping.
    /// </summary>
    private string Operand(Expression operand, int parentPrecedence, bool isRight)
    {
        string text = Write(operand, out int precedence);
        bool needsParentheses = precedence < parentPrecedence || (isRight && precedence == parentPrecedence && parentPrecedence != Unary);
        return needsParentheses ? $"({text})" : text;
    }
}

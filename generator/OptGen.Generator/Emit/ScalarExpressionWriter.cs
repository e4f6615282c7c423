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
    private readonly string _math = element == ElementType.Float ? "global::System.MathF" : "global::System.Math";

    public string Write(Expression expression) => Write(expression, out _);

    private string Write(Expression expression, out int precedence)
    {
        switch (expression)
        {
            case Constant constant:
                precedence = Precedence.Of(constant);
                return Literal.Element(constant.Value, element);
            case Binary binary:
                precedence = Precedence.Of(binary);
                string left = Operand(binary.Left, precedence, isRight: false);
                string right = Operand(binary.Right, precedence, isRight: true);
                return $"{left} {binary.Operator} {right}";
            case Negate negate:
                precedence = Precedence.Unary;
                return "-" + Operand(negate.Operand, Precedence.Unary, isRight: true);
            case SquareRoot root:
                precedence = Precedence.Primary;
                return $"{_math}.Sqrt({Write(root.Operand)})";
            case Maximum maximum:
                precedence = Precedence.Primary;
                return $"{_math}.Max({Write(maximum.Left)}, {Write(maximum.Right)})";
            default:
                precedence = Precedence.Primary;
                return leaf(expression);
        }
    }

    /// <summary>An operand, in parentheses where <see cref="Precedence.NeedsParentheses"/> says so.</summary>
    private string Operand(Expression operand, int parentPrecedence, bool isRight)
    {
        string text = Write(operand, out int precedence);
        return Precedence.NeedsParentheses(precedence, parentPrecedence, isRight) ? $"({text})" : text;
    }
}

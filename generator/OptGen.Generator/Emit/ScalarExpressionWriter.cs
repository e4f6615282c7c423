using System;
using OptGen.Generator.Model;
using OptGen.Generator.Rules;

namespace OptGen.Generator.Emit;

/// <summary>
/// Renders an <see cref="Expression"/> as scalar C# with the fewest parentheses that keep its meaning (and its
/// rounding: operands are never reassociated). Used for element code (in the element type) and for the per-step
/// values (in double); <paramref name="leaf"/> spells the leaves of that domain and returns null for a leaf that
/// does not belong there.
/// </summary>
internal sealed class ScalarExpressionWriter(ElementType element, Func<Expression, string?> leaf)
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
                return $"{Operand(binary.Left, precedence, isRight: false)} {Precedence.Symbol(binary.Operator)} {Operand(binary.Right, precedence, isRight: true)}";
            case Negate negate:
                precedence = Precedence.Unary;
                return "-" + Operand(negate.Operand, Precedence.Unary, isRight: true);
            case Call call:
                precedence = Precedence.Primary;
                return WriteCall(call);
            case Comparison comparison:
                precedence = Precedence.Of(comparison);
                return $"{Operand(comparison.Left, precedence, isRight: false)} {Precedence.Symbol(comparison.Operator)} {Operand(comparison.Right, precedence, isRight: true)}";
            case Select select:
                precedence = Precedence.Conditional;
                return $"{Operand(select.Condition, Precedence.Conditional, isRight: false)} ? {Write(select.WhenTrue)} : {Operand(select.WhenFalse, Precedence.Conditional, isRight: true)}";
            case CurrentLearningRate or StepNumber or ScalarState or StepValue or Parameter or RawGradient or ClipScale or Gradient or BufferValue or ElementLocal:
                precedence = Precedence.Primary;
                return leaf(expression) ?? throw UnknownNode.Misplaced(expression, "this part of the code");
            default:
                throw UnknownNode.Of(expression);
        }
    }

    private string WriteCall(Call call) => call.Function switch
    {
        MathFunction.Sqrt => $"{_math}.Sqrt({Write(call.First)})",
        MathFunction.Abs => $"{_math}.Abs({Write(call.First)})",
        MathFunction.Sign => $"global::OptGen.CompilerServices.ElementMath.Sign({Write(call.First)})",
        MathFunction.Max => $"{_math}.Max({Write(call.First)}, {Write(call.Operand2)})",
        MathFunction.Min => $"{_math}.Min({Write(call.First)}, {Write(call.Operand2)})",
        MathFunction.Pow => $"{_math}.Pow({Write(call.First)}, {Write(call.Operand2)})",
        _ => throw UnknownNode.Of(call),
    };

    /// <summary>An operand, in parentheses where <see cref="Precedence.NeedsParentheses"/> says so.</summary>
    private string Operand(Expression operand, int parentPrecedence, bool isRight)
    {
        string text = Write(operand, out int precedence);
        return Precedence.NeedsParentheses(precedence, parentPrecedence, isRight) ? $"({text})" : text;
    }
}

using System;
using OptGen.Generator.Rules;

namespace OptGen.Generator.Emit;

/// <summary>
/// Renders an <see cref="Expression"/> as the math in the generated documentation (<c>0.9·m + 0.1·g</c>,
/// <c>√v</c>, <c>max(v̂, v)</c>), from the same nodes the code is written from, so the two cannot disagree.
/// </summary>
/// <param name="symbol">The symbol of a buffer (<c>m</c>, <c>v̂</c>) or a scalar state (<c>0.9ᵗ</c>).</param>
internal sealed class MathNotationWriter(Func<Expression, string> symbol)
{
    public string Write(Expression expression) => Write(expression, out _);

    /// <summary><paramref name="expression"/> as the right operand of <paramref name="operator"/> (θ − (c ? a : b), θ·(1 − x)).</summary>
    public string WriteRightOperand(BinaryOperator @operator, Expression expression) =>
        Operand(expression, Precedence.Of(@operator), isRight: true);

    private string Write(Expression expression, out int precedence)
    {
        precedence = Precedence.Primary;
        switch (expression)
        {
            case Constant constant:
                precedence = Precedence.Of(constant);
                return Literal.Math(constant.Value);
            case CurrentLearningRate:
                return "lr";
            case StepNumber:
                return "t";
            case Parameter:
                return "θ";
            case RawGradient:
                return "∇f(θ)";
            case Gradient:
                return "g";
            case ClipScale:
                return "clip";
            case StepValue value:
                return value.Name;
            case ElementLocal local:
                return local.Name;
            case ScalarState or BufferValue:
                return symbol(expression);
            case Binary binary:
                precedence = Precedence.Of(binary);
                string op = binary.Operator switch
                {
                    BinaryOperator.Add => " + ",
                    BinaryOperator.Subtract => " − ",
                    BinaryOperator.Multiply => "·",
                    BinaryOperator.Divide => " / ",
                    _ => throw UnknownNode.Of(binary),
                };
                return Operand(binary.Left, precedence, isRight: false) + op + Operand(binary.Right, precedence, isRight: true);
            case Negate negate:
                precedence = Precedence.Unary;
                return "−" + Operand(negate.Operand, Precedence.Unary, isRight: true);
            case Call call:
                return WriteCall(call);
            case Comparison comparison:
                precedence = Precedence.Of(comparison);
                string relation = comparison.Operator switch
                {
                    ComparisonOperator.Greater => " > ",
                    ComparisonOperator.Less => " < ",
                    ComparisonOperator.Equal => " = ",
                    _ => throw UnknownNode.Of(comparison),
                };
                return Operand(comparison.Left, precedence, isRight: false) + relation + Operand(comparison.Right, precedence, isRight: true);
            case Select select:
                precedence = Precedence.Conditional;
                return $"{Operand(select.Condition, Precedence.Conditional, isRight: false)} ? {Write(select.WhenTrue)} : {Operand(select.WhenFalse, Precedence.Conditional, isRight: true)}";
            default:
                throw UnknownNode.Of(expression);
        }
    }

    private string WriteCall(Call call) => call.Function switch
    {
        MathFunction.Sqrt => "√" + Radicand(call.First),
        MathFunction.Abs => $"|{Write(call.First)}|",
        MathFunction.Sign => $"sign({Write(call.First)})",
        MathFunction.Max => $"max({Write(call.First)}, {Write(call.Operand2)})",
        MathFunction.Min => $"min({Write(call.First)}, {Write(call.Operand2)})",
        MathFunction.Pow => $"{Operand(call.First, Precedence.Primary, isRight: false)}^{Operand(call.Operand2, Precedence.Primary, isRight: true)}",
        _ => throw UnknownNode.Of(call),
    };

    /// <summary>√v, √0.9ᵗ, but √(1 − v) and √(√v): a single symbol needs no parentheses.</summary>
    private string Radicand(Expression operand)
    {
        string text = Write(operand, out int precedence);
        return precedence == Precedence.Primary && operand is not Call ? text : $"({text})";
    }

    private string Operand(Expression operand, int parentPrecedence, bool isRight)
    {
        string text = Write(operand, out int precedence);
        return Precedence.NeedsParentheses(precedence, parentPrecedence, isRight) ? $"({text})" : text;
    }
}

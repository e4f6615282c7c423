using System;
using OptGen.Generator.Model;
using OptGen.Generator.Rules;

namespace OptGen.Generator.Emit;

/// <summary>
/// Renders an element-wise <see cref="Expression"/> over SIMD vectors (<c>Vector512</c>, <c>Vector256</c>,
/// <c>Vector128</c>). Constants and per-step values stay scalars where the vector operators take them
/// (<c>0.9 * m</c>, <c>v / x</c>) and are broadcast with <c>Create</c> where they do not (<c>+ ε</c>); a per-step
/// condition is a branch (<c>rectified ? … : …</c>), a per-element one a blend (<c>ConditionalSelect</c>).
/// Every operation is the same IEEE operation as the scalar code's, so both give the same bits.
/// </summary>
/// <param name="leaf">Spells a vector leaf (θ, g, a buffer, a local); null for a leaf that does not belong in element code.</param>
/// <param name="isScalar">Whether a leaf is a scalar (a per-step value) rather than a vector.</param>
internal sealed class VectorExpressionWriter(string vector, ElementType element, Func<Expression, string?> leaf, Func<Expression, bool> isScalar)
{
    public string Write(Expression expression) => AsVector(Render(expression)).Text;

    private Rendered Render(Expression expression)
    {
        switch (expression)
        {
            case Constant constant:
                return new Rendered(Literal.Element(constant.Value, element), Precedence.Of(constant), IsVector: false);
            case Binary binary:
                return RenderBinary(binary);
            case Negate negate:
                Rendered operand = Render(negate.Operand);
                return new Rendered("-" + Parenthesized(operand, Precedence.Unary, isRight: true), Precedence.Unary, operand.IsVector);
            case Call call:
                return RenderCall(call);
            case Comparison comparison:
                return RenderComparison(comparison);
            case Select select:
                return RenderSelect(select);
            case CurrentLearningRate or StepNumber or ScalarState or StepValue or Parameter or RawGradient or ClipScale or Gradient or BufferValue or ElementLocal:
                string text = leaf(expression) ?? throw UnknownNode.Misplaced(expression, "element code");
                return new Rendered(text, Precedence.Primary, IsVector: !isScalar(expression));
            default:
                throw UnknownNode.Of(expression);
        }
    }

    private Rendered RenderBinary(Binary binary)
    {
        int precedence = Precedence.Of(binary);
        Rendered left = Render(binary.Left);
        Rendered right = Render(binary.Right);

        // Vector operators take a scalar as either operand of *, and as the right operand of /; anything else
        // mixing a scalar with a vector needs the scalar broadcast.
        bool scalarAllowed = binary.Operator == BinaryOperator.Multiply || (binary.Operator == BinaryOperator.Divide && !right.IsVector);
        if (left.IsVector != right.IsVector && !scalarAllowed)
        {
            left = AsVector(left);
            right = AsVector(right);
        }

        string text = $"{Parenthesized(left, precedence, isRight: false)} {Precedence.Symbol(binary.Operator)} {Parenthesized(right, precedence, isRight: true)}";
        return new Rendered(text, precedence, left.IsVector || right.IsVector);
    }

    private Rendered RenderCall(Call call)
    {
        string text = call.Function switch
        {
            MathFunction.Sqrt => $"{vector}.Sqrt({Write(call.First)})",
            MathFunction.Abs => $"{vector}.Abs({Write(call.First)})",
            MathFunction.Sign => $"global::OptGen.CompilerServices.ElementMath.Sign({Write(call.First)})",
            MathFunction.Max => $"{vector}.Max({Write(call.First)}, {Write(call.Operand2)})",
            MathFunction.Min => $"{vector}.Min({Write(call.First)}, {Write(call.Operand2)})",
            _ => throw UnknownNode.Misplaced(call, "element code"),
        };
        return new Rendered(text, Precedence.Primary, IsVector: true);
    }

    /// <summary>A per-element comparison: a lane mask.</summary>
    private Rendered RenderComparison(Comparison comparison)
    {
        string method = comparison.Operator switch
        {
            ComparisonOperator.Greater => "GreaterThan",
            ComparisonOperator.Less => "LessThan",
            ComparisonOperator.Equal => "Equals",
            _ => throw UnknownNode.Of(comparison),
        };
        return new Rendered($"{vector}.{method}({Write(comparison.Left)}, {Write(comparison.Right)})", Precedence.Primary, IsVector: true);
    }

    private Rendered RenderSelect(Select select)
    {
        Rendered condition = Render(select.Condition);
        if (!condition.IsVector)
        {
            // The same for every lane (a per-step flag): a branch, and only the chosen side is computed.
            string text = $"{Parenthesized(condition, Precedence.Conditional, isRight: false)} ? {Write(select.WhenTrue)} : {Parenthesized(AsVector(Render(select.WhenFalse)), Precedence.Conditional, isRight: true)}";
            return new Rendered(text, Precedence.Conditional, IsVector: true);
        }

        return new Rendered($"{vector}.ConditionalSelect({condition.Text}, {Write(select.WhenTrue)}, {Write(select.WhenFalse)})", Precedence.Primary, IsVector: true);
    }

    private Rendered AsVector(Rendered rendered) =>
        rendered.IsVector ? rendered : new Rendered($"{vector}.Create({rendered.Text})", Precedence.Primary, IsVector: true);

    private static string Parenthesized(Rendered operand, int parentPrecedence, bool isRight) =>
        Precedence.NeedsParentheses(operand.Precedence, parentPrecedence, isRight) ? $"({operand.Text})" : operand.Text;

    private readonly record struct Rendered(string Text, int Precedence, bool IsVector);
}

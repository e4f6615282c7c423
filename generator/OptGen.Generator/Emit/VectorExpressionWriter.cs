using System;
using OptGen.Generator.Model;
using OptGen.Generator.Rules;

namespace OptGen.Generator.Emit;

/// <summary>
/// Renders an element-wise <see cref="Expression"/> over SIMD vectors (<c>Vector512</c>, <c>Vector256</c>,
/// <c>Vector128</c>). Constants and per-step scalars stay scalars where the vector operators take them
/// (<c>0.9 * m</c>, <c>v / x</c>) and are broadcast with <c>Create</c> where they do not (<c>+ ε</c>).
/// Every operation is the same IEEE operation as the scalar code's, so both give the same bits.
/// </summary>
internal sealed class VectorExpressionWriter(string vector, ElementType element, Func<Expression, string> leaf)
{
    public string Write(Expression expression) => AsVector(Render(expression));

    private Rendered Render(Expression expression)
    {
        switch (expression)
        {
            case Constant constant:
                return new Rendered(Literal.Element(constant.Value, element), Precedence.Of(constant), IsVector: false);
            case StepScalar scalar:
                return new Rendered(scalar.Name, Precedence.Primary, IsVector: false);
            case Binary binary:
                return RenderBinary(binary);
            case Negate negate:
                return new Rendered("-" + Parenthesized(Render(negate.Operand), Precedence.Unary, isRight: true), Precedence.Unary, IsVector: true);
            case SquareRoot root:
                return new Rendered($"{vector}.Sqrt({Write(root.Operand)})", Precedence.Primary, IsVector: true);
            case Maximum maximum:
                return new Rendered($"{vector}.Max({Write(maximum.Left)}, {Write(maximum.Right)})", Precedence.Primary, IsVector: true);
            default:
                return new Rendered(leaf(expression), Precedence.Primary, IsVector: true);
        }
    }

    private Rendered RenderBinary(Binary binary)
    {
        int precedence = Precedence.Of(binary);
        Rendered left = Render(binary.Left);
        Rendered right = Render(binary.Right);

        // Vector operators take a scalar as either operand of *, and as the right operand of /; anything else
        // mixing a scalar with a vector needs the scalar broadcast.
        bool scalarAllowed = binary.Operator == '*' || (binary.Operator == '/' && !right.IsVector);
        if (left.IsVector != right.IsVector && !scalarAllowed)
        {
            left = left.IsVector ? left : Broadcast(left);
            right = right.IsVector ? right : Broadcast(right);
        }

        string text = $"{Parenthesized(left, precedence, isRight: false)} {binary.Operator} {Parenthesized(right, precedence, isRight: true)}";
        return new Rendered(text, precedence, left.IsVector || right.IsVector);
    }

    private string AsVector(Rendered rendered) => rendered.IsVector ? rendered.Text : Broadcast(rendered).Text;

    private Rendered Broadcast(Rendered scalar) => new($"{vector}.Create({scalar.Text})", Precedence.Primary, IsVector: true);

    private static string Parenthesized(Rendered operand, int parentPrecedence, bool isRight) =>
        Precedence.NeedsParentheses(operand.Precedence, parentPrecedence, isRight) ? $"({operand.Text})" : operand.Text;

    private readonly record struct Rendered(string Text, int Precedence, bool IsVector);
}

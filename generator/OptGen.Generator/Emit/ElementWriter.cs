using System;
using System.Linq;
using OptGen.Generator.Rules;

namespace OptGen.Generator.Emit;

/// <summary>
/// Writes the update of parameters from the rule's element statements: one parameter in scalar code (a
/// straight-line block, or the remainder loop's body) or a vector of them.
/// </summary>
internal static class ElementWriter
{
    /// <summary>How one parameter's values are spelled in scalar code: <c>parameters[0]</c>, <c>_m0</c>; or <c>parameters[i]</c>, <c>mState[i]</c>.</summary>
    /// <param name="RawGradient">The gradient as given (<c>gradients[0]</c>), or, in a loop, how it is read and scaled into the local g.</param>
    /// <param name="ReadIntoLocal">Whether the gradient is always read once into the local g (loops, which scale it as they read).</param>
    /// <param name="Suffix">Appended to the names of g and of locals (<c>g0</c> in straight-line block 0).</param>
    public sealed record ScalarAccess(string Parameter, string RawGradient, bool ReadIntoLocal, Func<string, string> Buffer, string Suffix);

    public static void WriteScalar(SourceWriter writer, EmitContext context, ScalarAccess access)
    {
        UpdateRule rule = context.Rule;
        string gradient = "g" + access.Suffix;
        string raw = access.RawGradient;
        if (access.ReadIntoLocal)
        {
            writer.Line($"{context.T} {gradient} = {access.RawGradient};");
            raw = gradient;
        }

        // Straight-line code gives the effective gradient a local when it is read more than once or is more than
        // the raw gradient; otherwise it reads gradients[k] in place.
        bool gradientLocal = access.ReadIntoLocal
            || rule.GradientDefinition is not RawGradient
            || ExpressionNodes.InElementCode(rule).Count(node => node is Gradient) > 1;
        // A buffer assigned and then read again in the same update is read from a local holding its new value, not
        // from the field or array just written: the JIT may otherwise reload the value from memory right after
        // storing it (measured: Adamax's u, 12% of a two-parameter step).
        var heldInLocal = new System.Collections.Generic.HashSet<string>();
        var expressions = new ScalarExpressionWriter(context.Spec.Element, expression => expression switch
        {
            Parameter => access.Parameter,
            RawGradient => raw,
            Gradient => gradientLocal ? gradient : raw,
            BufferValue buffer when heldInLocal.Contains(buffer.Name) => buffer.Name + access.Suffix,
            BufferValue buffer => access.Buffer(buffer.Name),
            ElementLocal local => local.Name + access.Suffix,
            StepValue value => value.Name,
            ClipScale => "clipScale",
            _ => null,
        });

        if (access.ReadIntoLocal && rule.GradientDefinition is not RawGradient)
        {
            writer.Line($"{gradient} = {expressions.Write(rule.GradientDefinition)};");
        }
        else if (!access.ReadIntoLocal && gradientLocal)
        {
            writer.Line($"{context.T} {gradient} = {expressions.Write(rule.GradientDefinition)};");
        }

        for (int index = 0; index < rule.Statements.Count; index++)
        {
            Statement statement = rule.Statements[index];
            string line = statement switch
            {
                AssignBuffer assign when IsAccumulation(assign, out Expression increment) => $"{access.Buffer(assign.Buffer)} += {expressions.Write(increment)};",
                AssignBuffer assign => $"{access.Buffer(assign.Buffer)} = {expressions.Write(assign.Value)};",
                DescendParameter descend => $"{access.Parameter} -= {expressions.Write(descend.Step)};",
                ScaleParameter scale => $"{access.Parameter} *= {expressions.Write(scale.Factor)};",
                SetParameter set => $"{access.Parameter} = {expressions.Write(set.Value)};",
                DefineLocal local => $"{context.T} {local.Name}{access.Suffix} = {expressions.Write(local.Value)};",
                _ => throw UnknownNode.Of(statement),
            };

            if (statement is AssignBuffer assigned && IsReadAfter(rule, assigned.Buffer, index))
            {
                // T m0 = _m0 = …: the new value in a register for the statements below, and in the state.
                string declare = heldInLocal.Add(assigned.Buffer) ? context.T + " " : "";
                line = $"{declare}{assigned.Buffer}{access.Suffix} = {line}";
            }

            writer.Line(line);
        }
    }

    /// <summary>One iteration of a vector loop: load, update, store.</summary>
    public static void WriteVector(SourceWriter writer, EmitContext context, string vector)
    {
        UpdateRule rule = context.Rule;
        var expressions = new VectorExpressionWriter(
            vector,
            context.Spec.Element,
            expression => expression switch
            {
                Parameter => "p",
                RawGradient => "g",
                Gradient => "g",
                BufferValue buffer => buffer.Name,
                ElementLocal local => local.Name,
                StepValue value => value.Name,
                ClipScale => "clipScale",
                _ => null,
            },
            isScalar: expression => expression is StepValue or ClipScale);

        writer.Line($"var p = {vector}.LoadUnsafe(ref parametersStart, (nuint)i);");
        writer.Line($"var g = {vector}.LoadUnsafe(ref gradientsStart, (nuint)i) * gradientScale;");
        if (rule.GradientDefinition is not RawGradient)
        {
            writer.Line($"g = {expressions.Write(rule.GradientDefinition)};");
        }

        foreach (BufferDefinition buffer in rule.Buffers)
        {
            writer.Line($"var {buffer.Name} = {vector}.LoadUnsafe(ref {buffer.Name}Start, (nuint)i);");
        }

        foreach (Statement statement in rule.Statements)
        {
            writer.Line(statement switch
            {
                AssignBuffer assign => $"{assign.Buffer} = {expressions.Write(assign.Value)};",
                DescendParameter descend => $"p -= {expressions.Write(descend.Step)};",
                ScaleParameter scale => $"p *= {Scalar(scale.Factor) ?? expressions.Write(scale.Factor)};",
                SetParameter set => $"p = {expressions.Write(set.Value)};",
                DefineLocal local => $"var {local.Name} = {expressions.Write(local.Value)};",
                _ => throw UnknownNode.Of(statement),
            });
        }

        foreach (BufferDefinition buffer in rule.Buffers.Where(buffer => rule.Statements.OfType<AssignBuffer>().Any(assign => assign.Buffer == buffer.Name)))
        {
            writer.Line($"{vector}.StoreUnsafe({buffer.Name}, ref {buffer.Name}Start, (nuint)i);");
        }

        writer.Line($"{vector}.StoreUnsafe(p, ref parametersStart, (nuint)i);");
    }

    /// <summary>Whether a statement after <paramref name="index"/> reads <paramref name="buffer"/>.</summary>
    private static bool IsReadAfter(UpdateRule rule, string buffer, int index) =>
        rule.Statements.Skip(index + 1).Any(statement => ExpressionNodes.Of(ExpressionNodes.ValueOf(statement)).Any(node => node is BufferValue read && read.Name == buffer));

    /// <summary>A factor that is one per-step value is multiplied in as a scalar (<c>p *= decay</c>).</summary>
    private static string? Scalar(Expression factor) => factor is StepValue value ? value.Name : null;

    /// <summary><c>s ← s + x</c> reads best as <c>s += x</c> (the same operation, so the same bits).</summary>
    private static bool IsAccumulation(AssignBuffer assign, out Expression increment)
    {
        if (assign.Value is Binary { Operator: BinaryOperator.Add, Left: BufferValue buffer } sum && buffer.Name == assign.Buffer)
        {
            increment = sum.Right;
            return true;
        }

        increment = assign.Value;
        return false;
    }
}

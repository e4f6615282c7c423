using System.Collections.Generic;
using System.Linq;
using OptGen.Generator.Model;
using OptGen.Generator.Rules;

namespace OptGen.Generator.Emit;

/// <summary>
/// Writes <c>Step</c>: the length checks, the per-step scalars, then the update rule for every parameter —
/// straight-line blocks for a small compile-time count, a loop otherwise.
/// </summary>
internal static class StepWriter
{
    private static readonly string[] s_subscripts = ["₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"];

    public static void Write(SourceWriter writer, EmitContext context)
    {
        string t = context.T;
        writer.Line("/// <inheritdoc/>");
        writer.Line(OptimizerEmitter.GeneratedCodeAttribute);
        writer.Open($"public void Step(global::System.Span<{t}> parameters, global::System.ReadOnlySpan<{t}> gradients)");
        WriteLengthCheck(writer, "parameters");
        writer.Line();
        WriteLengthCheck(writer, "gradients");
        writer.Line();
        WriteStepScalars(writer, context);
        writer.Line();
        if (context.Shape == CodeShape.Unrolled)
        {
            WriteUnrolled(writer, context);
        }
        else
        {
            WriteLoop(writer, context);
        }

        writer.Close();
    }

    private static void WriteLengthCheck(SourceWriter writer, string span)
    {
        writer.Open($"if ({span}.Length != ParameterCount)");
        writer.Line($"global::OptGen.OptimizerGuards.ThrowLengthMismatch(nameof({span}), {span}.Length, ParameterCount);");
        writer.Close();
    }

    private static void WriteStepScalars(SourceWriter writer, EmitContext context)
    {
        UpdateRule rule = context.Rule;
        writer.Line(rule.UsesStepCount ? "long t = ++StepCount;" : "StepCount++;");
        foreach (RunningPower power in rule.RunningPowers)
        {
            writer.Line($"_{power.Name} = global::OptGen.RunningPower.Next(_{power.Name}, {Literal.Double(power.Base)});");
        }

        foreach (StepScalarDefinition scalar in rule.StepScalars)
        {
            bool convert = scalar.IsElementType && context.Spec.Element == ElementType.Float;
            string type = scalar.IsElementType ? context.T : "double";
            string value = convert
                ? (IsSimple(scalar.Expression) ? $"(float){scalar.Expression}" : $"(float)({scalar.Expression})")
                : scalar.Expression;
            string comment = scalar.Comment is null ? "" : $" // {scalar.Comment}";
            writer.Line($"{type} {scalar.Name} = {value};{comment}");
        }
    }

    private static bool IsSimple(string expression) => expression.All(c => char.IsLetterOrDigit(c) || c == '_' || c == '.');

    /// <summary>One block per parameter, the state in fields: no loop, no index arithmetic, every constant inline.</summary>
    private static void WriteUnrolled(SourceWriter writer, EmitContext context)
    {
        bool gradientLocal = NeedsGradientLocal(context.Rule);
        for (int i = 0; i < context.Spec.ParameterCount; i++)
        {
            if (i > 0)
            {
                writer.Line();
            }

            int index = i;
            string gradientName = "g" + index;
            var expressions = new ScalarExpressionWriter(context.Spec.Element, expression => expression switch
            {
                Parameter => $"parameters[{index}]",
                RawGradient => $"gradients[{index}]",
                BufferValue buffer => $"_{buffer.Name}{index}",
                StepScalar scalar => scalar.Name,
                _ => gradientName,
            });
            writer.Line($"// θ{Subscript(index)}");
            WriteElement(writer, context, expressions, gradientLocal, gradientName, buffer => $"_{buffer}{index}", $"parameters[{index}]");
        }
    }

    /// <summary>A loop with the element count as its bound; the state buffers as spans.</summary>
    private static void WriteLoop(SourceWriter writer, EmitContext context)
    {
        foreach (BufferSpec buffer in context.Buffers)
        {
            writer.Line($"global::System.Span<{context.T}> {buffer.Name} = _{buffer.Name};");
        }

        bool gradientLocal = NeedsGradientLocal(context.Rule);
        var expressions = new ScalarExpressionWriter(context.Spec.Element, expression => expression switch
        {
            Parameter => "parameters[i]",
            RawGradient => "gradients[i]",
            BufferValue buffer => $"{buffer.Name}[i]",
            StepScalar scalar => scalar.Name,
            _ => "g",
        });
        writer.Open("for (int i = 0; i < parameters.Length; i++)");
        WriteElement(writer, context, expressions, gradientLocal, "g", buffer => $"{buffer}[i]", "parameters[i]");
        writer.Close();
    }

    private static void WriteElement(
        SourceWriter writer,
        EmitContext context,
        ScalarExpressionWriter expressions,
        bool gradientLocal,
        string gradientName,
        System.Func<string, string> bufferElement,
        string parameter)
    {
        if (gradientLocal)
        {
            writer.Line($"{context.T} {gradientName} = {expressions.Write(context.Rule.GradientDefinition)};");
        }

        ScalarExpressionWriter inline = gradientLocal ? expressions : new ScalarExpressionWriter(
            context.Spec.Element,
            expression => expression is Gradient ? expressions.Write(context.Rule.GradientDefinition) : expressions.Write(expression));

        foreach (Statement statement in context.Rule.Statements)
        {
            switch (statement)
            {
                case AssignBuffer assign:
                    writer.Line($"{bufferElement(assign.Buffer)} = {inline.Write(assign.Value)};");
                    break;
                case DescendParameter descend:
                    writer.Line($"{parameter} -= {inline.Write(descend.Step)};");
                    break;
            }
        }
    }

    /// <summary>
    /// The effective gradient gets a local when it is read more than once or is more than <c>gradients[i]</c>
    /// (maximize, weight decay); otherwise it is read in place.
    /// </summary>
    private static bool NeedsGradientLocal(UpdateRule rule) =>
        rule.GradientDefinition is not RawGradient
        || rule.Statements.Sum(statement => CountGradients(statement)) > 1;

    private static int CountGradients(Statement statement) => statement switch
    {
        AssignBuffer assign => Count(assign.Value),
        DescendParameter descend => Count(descend.Step),
        _ => 0,
    };

    private static int Count(Expression expression) => expression switch
    {
        Gradient => 1,
        Binary binary => Count(binary.Left) + Count(binary.Right),
        Negate negate => Count(negate.Operand),
        SquareRoot root => Count(root.Operand),
        Maximum maximum => Count(maximum.Left) + Count(maximum.Right),
        _ => 0,
    };

    private static string Subscript(int index) =>
        string.Concat(index.ToString(System.Globalization.CultureInfo.InvariantCulture).Select(digit => s_subscripts[digit - '0']));
}

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
        if (context.Spec.Parallel)
        {
            WriteAdvance(writer, context, declareStep: false);
            writer.Line();
            writer.Line("// Each core updates its own cache-line-aligned share of the parameters (see StepRange).");
            writer.Line($"(_parallel ??= new global::OptGen.ParallelStep<{t}>(this)).Run(parameters, gradients);");
            writer.Close();
            writer.Line();
            WriteStepRange(writer, context);
            return;
        }

        WriteAdvance(writer, context, declareStep: context.Rule.UsesStepCount);
        WriteStepScalars(writer, context);
        writer.Line();
        if (context.Shape == CodeShape.Unrolled)
        {
            WriteUnrolled(writer, context);
        }
        else
        {
            // A compile-time count is a constant bound; otherwise the span's length (equal to ParameterCount, as
            // just checked) stays in a register, where the property would be re-read from the object every iteration.
            WriteLoop(writer, context, "0", context.Spec.HasFixedParameterCount ? "ParameterCount" : "parameters.Length");
        }

        writer.Close();
    }

    /// <summary>A parallel optimizer's per-core part: the per-step scalars, then the loop over its range.</summary>
    private static void WriteStepRange(SourceWriter writer, EmitContext context)
    {
        string t = context.T;
        writer.Line("/// <summary>Updates parameters [start, end) for the current step: one core's share of <see cref=\"Step\"/>.</summary>");
        writer.Line(OptimizerEmitter.GeneratedCodeAttribute);
        writer.Open($"void global::OptGen.IRangeStep<{t}>.StepRange(global::System.Span<{t}> parameters, global::System.ReadOnlySpan<{t}> gradients, int start, int end)");
        if (context.Rule.UsesStepCount)
        {
            writer.Line("long t = StepCount;");
        }

        WriteStepScalars(writer, context);
        writer.Line();
        WriteLoop(writer, context, "start", "end");
        writer.Close();
    }

    private static void WriteLengthCheck(SourceWriter writer, string span)
    {
        writer.Open($"if ({span}.Length != ParameterCount)");
        writer.Line($"global::OptGen.OptimizerGuards.ThrowLengthMismatch(nameof({span}), {span}.Length, ParameterCount);");
        writer.Close();
    }

    /// <summary>Counts the step and advances the running powers βᵗ.</summary>
    private static void WriteAdvance(SourceWriter writer, EmitContext context, bool declareStep)
    {
        writer.Line(declareStep ? "long t = ++StepCount;" : "StepCount++;");
        foreach (RunningPower power in context.Rule.RunningPowers)
        {
            writer.Line($"_{power.Name} = global::OptGen.RunningPower.Next(_{power.Name}, {Literal.Double(power.Base)});");
        }
    }

    private static void WriteStepScalars(SourceWriter writer, EmitContext context)
    {
        UpdateRule rule = context.Rule;
        foreach (StepScalarDefinition scalar in rule.StepScalars)
        {
            bool convert = !scalar.InElementType && context.Spec.Element == ElementType.Float;
            string value = convert
                ? (IsSimple(scalar.Expression) ? $"(float){scalar.Expression}" : $"(float)({scalar.Expression})")
                : scalar.Expression;
            string comment = scalar.Comment is null ? "" : $" // {scalar.Comment}";
            writer.Line($"{context.T} {scalar.Name} = {value};{comment}");
        }
    }

    private static bool IsSimple(string expression) => expression.All(c => char.IsLetterOrDigit(c) || c == '_' || c == '.');

    /// <summary>One block per parameter, the state in fields: no loop, no index arithmetic, every constant inline.</summary>
    private static void WriteUnrolled(SourceWriter writer, EmitContext context)
    {
        for (int i = 0; i < context.Spec.ParameterCount; i++)
        {
            if (i > 0)
            {
                writer.Line();
            }

            int index = i;
            writer.Line($"// θ{Subscript(index)}");
            WriteScalarElement(writer, context, new ScalarElement($"parameters[{index}]", $"gradients[{index}]", "g" + index, buffer => $"_{buffer}{index}"));
        }
    }

    /// <summary>The SIMD widths tried in order; the JIT folds the checks and keeps only the best one it has.</summary>
    internal static readonly (string Name, int Bits)[] VectorWidths = [("Vector512", 512), ("Vector256", 256), ("Vector128", 128)];

    /// <summary>
    /// One fused pass over memory: the widest hardware-accelerated vectors, then a scalar loop for the
    /// remainder (and for everything on hardware without SIMD). The loop bound is the compile-time
    /// <c>ParameterCount</c> when there is one. No bounds checks in the vector loops: the spans' lengths were
    /// checked against ParameterCount above.
    /// </summary>
    private static void WriteLoop(SourceWriter writer, EmitContext context, string start, string end)
    {
        string t = context.T;
        writer.Line($"ref {t} parametersStart = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(parameters);");
        writer.Line($"ref {t} gradientsStart = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(gradients);");
        foreach (BufferSpec buffer in context.Buffers)
        {
            writer.Line($"ref {t} {buffer.Name}Start = ref _{buffer.Name}[0];");
        }

        writer.Line($"int i = {start};");
        writer.Line();
        for (int width = 0; width < VectorWidths.Length; width++)
        {
            string vector = VectorWidths[width].Name;
            writer.Open($"{(width == 0 ? "if" : "else if")} ({vector}.IsHardwareAccelerated)");
            WriteVectorLoop(writer, context, vector, VectorWidths[width].Bits / (context.Spec.Element == ElementType.Float ? 32 : 64), end);
            writer.Close();
        }

        writer.Line();
        writer.Line("// The remainder, one parameter at a time.");
        writer.Open($"for (; i < {end}; i++)");
        WriteScalarElement(writer, context, new ScalarElement("parameters[i]", "gradients[i]", "g", buffer => $"_{buffer}[i]"));
        writer.Close();
    }

    private static void WriteVectorLoop(SourceWriter writer, EmitContext context, string vector, int lanes, string end)
    {
        var expressions = new VectorExpressionWriter(vector, context.Spec.Element, expression => expression switch
        {
            Parameter => "p",
            RawGradient => $"{vector}.LoadUnsafe(ref gradientsStart, (nuint)i)",
            BufferValue buffer => buffer.Name,
            _ => "g",
        });

        writer.Line($"// {lanes} {context.T}s at a time");
        writer.Open($"for (; i <= {end} - {lanes}; i += {lanes})");
        writer.Line($"var p = {vector}.LoadUnsafe(ref parametersStart, (nuint)i);");
        writer.Line($"var g = {expressions.Write(context.Rule.GradientDefinition)};");
        foreach (BufferSpec buffer in context.Buffers)
        {
            writer.Line($"var {buffer.Name} = {vector}.LoadUnsafe(ref {buffer.Name}Start, (nuint)i);");
        }

        foreach (Statement statement in context.Rule.Statements)
        {
            writer.Line(StatementLine(statement, buffer => buffer, "p", expressions.Write));
        }

        foreach (BufferSpec buffer in context.Buffers)
        {
            writer.Line($"{vector}.StoreUnsafe({buffer.Name}, ref {buffer.Name}Start, (nuint)i);");
        }

        writer.Line($"{vector}.StoreUnsafe(p, ref parametersStart, (nuint)i);");
        writer.Close();
    }

    /// <summary>How one parameter's values are spelled in scalar code: <c>parameters[0]</c>, <c>_m0</c>; or <c>parameters[i]</c>, <c>_m[i]</c>.</summary>
    private sealed record ScalarElement(string Parameter, string RawGradient, string Gradient, System.Func<string, string> Buffer);

    /// <summary>The update of one parameter in scalar code (a block of straight-line code, or a loop body).</summary>
    private static void WriteScalarElement(SourceWriter writer, EmitContext context, ScalarElement element)
    {
        // The effective gradient gets a local when it is read more than once or is more than gradients[i]
        // (maximize, weight decay); otherwise it is read in place.
        Expression definition = context.Rule.GradientDefinition;
        bool gradientLocal = definition is not RawGradient || context.Rule.Statements.Sum(CountGradients) > 1;
        var expressions = new ScalarExpressionWriter(context.Spec.Element, expression => expression switch
        {
            Parameter => element.Parameter,
            RawGradient => element.RawGradient,
            BufferValue buffer => element.Buffer(buffer.Name),
            StepScalar scalar => scalar.Name,
            _ => gradientLocal ? element.Gradient : element.RawGradient, // without a local, g is gradients[i] itself
        });

        if (gradientLocal)
        {
            writer.Line($"{context.T} {element.Gradient} = {expressions.Write(definition)};");
        }

        foreach (Statement statement in context.Rule.Statements)
        {
            writer.Line(StatementLine(statement, element.Buffer, element.Parameter, expressions.Write));
        }
    }

    /// <summary>
    /// One element-wise statement in either shape, given how buffers and the parameter are spelled there
    /// (<c>_m0</c> or <c>m</c>; <c>parameters[0]</c> or <c>p</c>) and how expressions are written.
    /// </summary>
    private static string StatementLine(Statement statement, System.Func<string, string> buffer, string parameter, System.Func<Expression, string> write) => statement switch
    {
        AssignBuffer assign when IsAccumulation(assign, out Expression increment) => $"{buffer(assign.Buffer)} += {write(increment)};",
        AssignBuffer assign => $"{buffer(assign.Buffer)} = {write(assign.Value)};",
        DescendParameter descend => $"{parameter} -= {write(descend.Step)};",
        _ => "",
    };

    /// <summary><c>s ← s + x</c> reads best as <c>s += x</c> (the same operation, so the same bits).</summary>
    private static bool IsAccumulation(AssignBuffer assign, out Expression increment)
    {
        if (assign.Value is Binary { Operator: '+', Left: BufferValue buffer } sum && buffer.Name == assign.Buffer)
        {
            increment = sum.Right;
            return true;
        }

        increment = assign.Value;
        return false;
    }

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

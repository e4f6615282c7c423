using System.Collections.Generic;
using System.Linq;
using OptGen.Generator.Emit.Storage;
using OptGen.Generator.Model;
using OptGen.Generator.Rules;

namespace OptGen.Generator.Emit;

/// <summary>
/// Writes the four <c>Step</c> overloads. Straight-line optimizers (state in fields) do the work in
/// <c>Step(parameters, gradients)</c> and reach it from the others through a stack copy; loop optimizers
/// compute the per-step values once (<c>BeginStep</c>) and run one vectorized pass per buffer (<c>UpdateElements</c>).
/// </summary>
internal static class StepWriter
{
    /// <summary>The SIMD widths tried in order; the JIT folds the checks and keeps only the best one it has.</summary>
    internal static readonly (string Name, int Bits)[] VectorWidths = [("Vector512", 512), ("Vector256", 256), ("Vector128", 128)];

    private static readonly string[] s_subscripts = ["₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"];

    public static void Write(SourceWriter writer, EmitContext context)
    {
        if (context.Storage.IsUnrolled)
        {
            WriteStraightLineStep(writer, context);
            writer.Line();
            WriteScaledViaCopy(writer, context);
            writer.Line();
            WriteSetStepViaCopy(writer, context);
        }
        else
        {
            WriteLoopSteps(writer, context);
        }
    }

    private static void WriteStraightLineStep(SourceWriter writer, EmitContext context)
    {
        OpenStep(writer, context, $"public void Step(global::System.Span<{context.T}> parameters, global::System.ReadOnlySpan<{context.T}> gradients)");
        WriteLengthChecks(writer);
        WriteConstructedCheck(writer, context);
        WriteClipScale(writer, context, "norm.Add(gradients);");
        StepValuesWriter.Write(writer, context, assignOuts: false);
        // Two parameters at a time, statement by statement (see ElementWriter.WriteScalarGroup).
        for (int first = 0; first < context.Spec.ParameterCount; first += 2)
        {
            int count = System.Math.Min(2, context.Spec.ParameterCount - first);
            writer.Line();
            writer.Line("// " + string.Join(", ", Enumerable.Range(first, count).Select(k => "θ" + Subscript(k))));
            ElementWriter.WriteScalarGroup(writer, context, [.. Enumerable.Range(first, count).Select(k => new ElementWriter.ScalarAccess(
                $"parameters[{k}]", $"gradients[{k}]", ReadIntoLocal: false, buffer => $"_{buffer}{k}", k.ToString(System.Globalization.CultureInfo.InvariantCulture)))]);
        }

        writer.Close();
    }

    /// <summary>Straight-line code reads each gradient once, in place; the scaled step scales a copy on the stack.</summary>
    private static void WriteScaledViaCopy(SourceWriter writer, EmitContext context)
    {
        string t = context.T;
        OpenStep(writer, context, $"public void Step(global::System.Span<{t}> parameters, global::System.ReadOnlySpan<{t}> gradients, {t} gradientScale)");
        WriteGradientsLengthCheck(writer);
        writer.Line($"global::System.Span<{t}> scaled = stackalloc {t}[ParameterCount];");
        writer.Open("for (int i = 0; i < ParameterCount; i++)");
        writer.Line("scaled[i] = gradients[i] * gradientScale;");
        writer.Close();
        writer.Line();
        writer.Line("Step(parameters, scaled);");
        writer.Close();
    }

    /// <summary>A few parameters in several buffers: gathered on the stack, stepped in straight-line code, scattered back.</summary>
    private static void WriteSetStepViaCopy(SourceWriter writer, EmitContext context)
    {
        string t = context.T;
        WriteUnscaledSetStep(writer, context);
        writer.Line();
        OpenStep(writer, context, $"public void Step(global::OptGen.ParameterSet<{t}> parameters, {t} gradientScale)");
        WriteSetCheck(writer);
        writer.Line($"global::System.Span<{t}> flatParameters = stackalloc {t}[ParameterCount];");
        writer.Line($"global::System.Span<{t}> flatGradients = stackalloc {t}[ParameterCount];");
        writer.Line("global::OptGen.CompilerServices.ParameterSetCopy.Gather(parameters, flatParameters, flatGradients, gradientScale);");
        writer.Line("Step(flatParameters, flatGradients);");
        writer.Line("global::OptGen.CompilerServices.ParameterSetCopy.Scatter(flatParameters, parameters);");
        writer.Close();
    }

    private static void WriteLoopSteps(SourceWriter writer, EmitContext context)
    {
        string t = context.T;
        string one = context.Constant(1);
        string values = (context.ClipsByNorm ? ", clipScale" : "") + string.Join("", context.ElementStepValues.Select(entry => ", " + entry.Value.Name));
        string outs = string.Join(", ", context.ElementStepValues.Select(entry => $"out {context.CSharpType(entry.Type)} {entry.Value.Name}"));
        string outArguments = string.Join(", ", context.ElementStepValues.Select(entry => $"out {context.CSharpType(entry.Type)} {entry.Value.Name}"));

        writer.Line("/// <inheritdoc/>");
        writer.Line(OptimizerEmitter.GeneratedCodeAttribute);
        writer.Line($"public void Step(global::System.Span<{t}> parameters, global::System.ReadOnlySpan<{t}> gradients) => Step(parameters, gradients, {one});");
        writer.Line();

        OpenStep(writer, context, $"public void Step(global::System.Span<{t}> parameters, global::System.ReadOnlySpan<{t}> gradients, {t} gradientScale)");
        WriteLengthChecks(writer);
        WriteConstructedCheck(writer, context);
        WriteClipScale(writer, context, "norm.Add(gradients, gradientScale);");
        writer.Line($"BeginStep({outArguments});");
        WriteUpdate(writer, context, "parameters", "gradients", "0", values);
        writer.Close();
        writer.Line();

        WriteUnscaledSetStep(writer, context);
        writer.Line();
        OpenStep(writer, context, $"public void Step(global::OptGen.ParameterSet<{t}> parameters, {t} gradientScale)");
        WriteSetCheck(writer);
        WriteConstructedCheck(writer, context);
        WriteClipScale(writer, context, "norm.Add(parameters.Gradients(k), gradientScale);", overBuffers: true);
        writer.Line($"BeginStep({outArguments});");
        writer.Open("for (int k = 0; k < parameters.Count; k++)");
        WriteUpdate(writer, context, "parameters.Parameters(k)", "parameters.Gradients(k)", "parameters.Offset(k)", values);
        writer.Close();
        writer.Close();
        writer.Line();

        writer.Line("/// <summary>Counts the step and computes the values that all of its elements share.</summary>");
        writer.Line(OptimizerEmitter.GeneratedCodeAttribute);
        writer.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
        writer.Open($"private void BeginStep({outs})");
        StepValuesWriter.Write(writer, context, assignOuts: true);
        writer.Close();
        writer.Line();

        WriteUpdateElements(writer, context);
        if (context.Spec.Parallel)
        {
            writer.Line();
            WriteStepRange(writer, context, values);
        }
    }

    /// <summary>One buffer's update: on this thread, or split across the cores.</summary>
    private static void WriteUpdate(SourceWriter writer, EmitContext context, string parameters, string gradients, string offset, string values)
    {
        if (!context.Spec.Parallel)
        {
            writer.Line($"UpdateElements({parameters}, {gradients}, {offset}, gradientScale{values});");
            return;
        }

        // The workers read this step's values from fields (see StepRange).
        writer.Line($"_offset = {offset};");
        writer.Line("_gradientScale = gradientScale;");
        if (context.ClipsByNorm)
        {
            writer.Line("_clipScale = clipScale;");
        }

        foreach ((DefineStepValue value, _) in context.ElementStepValues)
        {
            writer.Line($"_{value.Name} = {value.Name};");
        }

        writer.Line($"(_parallel ??= new global::OptGen.CompilerServices.ParallelStep<{context.T}>(this)).Run({parameters}, {gradients});");
    }

    private static void WriteUnscaledSetStep(SourceWriter writer, EmitContext context)
    {
        writer.Line("/// <inheritdoc/>");
        writer.Line(OptimizerEmitter.GeneratedCodeAttribute);
        writer.Line($"public void Step(global::OptGen.ParameterSet<{context.T}> parameters) => Step(parameters, {context.Constant(1)});");
    }

    /// <summary>
    /// The element loop over one buffer: parameters[i] with gradients[i] against state element offset + i. The widest
    /// hardware-accelerated vectors, then a scalar loop for the remainder (and for everything on hardware without
    /// SIMD), in one pass over memory. No bounds checks in the vector loops: every span is sliced to the same length.
    /// </summary>
    private static void WriteUpdateElements(SourceWriter writer, EmitContext context)
    {
        string t = context.T;
        string parameters = (context.ClipsByNorm ? $", {t} clipScale" : "") + string.Concat(context.ElementStepValues.Select(entry => $", {context.CSharpType(entry.Type)} {entry.Value.Name}"));
        writer.Line("/// <summary>Updates <paramref name=\"parameters\"/> against the state from <paramref name=\"offset\"/> on.</summary>");
        writer.Line(OptimizerEmitter.GeneratedCodeAttribute);
        writer.Open($"private void UpdateElements(global::System.Span<{t}> parameters, global::System.ReadOnlySpan<{t}> gradients, int offset, {t} gradientScale{parameters})");
        writer.Line("gradients = gradients.Slice(0, parameters.Length);");
        foreach (BufferDefinition buffer in context.Buffers)
        {
            writer.Line($"global::System.Span<{t}> {buffer.Name}State = {context.Storage.Slice(context, buffer)};");
        }

        writer.Line($"ref {t} parametersStart = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(parameters);");
        writer.Line($"ref {t} gradientsStart = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(gradients);");
        foreach (BufferDefinition buffer in context.Buffers)
        {
            writer.Line($"ref {t} {buffer.Name}Start = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference({buffer.Name}State);");
        }

        writer.Line("int i = 0;");
        writer.Line();
        for (int width = 0; width < VectorWidths.Length; width++)
        {
            // Fully qualified: a user's type or type parameter named Vector256 must not change what this means.
            string vector = "global::System.Runtime.Intrinsics." + VectorWidths[width].Name;
            int lanes = VectorWidths[width].Bits / (context.Spec.Element == ElementType.Float ? 32 : 64);
            writer.Open($"{(width == 0 ? "if" : "else if")} ({vector}.IsHardwareAccelerated)");
            writer.Line($"// {lanes} {t}s at a time");
            writer.Open($"for (; i <= parameters.Length - {lanes}; i += {lanes})");
            ElementWriter.WriteVector(writer, context, vector);
            writer.Close();
            writer.Close();
        }

        writer.Line();
        writer.Line("// The remainder, one parameter at a time.");
        writer.Open("for (; i < parameters.Length; i++)");
        ElementWriter.WriteScalar(writer, context, new ElementWriter.ScalarAccess(
            "parameters[i]", "gradients[i] * gradientScale", ReadIntoLocal: true, buffer => $"{buffer}State[i]", ""));
        writer.Close();
        writer.Close();
    }

    /// <summary>A parallel optimizer's per-core part: its share of the current buffer, with this step's values.</summary>
    private static void WriteStepRange(SourceWriter writer, EmitContext context, string values)
    {
        string t = context.T;
        string fields = (context.ClipsByNorm ? ", _clipScale" : "") + string.Concat(context.ElementStepValues.Select(entry => ", _" + entry.Value.Name));
        writer.Line("/// <summary>Updates parameters [start, end) of the current buffer: one core's share of a step.</summary>");
        writer.Line(OptimizerEmitter.GeneratedCodeAttribute);
        writer.Line($"void global::OptGen.CompilerServices.IRangeStep<{t}>.StepRange(global::System.Span<{t}> parameters, global::System.ReadOnlySpan<{t}> gradients, int start, int end) =>");
        writer.Line($"    UpdateElements(parameters[start..end], gradients[start..end], _offset + start, _gradientScale{fields});");
    }

    /// <summary>
    /// ClipGradNorm's first pass: the norm of all the gradients (as <paramref name="add"/> feeds them), then torch's
    /// clip coefficient, which the update pass multiplies into each gradient as it reads it.
    /// </summary>
    private static void WriteClipScale(SourceWriter writer, EmitContext context, string add, bool overBuffers = false)
    {
        if (!context.ClipsByNorm)
        {
            return;
        }

        writer.Line($"// Clipping by norm: one pass for ‖g‖₂, then min(1, {Literal.Math(context.ClipGradNorm)} / (‖g‖₂ + 1e-6)) scales every gradient as the update reads it.");
        writer.Line($"var norm = new global::OptGen.GradientNorm<{context.T}>();");
        if (overBuffers)
        {
            writer.Open("for (int k = 0; k < parameters.Count; k++)");
            writer.Line(add);
            writer.Close();
        }
        else
        {
            writer.Line(add);
        }

        writer.Line($"{context.T} clipScale = norm.ClipCoefficient({Literal.Double(context.ClipGradNorm)});");
        writer.Line();
    }

    private static void OpenStep(SourceWriter writer, EmitContext context, string signature)
    {
        writer.Line("/// <inheritdoc/>");
        writer.Line(OptimizerEmitter.GeneratedCodeAttribute);
        writer.Open(signature);
    }

    /// <summary>Both lengths in one condition, and a throw helper that takes no strings (see <c>OptimizerGuards</c>).</summary>
    private static void WriteLengthChecks(SourceWriter writer)
    {
        writer.Open("if (parameters.Length != ParameterCount || gradients.Length != ParameterCount)");
        writer.Line("global::OptGen.CompilerServices.OptimizerGuards.ThrowLengthMismatch(parameters.Length, gradients.Length, ParameterCount);");
        writer.Close();
        writer.Line();
    }

    private static void WriteGradientsLengthCheck(SourceWriter writer)
    {
        writer.Open("if (gradients.Length != ParameterCount)");
        writer.Line("global::OptGen.CompilerServices.OptimizerGuards.ThrowGradientsLengthMismatch(gradients.Length, ParameterCount);");
        writer.Close();
        writer.Line();
    }

    private static void WriteSetCheck(SourceWriter writer)
    {
        writer.Line("global::System.ArgumentNullException.ThrowIfNull(parameters);");
        writer.Open("if (parameters.TotalLength != ParameterCount)");
        writer.Line("global::OptGen.CompilerServices.OptimizerGuards.ThrowSetLengthMismatch(parameters.TotalLength, ParameterCount);");
        writer.Close();
        writer.Line();
    }

    /// <summary>
    /// A struct made with <c>default</c> has no learning rate and no state: refuse it rather than do nothing. A
    /// train/eval optimizer refuses to step in evaluation mode, as the reference does.
    /// </summary>
    private static void WriteConstructedCheck(SourceWriter writer, EmitContext context)
    {
        if (context.IsStruct)
        {
            writer.Open("if (!_constructed)");
            writer.Line($"global::OptGen.CompilerServices.OptimizerGuards.ThrowNotConstructed(\"{context.ConstructorName}\");");
            writer.Close();
            writer.Line();
        }

        if (context.Rule.Modes is not null)
        {
            writer.Open("if (!IsTraining)");
            writer.Line($"global::OptGen.CompilerServices.OptimizerGuards.ThrowNotTraining(\"{context.ConstructorName}\");");
            writer.Close();
            writer.Line();
        }
    }

    private static string Subscript(int index) =>
        string.Concat(index.ToString(System.Globalization.CultureInfo.InvariantCulture).Select(digit => s_subscripts[digit - '0']));
}

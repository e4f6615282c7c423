using System.Collections.Generic;
using System.Linq;
using OptGen.Generator.Rules;

namespace OptGen.Generator.Emit;

/// <summary>
/// Writes the members of a generated optimizer: its size, state, the <c>IOptimizer&lt;T&gt;</c> properties,
/// <c>Step</c> (see <see cref="StepWriter"/>), <c>Reset</c> and the state's save and load.
/// </summary>
internal static class MemberWriter
{
    private const string Inherit = "/// <inheritdoc/>";

    public static void Write(SourceWriter writer, EmitContext context)
    {
        WriteSize(writer, context);
        WriteFields(writer, context);
        WriteProperties(writer, context);
        writer.Line();
        StepWriter.Write(writer, context);
        writer.Line();
        WriteReset(writer, context);
        writer.Line();
        WriteSaveState(writer, context);
        writer.Line();
        WriteLoadState(writer, context);
        if (context.Shape == CodeShape.InlineLoop)
        {
            writer.Line();
            WriteInlineBuffer(writer, context);
        }
    }

    private static void WriteSize(SourceWriter writer, EmitContext context)
    {
        if (context.Spec.HasFixedParameterCount)
        {
            writer.Line("/// <summary>The number of parameters, fixed at compile time.</summary>");
            writer.Line($"public const int ParameterCount = {context.Spec.ParameterCount};");
            writer.Line();
            writer.Line(OptimizerEmitter.GeneratedCodeAttribute);
            writer.Line($"int global::OptGen.IOptimizer<{context.T}>.ParameterCount => ParameterCount;");
            writer.Line();
            if (context.IsStruct)
            {
                writer.Line("/// <summary>Creates an optimizer ready to use (<c>default</c> is not: its learning rate is 0).</summary>");
                writer.Line(OptimizerEmitter.GeneratedCodeAttribute);
                writer.Line($"public {ConstructorName(context)}() => Reset();");
                writer.Line();
            }

            return;
        }

        writer.Line("/// <summary>Creates an optimizer for <paramref name=\"parameterCount\"/> parameters.</summary>");
        writer.Line("/// <param name=\"parameterCount\">The number of parameters; at least 1.</param>");
        writer.Line(OptimizerEmitter.GeneratedCodeAttribute);
        writer.Open($"public {ConstructorName(context)}(int parameterCount)");
        writer.Open("if (parameterCount < 1)");
        writer.Line("global::OptGen.OptimizerGuards.ThrowParameterCount(parameterCount);");
        writer.Close();
        writer.Line();
        writer.Line("ParameterCount = parameterCount;");
        foreach (BufferSpec buffer in context.Buffers)
        {
            writer.Line($"_{buffer.Name} = {NewArray(context, buffer, "parameterCount")};");
        }

        writer.Close();
        writer.Line();
        writer.Line("/// <summary>The number of parameters, given to the constructor.</summary>");
        writer.Line(OptimizerEmitter.GeneratedCodeAttribute);
        writer.Line("public int ParameterCount { get; }");
        writer.Line();
    }

    /// <summary>The type's name without its type parameters: <c>Optimizer&lt;TTag&gt;</c>'s constructor is <c>Optimizer(…)</c>.</summary>
    private static string ConstructorName(EmitContext context) => context.Spec.Type.Name.Split('<')[0];

    /// <summary>The state fields, then a blank line; nothing at all when the rule keeps no state (plain SGD).</summary>
    private static void WriteFields(SourceWriter writer, EmitContext context)
    {
        if (context.Rule.RunningPowers.Count == 0 && context.Rule.Buffers.Count == 0 && !context.Spec.Parallel)
        {
            return;
        }

        foreach (RunningPower power in context.Rule.RunningPowers)
        {
            // A struct starts from Reset() in its constructor; a class from its field initializers.
            string initializer = context.IsStruct ? "" : " = 1.0";
            writer.Line($"private double _{power.Name}{initializer}; // {power.Symbol}");
        }

        foreach (BufferSpec buffer in context.Buffers)
        {
            string declaration = context.Shape switch
            {
                CodeShape.Unrolled => $"private {context.T} {UnrolledFields(context, buffer)};",
                CodeShape.FixedLoop => $"private readonly {context.T}[] _{buffer.Name} = {NewArray(context, buffer, "ParameterCount")};",
                CodeShape.InlineLoop => $"private ParameterBuffer _{buffer.Name};",
                _ => $"private readonly {context.T}[] _{buffer.Name};",
            };
            writer.Line($"{declaration} // {buffer.Description}");
        }

        if (context.Spec.Parallel)
        {
            writer.Line($"private global::OptGen.ParallelStep<{context.T}>? _parallel; // splits each step across the cores; made at the first step");
        }

        writer.Line();
    }

    private static string UnrolledFields(EmitContext context, BufferSpec buffer)
    {
        string initializer = buffer.InitialValue != 0 && !context.IsStruct ? " = " + context.Constant(buffer.InitialValue) : "";
        return string.Join(", ", Enumerable.Range(0, context.Spec.ParameterCount).Select(i => $"_{buffer.Name}{i}{initializer}"));
    }

    private static string NewArray(EmitContext context, BufferSpec buffer, string length) =>
        buffer.InitialValue == 0
            ? $"new {context.T}[{length}]"
            : $"global::OptGen.OptimizerBuffer.Create({length}, {context.Constant(buffer.InitialValue)})";

    private static void WriteProperties(SourceWriter writer, EmitContext context)
    {
        string initialRate = Literal.Double(context.Spec.Hyperparameters.LearningRate);
        writer.Line(Inherit);
        writer.Line(OptimizerEmitter.GeneratedCodeAttribute);
        writer.Line(context.IsStruct
            ? "public double LearningRate { get; set; }"
            : $"public double LearningRate {{ get; set; }} = {initialRate};");
        writer.Line();
        writer.Line(Inherit);
        writer.Line(OptimizerEmitter.GeneratedCodeAttribute);
        writer.Line("public long StepCount { get; private set; }");
        writer.Line();
        int buffers = context.Rule.Buffers.Count;
        string bufferLength = buffers switch
        {
            0 => "",
            1 => " + ParameterCount",
            _ => $" + {buffers} * ParameterCount",
        };
        writer.Line(Inherit);
        writer.Line(OptimizerEmitter.GeneratedCodeAttribute);
        writer.Line($"public int StateLength => global::OptGen.OptimizerState.HeaderLength<{context.T}>(){bufferLength};");
    }

    private static void WriteReset(SourceWriter writer, EmitContext context)
    {
        writer.Line(Inherit);
        writer.Line(OptimizerEmitter.GeneratedCodeAttribute);
        writer.Open("public void Reset()");
        writer.Line($"LearningRate = {Literal.Double(context.Spec.Hyperparameters.LearningRate)};");
        writer.Line("StepCount = 0;");
        foreach (RunningPower power in context.Rule.RunningPowers)
        {
            writer.Line($"_{power.Name} = 1.0;");
        }

        foreach (BufferSpec buffer in context.Buffers)
        {
            string value = context.Constant(buffer.InitialValue);
            writer.Line(context.Shape switch
            {
                CodeShape.Unrolled => $"{string.Join(" = ", Enumerable.Range(0, context.Spec.ParameterCount).Select(i => $"_{buffer.Name}{i}"))} = {value};",
                CodeShape.InlineLoop when buffer.InitialValue == 0 => $"_{buffer.Name} = default;",
                CodeShape.InlineLoop => $"((global::System.Span<{context.T}>)_{buffer.Name}).Fill({value});",
                _ when buffer.InitialValue == 0 => $"global::System.Array.Clear(_{buffer.Name});",
                _ => $"global::System.Array.Fill(_{buffer.Name}, {value});",
            });
        }

        writer.Close();
    }

    private static void WriteSaveState(SourceWriter writer, EmitContext context)
    {
        writer.Line(Inherit);
        writer.Line(OptimizerEmitter.GeneratedCodeAttribute);
        writer.Open($"public void SaveState(global::System.Span<{context.T}> destination)");
        writer.Line("global::OptGen.OptimizerState.CheckLength(destination.Length, StateLength, nameof(destination));");
        writer.Line($"var state = new global::OptGen.StateWriter<{context.T}>(destination);");
        writer.Line("state.WriteInt64(StepCount);");
        writer.Line("state.WriteDouble(LearningRate);");
        foreach (BufferSpec buffer in context.Buffers)
        {
            foreach (string target in BufferTargets(context, buffer))
            {
                writer.Line($"state.Write({target});");
            }
        }

        writer.Close();
    }

    private static void WriteLoadState(SourceWriter writer, EmitContext context)
    {
        writer.Line(Inherit);
        writer.Line(OptimizerEmitter.GeneratedCodeAttribute);
        writer.Open($"public void LoadState(global::System.ReadOnlySpan<{context.T}> source)");
        writer.Line("global::OptGen.OptimizerState.CheckLength(source.Length, StateLength, nameof(source));");
        writer.Line($"var state = new global::OptGen.StateReader<{context.T}>(source);");
        writer.Line("long stepCount = state.ReadInt64();");
        writer.Line("double learningRate = state.ReadDouble();");
        writer.Line("global::OptGen.OptimizerGuards.CheckLoadedHeader(stepCount, learningRate);");
        writer.Line();
        writer.Line("StepCount = stepCount;");
        writer.Line("LearningRate = learningRate;");
        foreach (RunningPower power in context.Rule.RunningPowers)
        {
            writer.Line($"_{power.Name} = global::OptGen.RunningPower.After({Literal.Double(power.Base)}, stepCount);");
        }

        foreach (BufferSpec buffer in context.Buffers)
        {
            foreach (string target in BufferTargets(context, buffer))
            {
                writer.Line(context.Shape == CodeShape.Unrolled ? $"{target} = state.Read();" : $"state.Read({target});");
            }
        }

        writer.Close();
    }

    /// <summary>The fields that hold a buffer: one per element when unrolled, else the one array.</summary>
    private static IEnumerable<string> BufferTargets(EmitContext context, BufferSpec buffer) =>
        context.Shape == CodeShape.Unrolled
            ? Enumerable.Range(0, context.Spec.ParameterCount).Select(i => $"_{buffer.Name}{i}")
            : [$"_{buffer.Name}"];

    private static void WriteInlineBuffer(SourceWriter writer, EmitContext context)
    {
        writer.Line("/// <summary>One state buffer, stored inline so that copies of this struct never share state.</summary>");
        writer.Line("[global::System.Runtime.CompilerServices.InlineArray(ParameterCount)]");
        writer.Open("private struct ParameterBuffer");
        writer.Line($"private {context.T} _element0;");
        writer.Close();
    }
}

using System.Linq;
using OptGen.Generator.Rules;

namespace OptGen.Generator.Emit;

/// <summary>
/// Writes the members of a generated optimizer: its size, state, the <c>IOptimizer&lt;T&gt;</c> properties,
/// <c>Step</c> (see <see cref="StepWriter"/>), <c>Reset</c> and the state's save and load (see <see cref="StatePersistenceWriter"/>).
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
        StatePersistenceWriter.Write(writer, context);
        if (context.Rule.Modes is not null)
        {
            ModesWriter.Write(writer, context);
        }

        context.Storage.WriteTypes(writer, context);
    }

    private static void WriteSize(SourceWriter writer, EmitContext context)
    {
        string stateLength = $"global::OptGen.CompilerServices.OptimizerState.StateLength<{context.T}>({context.Rule.ScalarStates.Count}, {context.Buffers.Count}, {{0}})";
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
                writer.Line("/// <summary>Creates an optimizer ready to use (<c>default</c> is not: its <c>Step</c> throws).</summary>");
                writer.Line(OptimizerEmitter.GeneratedCodeAttribute);
                writer.Line($"public {context.ConstructorName}() => Reset();");
                writer.Line();
            }

            return;
        }

        writer.Line("/// <summary>Creates an optimizer for <paramref name=\"parameterCount\"/> parameters.</summary>");
        writer.Line("/// <param name=\"parameterCount\">The number of parameters; at least 1, and few enough that the state fits a span.</param>");
        writer.Line(OptimizerEmitter.GeneratedCodeAttribute);
        writer.Open($"public {context.ConstructorName}(int parameterCount)");
        writer.Open("if (parameterCount < 1)");
        writer.Line("global::OptGen.CompilerServices.OptimizerGuards.ThrowParameterCount(parameterCount);");
        writer.Close();
        writer.Line();
        writer.Line($"_ = {string.Format(System.Globalization.CultureInfo.InvariantCulture, stateLength, "parameterCount")}; // throws if the state would not fit a span");
        writer.Line("ParameterCount = parameterCount;");
        foreach (BufferDefinition buffer in context.Buffers)
        {
            writer.Line(context.Storage.ConstructorLine(context, buffer)!);
        }

        writer.Close();
        writer.Line();
        writer.Line("/// <summary>The number of parameters, given to the constructor.</summary>");
        writer.Line(OptimizerEmitter.GeneratedCodeAttribute);
        writer.Line("public int ParameterCount { get; }");
        writer.Line();
    }

    /// <summary>The state fields, then a blank line; nothing at all when the rule keeps no state (plain SGD).</summary>
    private static void WriteFields(SourceWriter writer, EmitContext context)
    {
        int before = writer.ToString().Length;
        foreach (ScalarStateDefinition state in context.Rule.ScalarStates)
        {
            // A struct starts from Reset() in its constructor; a class from its field initializers.
            string initializer = context.IsStruct ? "" : " = " + Literal.Double(state.InitialValue);
            writer.Line($"private double _{state.Name}{initializer}; // {state.Description}");
        }

        foreach (BufferDefinition buffer in context.Buffers)
        {
            writer.Line($"{context.Storage.Declaration(context, buffer)} // {buffer.Description}");
        }

        if (context.Spec.Parallel)
        {
            writer.Line($"private global::OptGen.CompilerServices.ParallelStep<{context.T}>? _parallel; // splits each step across the cores; made at the first step");
            writer.Line("private int _offset; // where the buffer being stepped starts in the state, for the workers");
            writer.Line($"private {context.T} _gradientScale; // this step's gradient scale, for the workers");
            if (context.ClipsByNorm)
            {
                writer.Line($"private {context.T} _clipScale; // this step's clip coefficient, for the workers");
            }

            foreach ((DefineStepValue value, StepValueType type) in context.ElementStepValues)
            {
                writer.Line($"private {context.CSharpType(type)} _{value.Name}; // this step's {value.Comment ?? value.Name}, for the workers");
            }
        }

        if (context.IsStruct)
        {
            writer.Line("private bool _constructed; // false in a struct made with default");
        }

        if (writer.ToString().Length != before)
        {
            writer.Line();
        }
    }

    private static void WriteProperties(SourceWriter writer, EmitContext context)
    {
        writer.Line(Inherit);
        writer.Line(OptimizerEmitter.GeneratedCodeAttribute);
        writer.Line(context.IsStruct
            ? "public double LearningRate { get; set; }"
            : $"public double LearningRate {{ get; set; }} = {Literal.Double(context.Spec.LearningRate)};");
        writer.Line();
        writer.Line(Inherit);
        writer.Line(OptimizerEmitter.GeneratedCodeAttribute);
        writer.Line("public long StepCount { get; private set; }");
        writer.Line();
        writer.Line(Inherit);
        writer.Line(OptimizerEmitter.GeneratedCodeAttribute);
        writer.Line($"public int StateLength => global::OptGen.CompilerServices.OptimizerState.StateLength<{context.T}>({context.Rule.ScalarStates.Count}, {context.Buffers.Count}, ParameterCount);");
    }

    private static void WriteReset(SourceWriter writer, EmitContext context)
    {
        writer.Line(Inherit);
        writer.Line(OptimizerEmitter.GeneratedCodeAttribute);
        writer.Open("public void Reset()");
        writer.Line($"LearningRate = {Literal.Double(context.Spec.LearningRate)};");
        writer.Line("StepCount = 0;");
        foreach (ScalarStateDefinition state in context.Rule.ScalarStates)
        {
            writer.Line($"_{state.Name} = {Literal.Double(state.InitialValue)};");
        }

        foreach (BufferDefinition buffer in context.Buffers)
        {
            writer.Line(context.Storage.ResetLine(context, buffer));
        }

        if (context.IsStruct)
        {
            writer.Line("_constructed = true;");
        }

        writer.Close();
    }
}

using System.Globalization;
using System.Linq;
using System.Text;
using OptGen.Generator.Kinds;
using OptGen.Generator.Rules;

namespace OptGen.Generator.Emit;

/// <summary>
/// Writes <c>SaveState</c> and <c>LoadState</c>: a header that says which kind and configuration wrote the state,
/// the scalar state (so loading is O(1) whatever the step count), then every buffer. Loading checks every part
/// before it changes anything.
/// </summary>
internal static class StatePersistenceWriter
{
    private const string Inherit = "/// <inheritdoc/>";

    public static void Write(SourceWriter writer, EmitContext context)
    {
        writer.Line("/// <summary>A hash of the compiled-in hyperparameters: a state saved with others is refused.</summary>");
        writer.Line($"private const long StateFingerprint = {Fingerprint(context).ToString(CultureInfo.InvariantCulture)};");
        writer.Line();
        WriteSave(writer, context);
        writer.Line();
        WriteLoad(writer, context);
    }

    private static void WriteSave(SourceWriter writer, EmitContext context)
    {
        writer.Line(Inherit);
        writer.Line(OptimizerEmitter.GeneratedCodeAttribute);
        writer.Open($"public void SaveState(global::System.Span<{context.T}> destination)");
        writer.Line("global::OptGen.CompilerServices.OptimizerState.CheckLength(destination.Length, StateLength, nameof(destination));");
        writer.Line($"var state = new global::OptGen.CompilerServices.StateWriter<{context.T}>(destination, {KindId(context)}, StateFingerprint, StepCount, LearningRate);");
        foreach (ScalarStateDefinition scalar in context.Rule.ScalarStates)
        {
            writer.Line($"state.WriteDouble(_{scalar.Name});");
        }

        foreach (BufferDefinition buffer in context.Buffers)
        {
            foreach (string line in context.Storage.SaveLines(context, buffer))
            {
                writer.Line(line);
            }
        }

        writer.Close();
    }

    private static void WriteLoad(SourceWriter writer, EmitContext context)
    {
        writer.Line(Inherit);
        writer.Line(OptimizerEmitter.GeneratedCodeAttribute);
        writer.Open($"public void LoadState(global::System.ReadOnlySpan<{context.T}> source)");
        writer.Line("global::OptGen.CompilerServices.OptimizerState.CheckLength(source.Length, StateLength, nameof(source));");
        writer.Line($"var state = new global::OptGen.CompilerServices.StateReader<{context.T}>(source, {KindId(context)}, StateFingerprint);");
        foreach (ScalarStateDefinition scalar in context.Rule.ScalarStates)
        {
            writer.Line($"double {scalar.Name} = state.ReadScalar(\"{scalar.Description}\", {Literal.Double(scalar.Minimum)}, {Literal.Double(scalar.Maximum)});");
        }

        for (int index = 0; index < context.Buffers.Count; index++)
        {
            BufferDefinition buffer = context.Buffers[index];
            string domain = buffer.Domain == StateDomainKind.NonNegative ? "NonNegative" : "Finite";
            writer.Line($"state.CheckBuffer({index}, ParameterCount, \"{buffer.Description}\", global::OptGen.CompilerServices.StateDomain.{domain});");
        }

        writer.Line();
        writer.Line("// Every part is valid: now change the optimizer.");
        writer.Line("StepCount = state.StepCount;");
        writer.Line("LearningRate = state.LearningRate;");
        foreach (ScalarStateDefinition scalar in context.Rule.ScalarStates)
        {
            writer.Line($"_{scalar.Name} = {scalar.Name};");
        }

        foreach (BufferDefinition buffer in context.Buffers)
        {
            foreach (string line in context.Storage.LoadLines(context, buffer))
            {
                writer.Line(line);
            }
        }

        if (context.IsStruct)
        {
            writer.Line("_constructed = true;");
        }

        writer.Close();
    }

    private static string KindId(EmitContext context) => $"(int)global::OptGen.Kind.{context.Spec.Kind}";

    /// <summary>
    /// FNV-1a (64-bit) of the kind's compiled-in hyperparameters written out (<c>Beta1=0.9;…</c>): every one but
    /// the learning rate, which the state carries itself.
    /// </summary>
    internal static long Fingerprint(EmitContext context)
    {
        var text = new StringBuilder(context.Spec.Kind.ToString());
        foreach (HyperparameterUse use in context.Definition.Hyperparameters.Where(use => use.Definition != Hyperparameter.LearningRate))
        {
            text.Append(';').Append(use.Name).Append('=').Append(context.Spec.Hyperparameters[use.Definition].ToString("R", CultureInfo.InvariantCulture));
        }

        ulong hash = 14695981039346656037UL;
        foreach (byte b in Encoding.UTF8.GetBytes(text.ToString()))
        {
            hash = unchecked((hash ^ b) * 1099511628211UL);
        }

        return unchecked((long)hash);
    }
}

using System.Collections.Generic;
using OptGen.Generator.Rules;

namespace OptGen.Generator.Emit.Storage;

/// <summary>Inline arrays inside a struct: copies of the struct never share state.</summary>
internal sealed class InlineArrayStorage : StateStorage
{
    public override string Declaration(EmitContext context, BufferDefinition buffer) => $"private ParameterBuffer _{buffer.Name};";

    public override string ResetLine(EmitContext context, BufferDefinition buffer) =>
        buffer.InitialValue == 0
            ? $"_{buffer.Name} = default;"
            : $"((global::System.Span<{context.T}>)_{buffer.Name}).Fill({context.Constant(buffer.InitialValue)});";

    public override IEnumerable<string> SaveLines(EmitContext context, BufferDefinition buffer) => [$"state.Write(_{buffer.Name});"];

    public override IEnumerable<string> LoadLines(EmitContext context, BufferDefinition buffer) => [$"state.Read(_{buffer.Name});"];

    public override string Slice(EmitContext context, BufferDefinition buffer) =>
        $"((global::System.Span<{context.T}>)_{buffer.Name}).Slice(offset, parameters.Length)";

    public override void WriteTypes(SourceWriter writer, EmitContext context)
    {
        writer.Line();
        writer.Line("/// <summary>One state buffer, stored inline so that copies of this struct never share state.</summary>");
        writer.Line("[global::System.Runtime.CompilerServices.InlineArray(ParameterCount)]");
        writer.Open("private struct ParameterBuffer");
        writer.Line($"private {context.T} _element0;");
        writer.Close();
    }
}

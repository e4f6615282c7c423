using System.Collections.Generic;
using OptGen.Generator.Rules;

namespace OptGen.Generator.Emit.Storage;

/// <summary>One array per buffer, in a class.</summary>
internal abstract class ArrayStorage : StateStorage
{
    public override string ResetLine(EmitContext context, BufferDefinition buffer) =>
        buffer.InitialValue == 0
            ? $"global::System.Array.Clear(_{buffer.Name});"
            : $"global::System.Array.Fill(_{buffer.Name}, {context.Constant(buffer.InitialValue)});";

    public override IEnumerable<string> SaveLines(EmitContext context, BufferDefinition buffer) => [$"state.Write(_{buffer.Name});"];

    public override IEnumerable<string> LoadLines(EmitContext context, BufferDefinition buffer) => [$"state.Read(_{buffer.Name});"];

    public override string Slice(EmitContext context, BufferDefinition buffer) => $"new global::System.Span<{context.T}>(_{buffer.Name}, offset, parameters.Length)";
}

/// <summary>Arrays of the compile-time <c>ParameterCount</c>, made by field initializers.</summary>
internal sealed class FixedArrayStorage : ArrayStorage
{
    public override string Declaration(EmitContext context, BufferDefinition buffer) =>
        $"private readonly {context.T}[] _{buffer.Name} = {NewArray(context, buffer, "ParameterCount")};";
}

/// <summary>Arrays of the size given to the constructor.</summary>
internal sealed class SizedArrayStorage : ArrayStorage
{
    public override string Declaration(EmitContext context, BufferDefinition buffer) => $"private readonly {context.T}[] _{buffer.Name};";

    public override string? ConstructorLine(EmitContext context, BufferDefinition buffer) => $"_{buffer.Name} = {NewArray(context, buffer, "parameterCount")};";
}

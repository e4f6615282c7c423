using System.Collections.Generic;
using System.Linq;
using OptGen.Generator.Rules;

namespace OptGen.Generator.Emit.Storage;

/// <summary>A field per element (<c>_m0</c>, <c>_m1</c>, …): straight-line code, every access a register or one load.</summary>
internal sealed class FieldStorage : StateStorage
{
    public override bool IsUnrolled => true;

    public static string Element(BufferDefinition buffer, int index) => $"_{buffer.Name}{index}";

    public override string Declaration(EmitContext context, BufferDefinition buffer)
    {
        // A struct starts from Reset() in its constructor; a class from its field initializers.
        string initializer = buffer.InitialValue != 0 && !context.IsStruct ? " = " + context.Constant(buffer.InitialValue) : "";
        return $"private {context.T} {string.Join(", ", Elements(context, buffer).Select(field => field + initializer))};";
    }

    public override string ResetLine(EmitContext context, BufferDefinition buffer) =>
        $"{string.Join(" = ", Elements(context, buffer))} = {context.Constant(buffer.InitialValue)};";

    public override IEnumerable<string> SaveLines(EmitContext context, BufferDefinition buffer) =>
        Elements(context, buffer).Select(field => $"state.Write({field});");

    public override IEnumerable<string> LoadLines(EmitContext context, BufferDefinition buffer) =>
        Elements(context, buffer).Select(field => $"{field} = state.Read();");

    public override string Slice(EmitContext context, BufferDefinition buffer) =>
        throw new System.InvalidOperationException("Fields are not sliced: straight-line code addresses each one.");

    private static IEnumerable<string> Elements(EmitContext context, BufferDefinition buffer) =>
        Enumerable.Range(0, context.Spec.ParameterCount).Select(i => Element(buffer, i));
}

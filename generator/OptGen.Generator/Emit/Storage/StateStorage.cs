using System.Collections.Generic;
using OptGen.Generator.Model;
using OptGen.Generator.Rules;

namespace OptGen.Generator.Emit.Storage;

/// <summary>
/// How the per-parameter buffers are stored — a field per element, arrays, or inline arrays — chosen once per
/// optimizer. It owns everything that differs between them: the declaration, the constructor's part, reset,
/// save and load, and how element code reaches a buffer.
/// </summary>
internal abstract class StateStorage
{
    /// <summary>Up to this many parameters, <c>Step</c> is straight-line code with the state in fields.</summary>
    public const int UnrollLimit = 16;

    public static StateStorage For(OptimizerSpec spec) =>
        !spec.HasFixedParameterCount ? new SizedArrayStorage()
        : spec.ParameterCount <= UnrollLimit ? new FieldStorage()
        : spec.Type.IsValueType ? new InlineArrayStorage()
        : new FixedArrayStorage();

    /// <summary>Whether <c>Step</c> is straight-line code over fields (otherwise a loop over spans).</summary>
    public virtual bool IsUnrolled => false;

    /// <summary>The field declaration (without its comment).</summary>
    public abstract string Declaration(EmitContext context, BufferDefinition buffer);

    /// <summary>What the sized constructor does for the buffer, or null.</summary>
    public virtual string? ConstructorLine(EmitContext context, BufferDefinition buffer) => null;

    /// <summary>Back to a new optimizer's value.</summary>
    public abstract string ResetLine(EmitContext context, BufferDefinition buffer);

    public abstract IEnumerable<string> SaveLines(EmitContext context, BufferDefinition buffer);

    public abstract IEnumerable<string> LoadLines(EmitContext context, BufferDefinition buffer);

    /// <summary>The buffer's span from <c>offset</c> for <c>parameters.Length</c> elements (loops only).</summary>
    public abstract string Slice(EmitContext context, BufferDefinition buffer);

    /// <summary>Types the storage needs beside the optimizer's members (none by default).</summary>
    public virtual void WriteTypes(SourceWriter writer, EmitContext context)
    {
    }

    /// <summary>A new array of the buffer's initial value.</summary>
    protected static string NewArray(EmitContext context, BufferDefinition buffer, string length) =>
        buffer.InitialValue == 0
            ? $"new {context.T}[{length}]"
            : $"global::OptGen.CompilerServices.OptimizerBuffer.Create({length}, {context.Constant(buffer.InitialValue)})";
}

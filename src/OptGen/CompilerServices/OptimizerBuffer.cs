using System.ComponentModel;
using System.Numerics;

namespace OptGen.CompilerServices;

/// <summary>Allocation of optimizer state buffers. Used by generated code.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class OptimizerBuffer
{
    /// <summary>A new buffer of <paramref name="length"/> elements, each <paramref name="initialValue"/>.</summary>
    public static T[] Create<T>(int length, T initialValue)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var buffer = new T[length];
        Array.Fill(buffer, initialValue);
        return buffer;
    }
}

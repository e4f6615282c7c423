using System.ComponentModel;
using System.Numerics;

namespace OptGen.CompilerServices;

/// <summary>
/// Moves a <see cref="ParameterSet{T}"/> into and out of one contiguous stack buffer, for the straight-line
/// optimizers (a few parameters, held in fields), whose multi-buffer step is their flat step. Used by generated code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ParameterSetCopy
{
    /// <summary>Copies every buffer's parameters, and its gradients × <paramref name="gradientScale"/>, in state order.</summary>
    public static void Gather<T>(ParameterSet<T> set, Span<T> parameters, Span<T> gradients, T gradientScale)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int k = 0; k < set.Count; k++)
        {
            int offset = set.Offset(k);
            set.Parameters(k).CopyTo(parameters[offset..]);
            ReadOnlySpan<T> source = set.Gradients(k);
            Span<T> target = gradients.Slice(offset, source.Length);
            for (int i = 0; i < source.Length; i++)
            {
                target[i] = source[i] * gradientScale;
            }
        }
    }

    /// <summary>Copies the updated parameters back into every buffer.</summary>
    public static void Scatter<T>(ReadOnlySpan<T> parameters, ParameterSet<T> set)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int k = 0; k < set.Count; k++)
        {
            Span<T> target = set.Parameters(k);
            parameters.Slice(set.Offset(k), target.Length).CopyTo(target);
        }
    }
}

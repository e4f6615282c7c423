using System.Numerics;

namespace OptGen;

/// <summary>
/// TEMPORARY, until the generator emits <c>Step(ParameterSet&lt;T&gt;)</c> and <c>Step(…, T gradientScale)</c> on every
/// optimizer (the instance methods then take precedence, and this file is deleted): the same semantics by gathering
/// the buffers into flat arrays, stepping, and scattering back.
/// </summary>
public static class PendingMultiBufferStep
{
    /// <summary>Steps every buffer of <paramref name="set"/>.</summary>
    public static void Step<T>(this IOptimizer<T> optimizer, ParameterSet<T> set)
        where T : unmanaged, IFloatingPointIeee754<T> => optimizer.Step(set, T.One);

    /// <summary>Steps every buffer of <paramref name="set"/>, each gradient × <paramref name="gradientScale"/>.</summary>
    public static void Step<T>(this IOptimizer<T> optimizer, ParameterSet<T> set, T gradientScale)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var parameters = new T[set.TotalLength];
        var gradients = new T[set.TotalLength];
        var mask = new bool[set.TotalLength];
        for (int k = 0; k < set.Count; k++)
        {
            set.Parameters(k).CopyTo(parameters.AsSpan(set.Offset(k)));
            ReadOnlySpan<T> g = set.Gradients(k);
            for (int i = 0; i < g.Length; i++)
            {
                gradients[set.Offset(k) + i] = g[i] * gradientScale;
                mask[set.Offset(k) + i] = true;
            }
        }

        if (Array.IndexOf(mask, false) >= 0)
        {
            throw new NotSupportedException("The stand-in multi-buffer step cannot skip buffers.");
        }

        optimizer.Step(parameters, gradients);
        for (int k = 0; k < set.Count; k++)
        {
            parameters.AsSpan(set.Offset(k), set.Parameters(k).Length).CopyTo(set.Parameters(k));
        }
    }
}

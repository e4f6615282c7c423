using System.Numerics;
using System.Runtime.InteropServices;

namespace OptGen.Training;

/// <summary>The trainers' non-finite guard: one vectorized pass, allocating nothing.</summary>
internal static class FiniteCheck
{
    /// <summary>Whether every value is finite.</summary>
    public static bool All<T>(ReadOnlySpan<T> values)
        where T : unmanaged, IFloatingPointIeee754<T> => IndexOfNonFinite(values) < 0;

    /// <summary>The index of the first value that is NaN or infinite, or −1.</summary>
    public static int IndexOfNonFinite<T>(ReadOnlySpan<T> values)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated && Vector<T>.IsSupported && values.Length >= Vector<T>.Count)
        {
            // x − x is 0 for a finite x and NaN for ±∞ and NaN, and a NaN survives any sum: so one running sum
            // per lane tells whether a block holds a non-finite value, without a branch per element. The scalar
            // search below then finds which.
            ReadOnlySpan<Vector<T>> vectors = MemoryMarshal.Cast<T, Vector<T>>(values);
            const int Block = 1024; // vectors per early-exit test: stop soon after a failure in a huge span
            for (int start = 0; start < vectors.Length; start += Block)
            {
                Vector<T> sum = Vector<T>.Zero;
                int end = Math.Min(start + Block, vectors.Length);
                for (int v = start; v < end; v++)
                {
                    sum += vectors[v] - vectors[v];
                }

                if (!Vector.EqualsAll(sum, Vector<T>.Zero))
                {
                    return Scalar(values.Slice(start * Vector<T>.Count, (end - start) * Vector<T>.Count), start * Vector<T>.Count);
                }
            }

            i = vectors.Length * Vector<T>.Count;
        }

        return Scalar(values[i..], i);
    }

    private static int Scalar<T>(ReadOnlySpan<T> values, int offset)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!T.IsFinite(values[i]))
            {
                return offset + i;
            }
        }

        return -1;
    }
}

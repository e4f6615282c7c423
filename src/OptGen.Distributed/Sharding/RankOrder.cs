using System.Numerics;
using System.Runtime.Intrinsics;

namespace OptGen.Distributed.Sharding;

/// <summary>
/// The arithmetic of a data-parallel step, in one fixed order that does not depend on the MPI library, the number
/// of processes playing the ranks or the processor's vector width. The MPI ranks and the single-process
/// simulation both call these, so they compute the same bits.
/// </summary>
/// <remarks>
/// MPI's own reductions add in an order of the implementation's choosing (measured: at 4 ranks, hundreds of a
/// million floats differ between Open MPI, MPICH and a rank-ordered sum), so the sums here are built from data
/// movement (all-to-all, all-gather) and added in rank order: ((g₀ + g₁) + g₂) + ….
/// </remarks>
public static class RankOrder
{
    /// <summary>
    /// Writes to <paramref name="destination"/> the element-wise sum of the pieces in <paramref name="pieces"/>
    /// (rank 0's first, each <paramref name="destination"/>'s length), added in rank order.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="pieces"/> is not a whole number of pieces, or holds none.</exception>
    public static void Sum<T>(ReadOnlySpan<T> pieces, Span<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int length = destination.Length;
        if (length == 0 ? !pieces.IsEmpty : pieces.Length == 0 || pieces.Length % length != 0)
        {
            throw new ArgumentException($"{pieces.Length} elements are not a whole, positive number of pieces of {length}.", nameof(pieces));
        }

        if (length == 0)
        {
            return;
        }

        pieces[..length].CopyTo(destination);
        for (int start = length; start < pieces.Length; start += length)
        {
            // Element-wise IEEE additions: vectorising them changes no bit.
            ReadOnlySpan<T> piece = pieces.Slice(start, length);
            int i = 0;
            if (Vector.IsHardwareAccelerated)
            {
                for (; i <= length - Vector<T>.Count; i += Vector<T>.Count)
                {
                    (new Vector<T>(destination[i..]) + new Vector<T>(piece[i..])).CopyTo(destination[i..]);
                }
            }

            for (; i < length; i++)
            {
                destination[i] += piece[i];
            }
        }
    }

    /// <summary>The sum of <paramref name="values"/> taken in order (rank 0's value first).</summary>
    public static T Sum<T>(ReadOnlySpan<T> values)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T sum = T.Zero;
        foreach (T value in values)
        {
            sum += value;
        }

        return sum;
    }

    /// <summary>
    /// Σ (scale·xᵢ)² in the element type: the squared norm of the gradient the optimizer will read. Four
    /// 128-bit lanes accumulate side by side and are combined in a fixed order, so every processor gets the same bits.
    /// </summary>
    public static T SquaredNorm<T>(ReadOnlySpan<T> values, T scale)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var lanes = Vector128<T>.Zero;
        var scales = Vector128.Create(scale);
        int i = 0;
        for (; i <= values.Length - Vector128<T>.Count; i += Vector128<T>.Count)
        {
            Vector128<T> scaled = Vector128.Create(values.Slice(i, Vector128<T>.Count)) * scales;
            lanes += scaled * scaled;
        }

        T sum = T.Zero;
        for (int lane = 0; lane < Vector128<T>.Count; lane++)
        {
            sum += lanes[lane];
        }

        for (; i < values.Length; i++)
        {
            T scaled = values[i] * scale;
            sum += scaled * scaled;
        }

        return sum;
    }
}

using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace OptGen.Models;

/// <summary>
/// The three matrix products of a dense layer over a block of rows, with the layer's weights W as torch's
/// <c>nn.Linear</c> keeps them: out × in, row-major. Every matrix here is row-major with rows contiguous.
/// </summary>
/// <remarks>
/// <para>
/// Each product is computed in register tiles: a tile of 4 × 2 results is held in eight vector accumulators while
/// the shared dimension streams past, so every value loaded from memory feeds two to four fused multiply-adds
/// (a dot product at a time, as <see cref="TensorPrimitives"/> computes it, loads two values per multiply-add).
/// Rows, outputs and columns that do not fill a tile are computed one at a time, in the same order of operations:
/// every result has the same bits wherever its row falls in a block, so the block size never changes a gradient.
/// </para>
/// <para>
/// Pure managed code: a BLAS's packed GEMM is still faster on large products (docs/fashion.md), but would make the
/// runtime depend on a native library. Every result is a fixed sum in a fixed order: the same inputs give the same
/// bits on every run.
/// </para>
/// </remarks>
internal static class DenseKernels
{
    private const int TileRows = 4;

    /// <summary>Z = X·Wᵀ + b: for each of <paramref name="rows"/> rows, z[o] = b[o] + W[o,:]·x.</summary>
    public static void Forward<T>(ReadOnlySpan<T> input, ReadOnlySpan<T> weights, ReadOnlySpan<T> biases, Span<T> output, int rows)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int fanOut = biases.Length, fanIn = weights.Length / fanOut;
        Span<T> sums = stackalloc T[2 * TileRows]; // row i, output j at 2·i + j
        int r = 0;
        for (; r <= rows - TileRows; r += TileRows)
        {
            int o = 0;
            for (; o <= fanOut - 2; o += 2)
            {
                ForwardTile(input.Slice(r * fanIn, TileRows * fanIn), weights.Slice(o * fanIn, 2 * fanIn), fanIn, sums);
                for (int i = 0; i < TileRows; i++)
                {
                    output[(r + i) * fanOut + o] = biases[o] + sums[2 * i];
                    output[(r + i) * fanOut + o + 1] = biases[o + 1] + sums[2 * i + 1];
                }
            }

            for (; o < fanOut; o++)
            {
                for (int i = 0; i < TileRows; i++)
                {
                    output[(r + i) * fanOut + o] = biases[o] + Dot(input.Slice((r + i) * fanIn, fanIn), weights.Slice(o * fanIn, fanIn));
                }
            }
        }

        for (; r < rows; r++)
        {
            ReadOnlySpan<T> x = input.Slice(r * fanIn, fanIn);
            for (int o = 0; o < fanOut; o++)
            {
                output[r * fanOut + o] = biases[o] + Dot(x, weights.Slice(o * fanIn, fanIn));
            }
        }
    }

    /// <summary>∂W += Δᵀ·X and ∂b += Σ rows of Δ, where Δ is the layer's error signal ∂L/∂Z.</summary>
    public static void AddGradient<T>(ReadOnlySpan<T> delta, ReadOnlySpan<T> input, Span<T> weightGradient, Span<T> biasGradient, int rows)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int fanOut = biasGradient.Length, fanIn = weightGradient.Length / fanOut;
        int columns = fanIn - fanIn % (2 * Vector<T>.Count);
        int o = 0;
        for (; o <= fanOut - TileRows; o += TileRows)
        {
            // Four rows of ∂W, two vectors of columns at a time: each input vector feeds four multiply-adds.
            for (int c = 0; c < columns; c += 2 * Vector<T>.Count)
            {
                AddGradientTile(delta, input, weightGradient, fanOut, fanIn, o, c, rows);
            }

            for (int k = 0; k < TileRows; k++)
            {
                AddGradientColumns(delta, input, weightGradient.Slice((o + k) * fanIn, fanIn), fanOut, fanIn, o + k, columns, rows);
            }
        }

        for (; o < fanOut; o++)
        {
            AddGradientColumns(delta, input, weightGradient.Slice(o * fanIn, fanIn), fanOut, fanIn, o, 0, rows);
        }

        for (int r = 0; r < rows; r++)
        {
            TensorPrimitives.Add(biasGradient, delta.Slice(r * fanOut, fanOut), biasGradient);
        }
    }

    /// <summary>∂L/∂X = Δ·W: for each row, the sum over outputs o of Δ[o]·W[o,:].</summary>
    public static void Backpropagate<T>(ReadOnlySpan<T> delta, ReadOnlySpan<T> weights, Span<T> inputDelta, int rows, int fanOut)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int fanIn = weights.Length / fanOut;
        int columns = fanIn - fanIn % (2 * Vector<T>.Count);
        int r = 0;
        for (; r <= rows - TileRows; r += TileRows)
        {
            // Four rows of ∂X, two vectors of columns at a time: each weight vector feeds four multiply-adds.
            for (int c = 0; c < columns; c += 2 * Vector<T>.Count)
            {
                BackpropagateTile(delta, weights, inputDelta, fanOut, fanIn, r, c);
            }

            for (int k = 0; k < TileRows; k++)
            {
                BackpropagateColumns(delta.Slice((r + k) * fanOut, fanOut), weights, inputDelta.Slice((r + k) * fanIn, fanIn), fanIn, columns);
            }
        }

        for (; r < rows; r++)
        {
            BackpropagateColumns(delta.Slice(r * fanOut, fanOut), weights, inputDelta.Slice(r * fanIn, fanIn), fanIn, 0);
        }
    }

    /// <summary>The 4 × 2 dot products of four rows of X with two rows of W.</summary>
    private static void ForwardTile<T>(ReadOnlySpan<T> inputRows, ReadOnlySpan<T> weightRows, int fanIn, Span<T> sums)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ref T x = ref MemoryMarshal.GetReference(inputRows);
        ref T w = ref MemoryMarshal.GetReference(weightRows);
        Vector<T> s00 = Vector<T>.Zero, s01 = Vector<T>.Zero, s10 = Vector<T>.Zero, s11 = Vector<T>.Zero;
        Vector<T> s20 = Vector<T>.Zero, s21 = Vector<T>.Zero, s30 = Vector<T>.Zero, s31 = Vector<T>.Zero;
        int k = 0;
        for (; k <= fanIn - Vector<T>.Count; k += Vector<T>.Count)
        {
            Vector<T> w0 = Vector.LoadUnsafe(ref w, (nuint)k), w1 = Vector.LoadUnsafe(ref w, (nuint)(fanIn + k));
            Vector<T> x0 = Vector.LoadUnsafe(ref x, (nuint)k);
            s00 = MultiplyAdd(x0, w0, s00);
            s01 = MultiplyAdd(x0, w1, s01);
            Vector<T> x1 = Vector.LoadUnsafe(ref x, (nuint)(fanIn + k));
            s10 = MultiplyAdd(x1, w0, s10);
            s11 = MultiplyAdd(x1, w1, s11);
            Vector<T> x2 = Vector.LoadUnsafe(ref x, (nuint)(2 * fanIn + k));
            s20 = MultiplyAdd(x2, w0, s20);
            s21 = MultiplyAdd(x2, w1, s21);
            Vector<T> x3 = Vector.LoadUnsafe(ref x, (nuint)(3 * fanIn + k));
            s30 = MultiplyAdd(x3, w0, s30);
            s31 = MultiplyAdd(x3, w1, s31);
        }

        sums[0] = Vector.Sum(s00);
        sums[1] = Vector.Sum(s01);
        sums[2] = Vector.Sum(s10);
        sums[3] = Vector.Sum(s11);
        sums[4] = Vector.Sum(s20);
        sums[5] = Vector.Sum(s21);
        sums[6] = Vector.Sum(s30);
        sums[7] = Vector.Sum(s31);
        for (; k < fanIn; k++)
        {
            for (int i = 0; i < TileRows; i++)
            {
                T xi = inputRows[i * fanIn + k];
                sums[2 * i] = T.FusedMultiplyAdd(xi, weightRows[k], sums[2 * i]);
                sums[2 * i + 1] = T.FusedMultiplyAdd(xi, weightRows[fanIn + k], sums[2 * i + 1]);
            }
        }
    }

    /// <summary>x·w, summed exactly as <see cref="ForwardTile"/> sums each of its eight products.</summary>
    private static T Dot<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> w)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Vector<T> lanes = Vector<T>.Zero;
        int k = 0;
        for (; k <= x.Length - Vector<T>.Count; k += Vector<T>.Count)
        {
            lanes = MultiplyAdd(new Vector<T>(x[k..]), new Vector<T>(w[k..]), lanes);
        }

        T sum = Vector.Sum(lanes);
        for (; k < x.Length; k++)
        {
            sum = T.FusedMultiplyAdd(x[k], w[k], sum);
        }

        return sum;
    }

    /// <summary>∂W[o..o+3, c..c+2V) += Σ_r Δ[r, o+k]·X[r, c..c+2V).</summary>
    private static void AddGradientTile<T>(ReadOnlySpan<T> delta, ReadOnlySpan<T> input, Span<T> weightGradient, int fanOut, int fanIn, int o, int c, int rows)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int v = Vector<T>.Count;
        ref T g = ref MemoryMarshal.GetReference(weightGradient);
        ref T x = ref MemoryMarshal.GetReference(input);
        nuint row0 = (nuint)(o * fanIn + c), row1 = row0 + (nuint)fanIn, row2 = row1 + (nuint)fanIn, row3 = row2 + (nuint)fanIn;
        Vector<T> a00 = Vector.LoadUnsafe(ref g, row0), a01 = Vector.LoadUnsafe(ref g, row0 + (nuint)v);
        Vector<T> a10 = Vector.LoadUnsafe(ref g, row1), a11 = Vector.LoadUnsafe(ref g, row1 + (nuint)v);
        Vector<T> a20 = Vector.LoadUnsafe(ref g, row2), a21 = Vector.LoadUnsafe(ref g, row2 + (nuint)v);
        Vector<T> a30 = Vector.LoadUnsafe(ref g, row3), a31 = Vector.LoadUnsafe(ref g, row3 + (nuint)v);
        for (int r = 0; r < rows; r++)
        {
            ReadOnlySpan<T> d = delta.Slice(r * fanOut + o, TileRows);
            Vector<T> x0 = Vector.LoadUnsafe(ref x, (nuint)(r * fanIn + c)), x1 = Vector.LoadUnsafe(ref x, (nuint)(r * fanIn + c + v));
            var d0 = new Vector<T>(d[0]);
            a00 = MultiplyAdd(d0, x0, a00);
            a01 = MultiplyAdd(d0, x1, a01);
            var d1 = new Vector<T>(d[1]);
            a10 = MultiplyAdd(d1, x0, a10);
            a11 = MultiplyAdd(d1, x1, a11);
            var d2 = new Vector<T>(d[2]);
            a20 = MultiplyAdd(d2, x0, a20);
            a21 = MultiplyAdd(d2, x1, a21);
            var d3 = new Vector<T>(d[3]);
            a30 = MultiplyAdd(d3, x0, a30);
            a31 = MultiplyAdd(d3, x1, a31);
        }

        a00.StoreUnsafe(ref g, row0);
        a01.StoreUnsafe(ref g, row0 + (nuint)v);
        a10.StoreUnsafe(ref g, row1);
        a11.StoreUnsafe(ref g, row1 + (nuint)v);
        a20.StoreUnsafe(ref g, row2);
        a21.StoreUnsafe(ref g, row2 + (nuint)v);
        a30.StoreUnsafe(ref g, row3);
        a31.StoreUnsafe(ref g, row3 + (nuint)v);
    }

    /// <summary>Row <paramref name="o"/> of ∂W from column <paramref name="first"/> on, one column at a time.</summary>
    private static void AddGradientColumns<T>(ReadOnlySpan<T> delta, ReadOnlySpan<T> input, Span<T> weightGradientRow, int fanOut, int fanIn, int o, int first, int rows)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int c = first; c < fanIn; c++)
        {
            T sum = weightGradientRow[c];
            for (int r = 0; r < rows; r++)
            {
                sum = T.FusedMultiplyAdd(delta[r * fanOut + o], input[r * fanIn + c], sum);
            }

            weightGradientRow[c] = sum;
        }
    }

    /// <summary>∂X[r..r+3, c..c+2V) = Σ_o Δ[r+k, o]·W[o, c..c+2V).</summary>
    private static void BackpropagateTile<T>(ReadOnlySpan<T> delta, ReadOnlySpan<T> weights, Span<T> inputDelta, int fanOut, int fanIn, int r, int c)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int v = Vector<T>.Count;
        ref T w = ref MemoryMarshal.GetReference(weights);
        Vector<T> a00 = Vector<T>.Zero, a01 = Vector<T>.Zero, a10 = Vector<T>.Zero, a11 = Vector<T>.Zero;
        Vector<T> a20 = Vector<T>.Zero, a21 = Vector<T>.Zero, a30 = Vector<T>.Zero, a31 = Vector<T>.Zero;
        ReadOnlySpan<T> d0 = delta.Slice(r * fanOut, fanOut), d1 = delta.Slice((r + 1) * fanOut, fanOut);
        ReadOnlySpan<T> d2 = delta.Slice((r + 2) * fanOut, fanOut), d3 = delta.Slice((r + 3) * fanOut, fanOut);
        for (int o = 0; o < fanOut; o++)
        {
            Vector<T> w0 = Vector.LoadUnsafe(ref w, (nuint)(o * fanIn + c)), w1 = Vector.LoadUnsafe(ref w, (nuint)(o * fanIn + c + v));
            var b0 = new Vector<T>(d0[o]);
            a00 = MultiplyAdd(b0, w0, a00);
            a01 = MultiplyAdd(b0, w1, a01);
            var b1 = new Vector<T>(d1[o]);
            a10 = MultiplyAdd(b1, w0, a10);
            a11 = MultiplyAdd(b1, w1, a11);
            var b2 = new Vector<T>(d2[o]);
            a20 = MultiplyAdd(b2, w0, a20);
            a21 = MultiplyAdd(b2, w1, a21);
            var b3 = new Vector<T>(d3[o]);
            a30 = MultiplyAdd(b3, w0, a30);
            a31 = MultiplyAdd(b3, w1, a31);
        }

        ref T dx = ref MemoryMarshal.GetReference(inputDelta);
        nuint row0 = (nuint)(r * fanIn + c), row1 = row0 + (nuint)fanIn, row2 = row1 + (nuint)fanIn, row3 = row2 + (nuint)fanIn;
        a00.StoreUnsafe(ref dx, row0);
        a01.StoreUnsafe(ref dx, row0 + (nuint)v);
        a10.StoreUnsafe(ref dx, row1);
        a11.StoreUnsafe(ref dx, row1 + (nuint)v);
        a20.StoreUnsafe(ref dx, row2);
        a21.StoreUnsafe(ref dx, row2 + (nuint)v);
        a30.StoreUnsafe(ref dx, row3);
        a31.StoreUnsafe(ref dx, row3 + (nuint)v);
    }

    /// <summary>One row of ∂X from column <paramref name="first"/> on, one column at a time.</summary>
    private static void BackpropagateColumns<T>(ReadOnlySpan<T> deltaRow, ReadOnlySpan<T> weights, Span<T> inputDeltaRow, int fanIn, int first)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int c = first; c < fanIn; c++)
        {
            T sum = T.Zero;
            for (int o = 0; o < deltaRow.Length; o++)
            {
                sum = T.FusedMultiplyAdd(deltaRow[o], weights[o * fanIn + c], sum);
            }

            inputDeltaRow[c] = sum;
        }
    }

    /// <summary>a·b + c with one rounding, on the hardware's fused multiply-add where it has one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<T> MultiplyAdd<T>(Vector<T> a, Vector<T> b, Vector<T> c)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float))
        {
            return Vector.As<float, T>(Vector.FusedMultiplyAdd(Vector.As<T, float>(a), Vector.As<T, float>(b), Vector.As<T, float>(c)));
        }

        if (typeof(T) == typeof(double))
        {
            return Vector.As<double, T>(Vector.FusedMultiplyAdd(Vector.As<T, double>(a), Vector.As<T, double>(b), Vector.As<T, double>(c)));
        }

        return a * b + c;
    }
}

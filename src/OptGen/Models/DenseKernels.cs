using System.Numerics;
using System.Numerics.Tensors;

namespace OptGen.Models;

/// <summary>
/// The three matrix products of a dense layer over a block of rows, written with <see cref="TensorPrimitives"/>
/// (vectorized dot products and a·x + y), with the layer's weights W as torch's <c>nn.Linear</c> keeps them:
/// out × in, row-major. Every matrix here is row-major with rows contiguous.
/// </summary>
/// <remarks>
/// A BLAS's blocked GEMM is 3–4× faster on these shapes (measured: docs/fashion.md); this keeps the runtime free of
/// native dependencies. Zeros in an error signal (a ReLU that was off) are skipped, which is exact for finite inputs.
/// </remarks>
internal static class DenseKernels
{
    /// <summary>Z = X·Wᵀ + b: for each of <paramref name="rows"/> rows, z[o] = b[o] + W[o,:]·x.</summary>
    public static void Forward<T>(ReadOnlySpan<T> input, ReadOnlySpan<T> weights, ReadOnlySpan<T> biases, Span<T> output, int rows)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int fanOut = biases.Length, fanIn = weights.Length / fanOut;
        for (int r = 0; r < rows; r++)
        {
            ReadOnlySpan<T> x = input.Slice(r * fanIn, fanIn);
            Span<T> z = output.Slice(r * fanOut, fanOut);
            for (int o = 0; o < fanOut; o++)
            {
                z[o] = biases[o] + TensorPrimitives.Dot(weights.Slice(o * fanIn, fanIn), x);
            }
        }
    }

    /// <summary>∂W += Δᵀ·X and ∂b += Σ rows of Δ, where Δ is the layer's error signal ∂L/∂Z.</summary>
    public static void AddGradient<T>(ReadOnlySpan<T> delta, ReadOnlySpan<T> input, Span<T> weightGradient, Span<T> biasGradient, int rows)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int fanOut = biasGradient.Length, fanIn = weightGradient.Length / fanOut;
        for (int o = 0; o < fanOut; o++)
        {
            // Row o of ∂W stays in cache while the block's inputs stream past it.
            Span<T> row = weightGradient.Slice(o * fanIn, fanIn);
            T bias = T.Zero;
            for (int r = 0; r < rows; r++)
            {
                T d = delta[r * fanOut + o];
                if (d != T.Zero)
                {
                    TensorPrimitives.MultiplyAdd(input.Slice(r * fanIn, fanIn), d, row, row);
                    bias += d;
                }
            }

            biasGradient[o] += bias;
        }
    }

    /// <summary>∂L/∂X = Δ·W: for each row, the sum over outputs o of Δ[o]·W[o,:].</summary>
    public static void Backpropagate<T>(ReadOnlySpan<T> delta, ReadOnlySpan<T> weights, Span<T> inputDelta, int rows, int fanOut)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int fanIn = weights.Length / fanOut;
        for (int r = 0; r < rows; r++)
        {
            Span<T> dx = inputDelta.Slice(r * fanIn, fanIn);
            dx.Clear();
            ReadOnlySpan<T> d = delta.Slice(r * fanOut, fanOut);
            for (int o = 0; o < fanOut; o++)
            {
                if (d[o] != T.Zero)
                {
                    TensorPrimitives.MultiplyAdd(weights.Slice(o * fanIn, fanIn), d[o], dx, dx);
                }
            }
        }
    }
}

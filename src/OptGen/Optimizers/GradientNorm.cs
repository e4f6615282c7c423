using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace OptGen;

/// <summary>
/// The L2 norm of gradients spread over any number of spans, and the clip coefficient of
/// <c>torch.nn.utils.clip_grad_norm_</c> — so one global norm can scale several optimizers (parameter groups, the
/// shards of a distributed run) through their <c>Step(…, gradientScale)</c>, with no extra pass that writes the
/// gradients. A mutable struct: keep it in a local and <see cref="Add(ReadOnlySpan{T}, T)"/> each span. Allocates nothing.
/// </summary>
/// <remarks>
/// Squares are summed in double, element i of the whole sequence into accumulator i mod 4, whatever the spans'
/// lengths and whatever vector width the machine has: the same gradients give the same norm, bit for bit, in one
/// span or in many, on any machine.
/// </remarks>
/// <typeparam name="T">The element type: <see cref="float"/> or <see cref="double"/>.</typeparam>
public struct GradientNorm<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private Vector256<double> _sums;
    private long _count;

    /// <summary>The number of gradients added.</summary>
    public readonly long Count => _count;

    /// <summary>‖g‖₂ of everything added.</summary>
    public readonly double Norm => Math.Sqrt((_sums.GetElement(0) + _sums.GetElement(1)) + (_sums.GetElement(2) + _sums.GetElement(3)));

    /// <summary>Adds <paramref name="gradients"/>.</summary>
    public void Add(ReadOnlySpan<T> gradients) => Add(gradients, T.One);

    /// <summary>Adds <paramref name="gradients"/>, each multiplied by <paramref name="scale"/> (in <typeparamref name="T"/>) first.</summary>
    public void Add(ReadOnlySpan<T> gradients, T scale)
    {
        int i = 0;
        // Scalar until the next element belongs to accumulator 0, then four at a time, then the rest.
        for (; i < gradients.Length && (_count + i) % 4 != 0; i++)
        {
            AddOne(gradients[i] * scale, (int)((_count + i) % 4));
        }

        ref T start = ref MemoryMarshal.GetReference(gradients);
        if (typeof(T) == typeof(float) && Vector256.IsHardwareAccelerated)
        {
            Vector256<float> s = Vector256.Create(float.CreateTruncating(scale));
            for (; i <= gradients.Length - 8; i += 8)
            {
                Vector256<float> x = Vector256.LoadUnsafe(ref Unsafe.As<T, float>(ref start), (nuint)i) * s;
                (Vector256<double> lower, Vector256<double> upper) = Vector256.Widen(x);
                _sums += lower * lower;
                _sums += upper * upper;
            }
        }
        else if (typeof(T) == typeof(double) && Vector256.IsHardwareAccelerated)
        {
            Vector256<double> s = Vector256.Create(double.CreateTruncating(scale));
            for (; i <= gradients.Length - 4; i += 4)
            {
                Vector256<double> x = Vector256.LoadUnsafe(ref Unsafe.As<T, double>(ref start), (nuint)i) * s;
                _sums += x * x;
            }
        }

        for (; i < gradients.Length; i++)
        {
            AddOne(gradients[i] * scale, (int)((_count + i) % 4));
        }

        _count += gradients.Length;
    }

    /// <summary>
    /// torch's clip coefficient for <paramref name="maxNorm"/>: min(1, c / (‖g‖₂ + 1e-6)), computed in
    /// <typeparamref name="T"/> as torch computes it on a tensor of that type. Multiply the gradients by it
    /// (as <c>gradientScale</c>) to clip them.
    /// </summary>
    public readonly T ClipCoefficient(double maxNorm)
    {
        T coefficient = T.CreateTruncating(maxNorm) / (T.CreateTruncating(Norm) + T.CreateTruncating(1e-6));
        return coefficient > T.One ? T.One : coefficient;
    }

    private void AddOne(T value, int lane)
    {
        double x = double.CreateTruncating(value);
        _sums = _sums.WithElement(lane, _sums.GetElement(lane) + x * x);
    }
}

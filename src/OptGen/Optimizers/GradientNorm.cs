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
/// Squares are summed in double, element i of the whole sequence into accumulator i mod 16, whatever the spans'
/// lengths and whatever vector width the machine has: the same gradients give the same norm, bit for bit, in one
/// span or in many, on any machine.
/// </remarks>
/// <typeparam name="T">The element type: <see cref="float"/> or <see cref="double"/>.</typeparam>
public struct GradientNorm<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Element i of the whole sequence is summed into lane i mod 16: four independent vector accumulators.</summary>
    private const int Lanes = 16;

    private Vector256<double> _lanes0, _lanes1, _lanes2, _lanes3;
    private long _count;

    /// <summary>The number of gradients added.</summary>
    public readonly long Count => _count;

    /// <summary>‖g‖₂ of everything added.</summary>
    public readonly double Norm
    {
        get
        {
            Vector256<double> sum = (_lanes0 + _lanes1) + (_lanes2 + _lanes3);
            return Math.Sqrt((sum.GetElement(0) + sum.GetElement(1)) + (sum.GetElement(2) + sum.GetElement(3)));
        }
    }

    /// <summary>Adds <paramref name="gradients"/>.</summary>
    public void Add(ReadOnlySpan<T> gradients) => Add(gradients, T.One);

    /// <summary>Adds <paramref name="gradients"/>, each multiplied by <paramref name="scale"/> (in <typeparamref name="T"/>) first.</summary>
    public void Add(ReadOnlySpan<T> gradients, T scale)
    {
        // One at a time until the next element belongs to lane 0, then sixteen at a time, then the rest.
        int i = 0;
        for (; i < gradients.Length && (_count + i) % Lanes != 0; i++)
        {
            AddOne(gradients[i] * scale, (int)((_count + i) % Lanes));
        }

        // The accumulators live in locals while the loop runs: fields of a struct would be stored every iteration,
        // and locals whose address is taken (passed by ref) would be too, each add then waiting for the store.
        Vector256<double> a0 = _lanes0, a1 = _lanes1, a2 = _lanes2, a3 = _lanes3;
        ref T start = ref MemoryMarshal.GetReference(gradients);
        if (typeof(T) == typeof(float) && Vector256.IsHardwareAccelerated)
        {
            Vector256<float> s = Vector256.Create(float.CreateTruncating(scale));
            for (; i <= gradients.Length - Lanes; i += Lanes)
            {
                (Vector256<double> l0, Vector256<double> l1) = Vector256.Widen(Vector256.LoadUnsafe(ref Unsafe.As<T, float>(ref start), (nuint)i) * s);
                (Vector256<double> l2, Vector256<double> l3) = Vector256.Widen(Vector256.LoadUnsafe(ref Unsafe.As<T, float>(ref start), (nuint)(i + 8)) * s);
                a0 += l0 * l0;
                a1 += l1 * l1;
                a2 += l2 * l2;
                a3 += l3 * l3;
            }
        }
        else if (typeof(T) == typeof(double) && Vector256.IsHardwareAccelerated)
        {
            Vector256<double> s = Vector256.Create(double.CreateTruncating(scale));
            ref double first = ref Unsafe.As<T, double>(ref start);
            for (; i <= gradients.Length - Lanes; i += Lanes)
            {
                Vector256<double> x0 = Vector256.LoadUnsafe(ref first, (nuint)i) * s;
                Vector256<double> x1 = Vector256.LoadUnsafe(ref first, (nuint)(i + 4)) * s;
                Vector256<double> x2 = Vector256.LoadUnsafe(ref first, (nuint)(i + 8)) * s;
                Vector256<double> x3 = Vector256.LoadUnsafe(ref first, (nuint)(i + 12)) * s;
                a0 += x0 * x0;
                a1 += x1 * x1;
                a2 += x2 * x2;
                a3 += x3 * x3;
            }
        }

        (_lanes0, _lanes1, _lanes2, _lanes3) = (a0, a1, a2, a3);
        for (; i < gradients.Length; i++)
        {
            AddOne(gradients[i] * scale, (int)((_count + i) % Lanes));
        }

        _count += gradients.Length;
    }

    /// <summary>
    /// torch's clip coefficient for <paramref name="maxNorm"/>: min(1, c / (‖g‖₂ + 1e-6)), computed in
    /// <typeparamref name="T"/> as torch computes it on a tensor of that type. Multiply the gradients by it
    /// (as <c>gradientScale</c>) to clip them.
    /// </summary>
    public readonly T ClipCoefficient(double maxNorm) => GradientNorm.ClipCoefficient(T.CreateTruncating(Norm), maxNorm);

    /// <summary>Adds x² to lane <paramref name="lane"/> (0–15), exactly as the vector loop would.</summary>
    private void AddOne(T value, int lane)
    {
        double x = double.CreateTruncating(value);
        ref Vector256<double> lanes = ref lane < 4 ? ref _lanes0 : ref lane < 8 ? ref _lanes1 : ref lane < 12 ? ref _lanes2 : ref _lanes3;
        lanes = lanes.WithElement(lane % 4, lanes.GetElement(lane % 4) + x * x);
    }
}

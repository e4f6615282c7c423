using OptGen.CompilerServices;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace OptGen.Benchmarks.Large;

/// <summary>
/// The memory-bandwidth floor of an optimizer step: it reads and writes exactly the bytes the step must move —
/// reads p, g and every state array, writes p and every state array (Adam float: 4 + 4 + 2·4 read, 4 + 2·4
/// written = 28 bytes per parameter) — in one pass at the widest vector width, loading every stream before storing
/// (as the generated loop does), with no floating-point arithmetic (one XOR per vector, so that every store depends
/// on its loads and none can be elided). No optimizer step that
/// makes one pass over the same memory can be faster; each step benchmark is reported as a fraction of it.
/// </summary>
public sealed class BandwidthFloor<T> : IRangeStep<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[][] _states;
    private readonly int _count;

    public BandwidthFloor(int count, int stateArrays)
    {
        _count = count;
        _states = new T[stateArrays][];
        for (int s = 0; s < stateArrays; s++)
        {
            _states[s] = new T[count];
        }
    }

    /// <summary>Bytes moved per parameter: p and g read, p written, each state array read and written.</summary>
    public int BytesPerParameter => System.Runtime.CompilerServices.Unsafe.SizeOf<T>() * (3 + 2 * _states.Length);

    public void Run(Span<T> p, ReadOnlySpan<T> g) => StepRange(p, g, 0, _count);

    public void StepRange(Span<T> p, ReadOnlySpan<T> g, int start, int end)
    {
        switch (_states.Length)
        {
            case 0: Stream0(p, g, start, end); break;
            case 1: Stream1(p, g, _states[0], start, end); break;
            case 2: Stream2(p, g, _states[0], _states[1], start, end); break;
            default: throw new NotSupportedException("At most two state arrays.");
        }
    }

    private static void Stream0(Span<T> p, ReadOnlySpan<T> g, int start, int end)
    {
        ref T pr = ref MemoryMarshal.GetReference(p);
        ref T gr = ref MemoryMarshal.GetReference(g);
        int i = start;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i <= end - Vector512<T>.Count; i += Vector512<T>.Count)
            {
                var vg = Vector512.LoadUnsafe(ref gr, (nuint)i);
                Vector512.StoreUnsafe(Vector512.LoadUnsafe(ref pr, (nuint)i) ^ vg, ref pr, (nuint)i);
            }
        }
        else
        {
            for (; i <= end - Vector256<T>.Count; i += Vector256<T>.Count)
            {
                var vg = Vector256.LoadUnsafe(ref gr, (nuint)i);
                Vector256.StoreUnsafe(Vector256.LoadUnsafe(ref pr, (nuint)i) ^ vg, ref pr, (nuint)i);
            }
        }

        for (; i < end; i++)
        {
            p[i] = Xor(p[i], g[i]);
        }
    }

    private static void Stream1(Span<T> p, ReadOnlySpan<T> g, T[] s, int start, int end)
    {
        ref T pr = ref MemoryMarshal.GetReference(p);
        ref T gr = ref MemoryMarshal.GetReference(g);
        ref T sr = ref MemoryMarshal.GetArrayDataReference(s);
        int i = start;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i <= end - Vector512<T>.Count; i += Vector512<T>.Count)
            {
                var vp = Vector512.LoadUnsafe(ref pr, (nuint)i);
                var vg = Vector512.LoadUnsafe(ref gr, (nuint)i);
                var vs = Vector512.LoadUnsafe(ref sr, (nuint)i);
                Vector512.StoreUnsafe(vs ^ vg, ref sr, (nuint)i);
                Vector512.StoreUnsafe(vp ^ vg, ref pr, (nuint)i);
            }
        }
        else
        {
            for (; i <= end - Vector256<T>.Count; i += Vector256<T>.Count)
            {
                var vp = Vector256.LoadUnsafe(ref pr, (nuint)i);
                var vg = Vector256.LoadUnsafe(ref gr, (nuint)i);
                var vs = Vector256.LoadUnsafe(ref sr, (nuint)i);
                Vector256.StoreUnsafe(vs ^ vg, ref sr, (nuint)i);
                Vector256.StoreUnsafe(vp ^ vg, ref pr, (nuint)i);
            }
        }

        for (; i < end; i++)
        {
            s[i] = Xor(s[i], g[i]);
            p[i] = Xor(p[i], g[i]);
        }
    }

    private static void Stream2(Span<T> p, ReadOnlySpan<T> g, T[] s1, T[] s2, int start, int end)
    {
        ref T pr = ref MemoryMarshal.GetReference(p);
        ref T gr = ref MemoryMarshal.GetReference(g);
        ref T ar = ref MemoryMarshal.GetArrayDataReference(s1);
        ref T br = ref MemoryMarshal.GetArrayDataReference(s2);
        int i = start;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i <= end - Vector512<T>.Count; i += Vector512<T>.Count)
            {
                var vp = Vector512.LoadUnsafe(ref pr, (nuint)i);
                var vg = Vector512.LoadUnsafe(ref gr, (nuint)i);
                var va = Vector512.LoadUnsafe(ref ar, (nuint)i);
                var vb = Vector512.LoadUnsafe(ref br, (nuint)i);
                Vector512.StoreUnsafe(va ^ vg, ref ar, (nuint)i);
                Vector512.StoreUnsafe(vb ^ vg, ref br, (nuint)i);
                Vector512.StoreUnsafe(vp ^ vg, ref pr, (nuint)i);
            }
        }
        else
        {
            for (; i <= end - Vector256<T>.Count; i += Vector256<T>.Count)
            {
                var vp = Vector256.LoadUnsafe(ref pr, (nuint)i);
                var vg = Vector256.LoadUnsafe(ref gr, (nuint)i);
                var va = Vector256.LoadUnsafe(ref ar, (nuint)i);
                var vb = Vector256.LoadUnsafe(ref br, (nuint)i);
                Vector256.StoreUnsafe(va ^ vg, ref ar, (nuint)i);
                Vector256.StoreUnsafe(vb ^ vg, ref br, (nuint)i);
                Vector256.StoreUnsafe(vp ^ vg, ref pr, (nuint)i);
            }
        }

        for (; i < end; i++)
        {
            s1[i] = Xor(s1[i], g[i]);
            s2[i] = Xor(s2[i], g[i]);
            p[i] = Xor(p[i], g[i]);
        }
    }

    private static T Xor(T a, T b) => (Vector128.CreateScalarUnsafe(a) ^ Vector128.CreateScalarUnsafe(b)).ToScalar();
}

using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace OptGen.Benchmarks.HandWritten;

// Hand-written loops over any number of parameters, the way an engineer writes them without a generator:
// state in arrays, hyperparameters as constants, the learning rate settable. One generic version per update
// rule serves float and double (the JIT compiles a separate, fully specialized body for each, so generic math
// costs nothing here). Same rules, same constants and same bias corrections as the generated optimizers.

/// <summary>A hand-written optimizer over spans (the large-N benchmarks call it through this base class).</summary>
public abstract class HandOptimizer<T>(int count)
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public int Count { get; } = count;
    public double LearningRate { get; set; } = 0.01;

    public abstract void Step(Span<T> p, ReadOnlySpan<T> g);

    protected void Check(Span<T> p, ReadOnlySpan<T> g)
    {
        if (p.Length != Count || g.Length != Count) Lengths.Throw(p.Length, g.Length, Count);
    }

    protected static T C(double value) => T.CreateTruncating(value);

    /// <summary>The hand-written version of <paramref name="kind"/>: the scalar for-loop, or the Vector256 loop.</summary>
    public static HandOptimizer<T> Create(Kind kind, int count, bool vector) => (kind, vector) switch
    {
        (Kind.Sgd, false) => new SgdLoop<T>(count),
        (Kind.Momentum, false) => new MomentumLoop<T>(count),
        (Kind.RMSProp, false) => new RMSPropLoop<T>(count),
        (Kind.Adam, false) => new AdamLoop<T>(count),
        (Kind.AdamW, false) => new AdamWLoop<T>(count),
        (Kind.Sgd, true) => new SgdVector256<T>(count),
        (Kind.Momentum, true) => new MomentumVector256<T>(count),
        (Kind.RMSProp, true) => new RMSPropVector256<T>(count),
        (Kind.Adam, true) => new AdamVector256<T>(count),
        (Kind.AdamW, true) => new AdamWVector256<T>(count),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}

// ---------------------------------------------------------------- scalar for-loops

public sealed class SgdLoop<T>(int count) : HandOptimizer<T>(count)
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public override void Step(Span<T> p, ReadOnlySpan<T> g)
    {
        Check(p, g);
        T lr = T.CreateTruncating(LearningRate);
        for (int i = 0; i < p.Length; i++)
        {
            p[i] -= lr * g[i];
        }
    }
}

public sealed class MomentumLoop<T>(int count) : HandOptimizer<T>(count)
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[] _b = new T[count];

    public override void Step(Span<T> p, ReadOnlySpan<T> g)
    {
        Check(p, g);
        T lr = T.CreateTruncating(LearningRate), mu = C(0.9);
        T[] b = _b;
        for (int i = 0; i < p.Length; i++)
        {
            b[i] = mu * b[i] + g[i];
            p[i] -= lr * b[i];
        }
    }
}

public sealed class RMSPropLoop<T>(int count) : HandOptimizer<T>(count)
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[] _v = new T[count];

    public override void Step(Span<T> p, ReadOnlySpan<T> g)
    {
        Check(p, g);
        T lr = T.CreateTruncating(LearningRate), alpha = C(0.99), oneMinusAlpha = C(1 - 0.99), eps = C(1e-8);
        T[] v = _v;
        for (int i = 0; i < p.Length; i++)
        {
            T gi = g[i];
            v[i] = alpha * v[i] + oneMinusAlpha * gi * gi;
            p[i] -= lr * gi / (T.Sqrt(v[i]) + eps);
        }
    }
}

public sealed class AdamLoop<T>(int count) : HandOptimizer<T>(count)
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[] _m = new T[count], _v = new T[count];
    private double _beta1Power = 1, _beta2Power = 1;

    public override void Step(Span<T> p, ReadOnlySpan<T> g)
    {
        Check(p, g);
        (T stepSize, T invSqrtBc2) = AdamBias.Next<T>(ref _beta1Power, ref _beta2Power, LearningRate);
        T beta1 = C(0.9), oneMinusBeta1 = C(1 - 0.9), beta2 = C(0.999), oneMinusBeta2 = C(1 - 0.999), eps = C(1e-8);
        T[] m = _m, v = _v;
        for (int i = 0; i < p.Length; i++)
        {
            T gi = g[i];
            m[i] = beta1 * m[i] + oneMinusBeta1 * gi;
            v[i] = beta2 * v[i] + oneMinusBeta2 * gi * gi;
            p[i] -= stepSize * m[i] / (T.Sqrt(v[i]) * invSqrtBc2 + eps);
        }
    }
}

public sealed class AdamWLoop<T>(int count) : HandOptimizer<T>(count)
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[] _m = new T[count], _v = new T[count];
    private double _beta1Power = 1, _beta2Power = 1;

    public override void Step(Span<T> p, ReadOnlySpan<T> g)
    {
        Check(p, g);
        T decay = AdamBias.Decay<T>(LearningRate);
        (T stepSize, T invSqrtBc2) = AdamBias.Next<T>(ref _beta1Power, ref _beta2Power, LearningRate);
        T beta1 = C(0.9), oneMinusBeta1 = C(1 - 0.9), beta2 = C(0.999), oneMinusBeta2 = C(1 - 0.999), eps = C(1e-8);
        T[] m = _m, v = _v;
        for (int i = 0; i < p.Length; i++)
        {
            T gi = g[i];
            m[i] = beta1 * m[i] + oneMinusBeta1 * gi;
            v[i] = beta2 * v[i] + oneMinusBeta2 * gi * gi;
            p[i] = p[i] * decay - stepSize * m[i] / (T.Sqrt(v[i]) * invSqrtBc2 + eps);
        }
    }
}

internal static class AdamBias
{
    /// <summary>AdamW's decoupled weight decay factor 1 − lr·λ (λ = 0.01, torch.optim.AdamW's default).</summary>
    public static T Decay<T>(double lr)
        where T : unmanaged, IFloatingPointIeee754<T> => T.CreateTruncating(1 - lr * 0.01);

    /// <summary>Advances βᵗ (flushed to 0 below 1e-18, where 1 − βᵗ is exactly 1) and returns torch's step size and 1/√(1 − β₂ᵗ).</summary>
    public static (T StepSize, T InvSqrtBc2) Next<T>(ref double beta1Power, ref double beta2Power, double lr)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double b1 = beta1Power * 0.9, b2 = beta2Power * 0.999;
        beta1Power = b1 < 1e-18 ? 0 : b1;
        beta2Power = b2 < 1e-18 ? 0 : b2;
        return (T.CreateTruncating(lr / (1 - beta1Power)), T.CreateTruncating(1 / Math.Sqrt(1 - beta2Power)));
    }
}

// ---------------------------------------------------------------- Vector256 loops (AVX2 width), scalar tail

public sealed class SgdVector256<T>(int count) : HandOptimizer<T>(count)
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public override void Step(Span<T> p, ReadOnlySpan<T> g)
    {
        Check(p, g);
        T lr = T.CreateTruncating(LearningRate);
        ref T pr = ref MemoryMarshal.GetReference(p);
        ref T gr = ref MemoryMarshal.GetReference(g);
        int n = p.Length, i = 0;
        var vlr = Vector256.Create(lr);
        for (; i <= n - Vector256<T>.Count; i += Vector256<T>.Count)
        {
            var vp = Vector256.LoadUnsafe(ref pr, (nuint)i);
            var vg = Vector256.LoadUnsafe(ref gr, (nuint)i);
            Vector256.StoreUnsafe(vp - vlr * vg, ref pr, (nuint)i);
        }

        for (; i < n; i++)
        {
            p[i] -= lr * g[i];
        }
    }
}

public sealed class MomentumVector256<T>(int count) : HandOptimizer<T>(count)
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[] _b = new T[count];

    public override void Step(Span<T> p, ReadOnlySpan<T> g)
    {
        Check(p, g);
        T lr = T.CreateTruncating(LearningRate), mu = C(0.9);
        ref T pr = ref MemoryMarshal.GetReference(p);
        ref T gr = ref MemoryMarshal.GetReference(g);
        ref T br = ref MemoryMarshal.GetArrayDataReference(_b);
        int n = p.Length, i = 0;
        var vlr = Vector256.Create(lr);
        var vmu = Vector256.Create(mu);
        for (; i <= n - Vector256<T>.Count; i += Vector256<T>.Count)
        {
            var vp = Vector256.LoadUnsafe(ref pr, (nuint)i);
            var vg = Vector256.LoadUnsafe(ref gr, (nuint)i);
            var vb = vmu * Vector256.LoadUnsafe(ref br, (nuint)i) + vg;
            Vector256.StoreUnsafe(vb, ref br, (nuint)i);
            Vector256.StoreUnsafe(vp - vlr * vb, ref pr, (nuint)i);
        }

        T[] b = _b;
        for (; i < n; i++)
        {
            b[i] = mu * b[i] + g[i];
            p[i] -= lr * b[i];
        }
    }
}

public sealed class RMSPropVector256<T>(int count) : HandOptimizer<T>(count)
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[] _v = new T[count];

    public override void Step(Span<T> p, ReadOnlySpan<T> g)
    {
        Check(p, g);
        T lr = T.CreateTruncating(LearningRate), alpha = C(0.99), oneMinusAlpha = C(1 - 0.99), eps = C(1e-8);
        ref T pr = ref MemoryMarshal.GetReference(p);
        ref T gr = ref MemoryMarshal.GetReference(g);
        ref T vr = ref MemoryMarshal.GetArrayDataReference(_v);
        int n = p.Length, i = 0;
        var vlr = Vector256.Create(lr);
        var valpha = Vector256.Create(alpha);
        var v1ma = Vector256.Create(oneMinusAlpha);
        var veps = Vector256.Create(eps);
        for (; i <= n - Vector256<T>.Count; i += Vector256<T>.Count)
        {
            var vp = Vector256.LoadUnsafe(ref pr, (nuint)i);
            var vg = Vector256.LoadUnsafe(ref gr, (nuint)i);
            var vv = valpha * Vector256.LoadUnsafe(ref vr, (nuint)i) + v1ma * vg * vg;
            Vector256.StoreUnsafe(vv, ref vr, (nuint)i);
            Vector256.StoreUnsafe(vp - vlr * vg / (Vector256.Sqrt(vv) + veps), ref pr, (nuint)i);
        }

        T[] v = _v;
        for (; i < n; i++)
        {
            T gi = g[i];
            v[i] = alpha * v[i] + oneMinusAlpha * gi * gi;
            p[i] -= lr * gi / (T.Sqrt(v[i]) + eps);
        }
    }
}

public sealed class AdamVector256<T>(int count) : HandOptimizer<T>(count)
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[] _m = new T[count], _v = new T[count];
    private double _beta1Power = 1, _beta2Power = 1;

    public override void Step(Span<T> p, ReadOnlySpan<T> g)
    {
        Check(p, g);
        (T stepSize, T invSqrtBc2) = AdamBias.Next<T>(ref _beta1Power, ref _beta2Power, LearningRate);
        T beta1 = C(0.9), oneMinusBeta1 = C(1 - 0.9), beta2 = C(0.999), oneMinusBeta2 = C(1 - 0.999), eps = C(1e-8);
        ref T pr = ref MemoryMarshal.GetReference(p);
        ref T gr = ref MemoryMarshal.GetReference(g);
        ref T mr = ref MemoryMarshal.GetArrayDataReference(_m);
        ref T vr = ref MemoryMarshal.GetArrayDataReference(_v);
        int n = p.Length, i = 0;
        var vb1 = Vector256.Create(beta1);
        var v1mb1 = Vector256.Create(oneMinusBeta1);
        var vb2 = Vector256.Create(beta2);
        var v1mb2 = Vector256.Create(oneMinusBeta2);
        var veps = Vector256.Create(eps);
        var vstep = Vector256.Create(stepSize);
        var vinv = Vector256.Create(invSqrtBc2);
        for (; i <= n - Vector256<T>.Count; i += Vector256<T>.Count)
        {
            var vp = Vector256.LoadUnsafe(ref pr, (nuint)i);
            var vg = Vector256.LoadUnsafe(ref gr, (nuint)i);
            var vm = vb1 * Vector256.LoadUnsafe(ref mr, (nuint)i) + v1mb1 * vg;
            var vv = vb2 * Vector256.LoadUnsafe(ref vr, (nuint)i) + v1mb2 * vg * vg;
            Vector256.StoreUnsafe(vm, ref mr, (nuint)i);
            Vector256.StoreUnsafe(vv, ref vr, (nuint)i);
            Vector256.StoreUnsafe(vp - vstep * vm / (Vector256.Sqrt(vv) * vinv + veps), ref pr, (nuint)i);
        }

        T[] m = _m, v = _v;
        for (; i < n; i++)
        {
            T gi = g[i];
            m[i] = beta1 * m[i] + oneMinusBeta1 * gi;
            v[i] = beta2 * v[i] + oneMinusBeta2 * gi * gi;
            p[i] -= stepSize * m[i] / (T.Sqrt(v[i]) * invSqrtBc2 + eps);
        }
    }
}

public sealed class AdamWVector256<T>(int count) : HandOptimizer<T>(count)
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[] _m = new T[count], _v = new T[count];
    private double _beta1Power = 1, _beta2Power = 1;

    public override void Step(Span<T> p, ReadOnlySpan<T> g)
    {
        Check(p, g);
        T decay = AdamBias.Decay<T>(LearningRate);
        (T stepSize, T invSqrtBc2) = AdamBias.Next<T>(ref _beta1Power, ref _beta2Power, LearningRate);
        T beta1 = C(0.9), oneMinusBeta1 = C(1 - 0.9), beta2 = C(0.999), oneMinusBeta2 = C(1 - 0.999), eps = C(1e-8);
        ref T pr = ref MemoryMarshal.GetReference(p);
        ref T gr = ref MemoryMarshal.GetReference(g);
        ref T mr = ref MemoryMarshal.GetArrayDataReference(_m);
        ref T vr = ref MemoryMarshal.GetArrayDataReference(_v);
        int n = p.Length, i = 0;
        var vdecay = Vector256.Create(decay);
        var vb1 = Vector256.Create(beta1);
        var v1mb1 = Vector256.Create(oneMinusBeta1);
        var vb2 = Vector256.Create(beta2);
        var v1mb2 = Vector256.Create(oneMinusBeta2);
        var veps = Vector256.Create(eps);
        var vstep = Vector256.Create(stepSize);
        var vinv = Vector256.Create(invSqrtBc2);
        for (; i <= n - Vector256<T>.Count; i += Vector256<T>.Count)
        {
            var vp = Vector256.LoadUnsafe(ref pr, (nuint)i);
            var vg = Vector256.LoadUnsafe(ref gr, (nuint)i);
            var vm = vb1 * Vector256.LoadUnsafe(ref mr, (nuint)i) + v1mb1 * vg;
            var vv = vb2 * Vector256.LoadUnsafe(ref vr, (nuint)i) + v1mb2 * vg * vg;
            Vector256.StoreUnsafe(vm, ref mr, (nuint)i);
            Vector256.StoreUnsafe(vv, ref vr, (nuint)i);
            Vector256.StoreUnsafe(vp * vdecay - vstep * vm / (Vector256.Sqrt(vv) * vinv + veps), ref pr, (nuint)i);
        }

        T[] m = _m, v = _v;
        for (; i < n; i++)
        {
            T gi = g[i];
            m[i] = beta1 * m[i] + oneMinusBeta1 * gi;
            v[i] = beta2 * v[i] + oneMinusBeta2 * gi * gi;
            p[i] = p[i] * decay - stepSize * m[i] / (T.Sqrt(v[i]) * invSqrtBc2 + eps);
        }
    }
}

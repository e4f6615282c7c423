using System.Diagnostics.CodeAnalysis;

namespace OptGen.Benchmarks.HandWritten;

// The baseline at N = 2: what a careful engineer writes by hand for two parameters — state in fields, every
// hyperparameter but the learning rate a constant, one block per parameter, fields read into locals and
// written back once. It keeps the generated optimizer's contract (a settable learning rate, both spans'
// lengths checked, torch's update rule and bias corrections, βᵗ flushed to zero below 1e-18 so late steps
// never touch denormals), so the two compute the same numbers and differ only in how the code is written.
// `verify` (Program.cs) checks that they agree bit for bit.

internal static class Lengths
{
    // Not [MethodImpl(NoInlining)]: the JIT must be able to look inside to see that the call never returns, and
    // then it knows both lengths are 2 and drops the bounds checks on p[0], p[1], g[0], g[1].
    [DoesNotReturn]
    public static void Throw(int parameters, int gradients, int expected) =>
        throw new ArgumentException($"Expected {expected} parameters and gradients, got {parameters} and {gradients}.");
}

public sealed class SgdFloatStraight
{
    public double LearningRate = 0.01;

    public void Step(Span<float> p, ReadOnlySpan<float> g)
    {
        if (p.Length != 2 || g.Length != 2) Lengths.Throw(p.Length, g.Length, 2);
        float lr = (float)LearningRate;
        p[0] -= lr * g[0];
        p[1] -= lr * g[1];
    }
}

public sealed class SgdDoubleStraight
{
    public double LearningRate = 0.01;

    public void Step(Span<double> p, ReadOnlySpan<double> g)
    {
        if (p.Length != 2 || g.Length != 2) Lengths.Throw(p.Length, g.Length, 2);
        double lr = LearningRate;
        p[0] -= lr * g[0];
        p[1] -= lr * g[1];
    }
}

public sealed class MomentumFloatStraight
{
    private const float Mu = 0.9f;
    public double LearningRate = 0.01;
    private float _b0, _b1;

    public void Step(Span<float> p, ReadOnlySpan<float> g)
    {
        if (p.Length != 2 || g.Length != 2) Lengths.Throw(p.Length, g.Length, 2);
        float lr = (float)LearningRate;
        // torch: b ← g at the first step, μb + g after; with dampening 0 and b starting at 0 these are the same.
        float b0 = Mu * _b0 + g[0];
        float b1 = Mu * _b1 + g[1];
        _b0 = b0;
        _b1 = b1;
        p[0] -= lr * b0;
        p[1] -= lr * b1;
    }
}

public sealed class MomentumDoubleStraight
{
    private const double Mu = 0.9;
    public double LearningRate = 0.01;
    private double _b0, _b1;

    public void Step(Span<double> p, ReadOnlySpan<double> g)
    {
        if (p.Length != 2 || g.Length != 2) Lengths.Throw(p.Length, g.Length, 2);
        double lr = LearningRate;
        double b0 = Mu * _b0 + g[0];
        double b1 = Mu * _b1 + g[1];
        _b0 = b0;
        _b1 = b1;
        p[0] -= lr * b0;
        p[1] -= lr * b1;
    }
}

public sealed class NesterovFloatStraight
{
    private const float Mu = 0.9f;
    public double LearningRate = 0.01;
    private float _b0, _b1;

    public void Step(Span<float> p, ReadOnlySpan<float> g)
    {
        if (p.Length != 2 || g.Length != 2) Lengths.Throw(p.Length, g.Length, 2);
        float lr = (float)LearningRate;
        float g0 = g[0], g1 = g[1];
        float b0 = Mu * _b0 + g0;
        float b1 = Mu * _b1 + g1;
        _b0 = b0;
        _b1 = b1;
        p[0] -= lr * (g0 + Mu * b0); // torch: the step along g + μ·b, the look-ahead
        p[1] -= lr * (g1 + Mu * b1);
    }
}

public sealed class NesterovDoubleStraight
{
    private const double Mu = 0.9;
    public double LearningRate = 0.01;
    private double _b0, _b1;

    public void Step(Span<double> p, ReadOnlySpan<double> g)
    {
        if (p.Length != 2 || g.Length != 2) Lengths.Throw(p.Length, g.Length, 2);
        double lr = LearningRate;
        double g0 = g[0], g1 = g[1];
        double b0 = Mu * _b0 + g0;
        double b1 = Mu * _b1 + g1;
        _b0 = b0;
        _b1 = b1;
        p[0] -= lr * (g0 + Mu * b0);
        p[1] -= lr * (g1 + Mu * b1);
    }
}

public sealed class AdagradFloatStraight
{
    private const float Eps = 1e-10f;
    public double LearningRate = 0.01;
    private float _s0, _s1;

    public void Step(Span<float> p, ReadOnlySpan<float> g)
    {
        if (p.Length != 2 || g.Length != 2) Lengths.Throw(p.Length, g.Length, 2);
        float lr = (float)LearningRate;
        float g0 = g[0], g1 = g[1];
        float s0 = _s0 + g0 * g0;
        float s1 = _s1 + g1 * g1;
        _s0 = s0;
        _s1 = s1;
        p[0] -= lr * g0 / (MathF.Sqrt(s0) + Eps);
        p[1] -= lr * g1 / (MathF.Sqrt(s1) + Eps);
    }
}

public sealed class AdagradDoubleStraight
{
    private const double Eps = 1e-10;
    public double LearningRate = 0.01;
    private double _s0, _s1;

    public void Step(Span<double> p, ReadOnlySpan<double> g)
    {
        if (p.Length != 2 || g.Length != 2) Lengths.Throw(p.Length, g.Length, 2);
        double lr = LearningRate;
        double g0 = g[0], g1 = g[1];
        double s0 = _s0 + g0 * g0;
        double s1 = _s1 + g1 * g1;
        _s0 = s0;
        _s1 = s1;
        p[0] -= lr * g0 / (Math.Sqrt(s0) + Eps);
        p[1] -= lr * g1 / (Math.Sqrt(s1) + Eps);
    }
}

public sealed class RMSPropFloatStraight
{
    private const float Alpha = 0.99f, OneMinusAlpha = 0.01f, Eps = 1e-8f;
    public double LearningRate = 0.01;
    private float _v0, _v1;

    public void Step(Span<float> p, ReadOnlySpan<float> g)
    {
        if (p.Length != 2 || g.Length != 2) Lengths.Throw(p.Length, g.Length, 2);
        float lr = (float)LearningRate;
        float g0 = g[0], g1 = g[1];
        float v0 = Alpha * _v0 + OneMinusAlpha * g0 * g0;
        float v1 = Alpha * _v1 + OneMinusAlpha * g1 * g1;
        _v0 = v0;
        _v1 = v1;
        p[0] -= lr * g0 / (MathF.Sqrt(v0) + Eps);
        p[1] -= lr * g1 / (MathF.Sqrt(v1) + Eps);
    }
}

public sealed class RMSPropDoubleStraight
{
    private const double Alpha = 0.99, OneMinusAlpha = 1 - Alpha, Eps = 1e-8;
    public double LearningRate = 0.01;
    private double _v0, _v1;

    public void Step(Span<double> p, ReadOnlySpan<double> g)
    {
        if (p.Length != 2 || g.Length != 2) Lengths.Throw(p.Length, g.Length, 2);
        double lr = LearningRate;
        double g0 = g[0], g1 = g[1];
        double v0 = Alpha * _v0 + OneMinusAlpha * g0 * g0;
        double v1 = Alpha * _v1 + OneMinusAlpha * g1 * g1;
        _v0 = v0;
        _v1 = v1;
        p[0] -= lr * g0 / (Math.Sqrt(v0) + Eps);
        p[1] -= lr * g1 / (Math.Sqrt(v1) + Eps);
    }
}

public sealed class AdamFloatStraight
{
    private const float Beta1 = 0.9f, OneMinusBeta1 = 0.1f, Beta2 = 0.999f, OneMinusBeta2 = 0.001f, Eps = 1e-8f;
    public double LearningRate = 0.01;
    private double _beta1Power = 1, _beta2Power = 1; // βᵗ, kept in double as torch keeps the step count
    private float _m0, _m1, _v0, _v1;

    public void Step(Span<float> p, ReadOnlySpan<float> g)
    {
        if (p.Length != 2 || g.Length != 2) Lengths.Throw(p.Length, g.Length, 2);
        double b1t = _beta1Power * 0.9, b2t = _beta2Power * 0.999;
        _beta1Power = b1t < 1e-18 ? 0 : b1t; // 1 − βᵗ is exactly 1 from here on; never let βᵗ go denormal
        _beta2Power = b2t < 1e-18 ? 0 : b2t;
        float stepSize = (float)(LearningRate / (1 - _beta1Power));
        float invSqrtBc2 = (float)(1 / Math.Sqrt(1 - _beta2Power));

        float g0 = g[0], g1 = g[1];
        float m0 = Beta1 * _m0 + OneMinusBeta1 * g0;
        float m1 = Beta1 * _m1 + OneMinusBeta1 * g1;
        float v0 = Beta2 * _v0 + OneMinusBeta2 * g0 * g0;
        float v1 = Beta2 * _v1 + OneMinusBeta2 * g1 * g1;
        _m0 = m0; _m1 = m1; _v0 = v0; _v1 = v1;
        p[0] -= stepSize * m0 / (MathF.Sqrt(v0) * invSqrtBc2 + Eps);
        p[1] -= stepSize * m1 / (MathF.Sqrt(v1) * invSqrtBc2 + Eps);
    }
}

public sealed class AdamDoubleStraight
{
    private const double Beta1 = 0.9, OneMinusBeta1 = 1 - Beta1, Beta2 = 0.999, OneMinusBeta2 = 1 - Beta2, Eps = 1e-8;
    public double LearningRate = 0.01;
    private double _beta1Power = 1, _beta2Power = 1;
    private double _m0, _m1, _v0, _v1;

    public void Step(Span<double> p, ReadOnlySpan<double> g)
    {
        if (p.Length != 2 || g.Length != 2) Lengths.Throw(p.Length, g.Length, 2);
        double b1t = _beta1Power * Beta1, b2t = _beta2Power * Beta2;
        _beta1Power = b1t < 1e-18 ? 0 : b1t;
        _beta2Power = b2t < 1e-18 ? 0 : b2t;
        double stepSize = LearningRate / (1 - _beta1Power);
        double invSqrtBc2 = 1 / Math.Sqrt(1 - _beta2Power);

        double g0 = g[0], g1 = g[1];
        double m0 = Beta1 * _m0 + OneMinusBeta1 * g0;
        double m1 = Beta1 * _m1 + OneMinusBeta1 * g1;
        double v0 = Beta2 * _v0 + OneMinusBeta2 * g0 * g0;
        double v1 = Beta2 * _v1 + OneMinusBeta2 * g1 * g1;
        _m0 = m0; _m1 = m1; _v0 = v0; _v1 = v1;
        p[0] -= stepSize * m0 / (Math.Sqrt(v0) * invSqrtBc2 + Eps);
        p[1] -= stepSize * m1 / (Math.Sqrt(v1) * invSqrtBc2 + Eps);
    }
}

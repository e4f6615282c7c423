using System.Runtime.CompilerServices;

namespace OptGen.Benchmarks.HandWritten;

// The N = 2 baselines of the torch.optim kinds beyond the tutorial's six, written as StraightLine.cs writes the
// first ones: state in fields read into locals and written back once, every hyperparameter but lr a constant,
// both lengths checked, βᵗ kept in double and flushed to zero below 1e-18. Each follows torch's single-tensor
// code in the same order of operations as the generated optimizer (`verify` checks they agree bit for bit);
// where a person would naturally do less work than the generated code (RAdam computes its rectification term
// only once it is used; Rprop branches on the sign instead of selecting), it does.

public sealed class AdamWFloatStraight
{
    private const float Beta1 = 0.9f, OneMinusBeta1 = 0.1f, Beta2 = 0.999f, OneMinusBeta2 = 0.001f, Eps = 1e-8f;
    private const double WeightDecay = 0.01;
    public double LearningRate = 0.01;
    private double _beta1Power = 1, _beta2Power = 1;
    private float _m0, _m1, _v0, _v1;

    public void Step(Span<float> p, ReadOnlySpan<float> g)
    {
        if (p.Length != 2 || g.Length != 2) Lengths.Throw(p.Length, g.Length, 2);
        double lr = LearningRate;
        double b1t = _beta1Power * 0.9, b2t = _beta2Power * 0.999;
        _beta1Power = b1t < 1e-18 ? 0 : b1t;
        _beta2Power = b2t < 1e-18 ? 0 : b2t;
        float decay = (float)(1 - lr * WeightDecay); // torch.optim.AdamW: θ ← θ·(1 − lr·λ), then Adam
        float stepSize = (float)(lr / (1 - _beta1Power));
        float invSqrtBc2 = (float)(1 / Math.Sqrt(1 - _beta2Power));

        float g0 = g[0], g1 = g[1];
        float m0 = Beta1 * _m0 + OneMinusBeta1 * g0;
        float m1 = Beta1 * _m1 + OneMinusBeta1 * g1;
        float v0 = Beta2 * _v0 + OneMinusBeta2 * g0 * g0;
        float v1 = Beta2 * _v1 + OneMinusBeta2 * g1 * g1;
        _m0 = m0; _m1 = m1; _v0 = v0; _v1 = v1;
        p[0] = p[0] * decay - stepSize * m0 / (MathF.Sqrt(v0) * invSqrtBc2 + Eps);
        p[1] = p[1] * decay - stepSize * m1 / (MathF.Sqrt(v1) * invSqrtBc2 + Eps);
    }
}

public sealed class AdamWDoubleStraight
{
    private const double Beta1 = 0.9, OneMinusBeta1 = 1 - Beta1, Beta2 = 0.999, OneMinusBeta2 = 1 - Beta2, Eps = 1e-8;
    private const double WeightDecay = 0.01;
    public double LearningRate = 0.01;
    private double _beta1Power = 1, _beta2Power = 1;
    private double _m0, _m1, _v0, _v1;

    public void Step(Span<double> p, ReadOnlySpan<double> g)
    {
        if (p.Length != 2 || g.Length != 2) Lengths.Throw(p.Length, g.Length, 2);
        double lr = LearningRate;
        double b1t = _beta1Power * Beta1, b2t = _beta2Power * Beta2;
        _beta1Power = b1t < 1e-18 ? 0 : b1t;
        _beta2Power = b2t < 1e-18 ? 0 : b2t;
        double decay = 1 - lr * WeightDecay;
        double stepSize = lr / (1 - _beta1Power);
        double invSqrtBc2 = 1 / Math.Sqrt(1 - _beta2Power);

        double g0 = g[0], g1 = g[1];
        double m0 = Beta1 * _m0 + OneMinusBeta1 * g0;
        double m1 = Beta1 * _m1 + OneMinusBeta1 * g1;
        double v0 = Beta2 * _v0 + OneMinusBeta2 * g0 * g0;
        double v1 = Beta2 * _v1 + OneMinusBeta2 * g1 * g1;
        _m0 = m0; _m1 = m1; _v0 = v0; _v1 = v1;
        p[0] = p[0] * decay - stepSize * m0 / (Math.Sqrt(v0) * invSqrtBc2 + Eps);
        p[1] = p[1] * decay - stepSize * m1 / (Math.Sqrt(v1) * invSqrtBc2 + Eps);
    }
}

public sealed class AdamaxFloatStraight
{
    private const float Beta1 = 0.9f, OneMinusBeta1 = 0.1f, Beta2 = 0.999f, Eps = 1e-8f;
    public double LearningRate = 0.01;
    private double _beta1Power = 1;
    private float _m0, _m1, _u0, _u1;

    public void Step(Span<float> p, ReadOnlySpan<float> g)
    {
        if (p.Length != 2 || g.Length != 2) Lengths.Throw(p.Length, g.Length, 2);
        double b1t = _beta1Power * 0.9;
        _beta1Power = b1t < 1e-18 ? 0 : b1t;
        float clr = (float)(LearningRate / (1 - _beta1Power));

        float g0 = g[0], g1 = g[1];
        float m0 = Beta1 * _m0 + OneMinusBeta1 * g0;
        float m1 = Beta1 * _m1 + OneMinusBeta1 * g1;
        float u0 = MathF.Max(Beta2 * _u0, MathF.Abs(g0) + Eps); // the infinity norm, torch's amax
        float u1 = MathF.Max(Beta2 * _u1, MathF.Abs(g1) + Eps);
        _m0 = m0; _m1 = m1; _u0 = u0; _u1 = u1;
        p[0] -= clr * m0 / u0;
        p[1] -= clr * m1 / u1;
    }
}

public sealed class AdamaxDoubleStraight
{
    private const double Beta1 = 0.9, OneMinusBeta1 = 1 - Beta1, Beta2 = 0.999, Eps = 1e-8;
    public double LearningRate = 0.01;
    private double _beta1Power = 1;
    private double _m0, _m1, _u0, _u1;

    public void Step(Span<double> p, ReadOnlySpan<double> g)
    {
        if (p.Length != 2 || g.Length != 2) Lengths.Throw(p.Length, g.Length, 2);
        double b1t = _beta1Power * Beta1;
        _beta1Power = b1t < 1e-18 ? 0 : b1t;
        double clr = LearningRate / (1 - _beta1Power);

        double g0 = g[0], g1 = g[1];
        double m0 = Beta1 * _m0 + OneMinusBeta1 * g0;
        double m1 = Beta1 * _m1 + OneMinusBeta1 * g1;
        double u0 = Math.Max(Beta2 * _u0, Math.Abs(g0) + Eps);
        double u1 = Math.Max(Beta2 * _u1, Math.Abs(g1) + Eps);
        _m0 = m0; _m1 = m1; _u0 = u0; _u1 = u1;
        p[0] -= clr * m0 / u0;
        p[1] -= clr * m1 / u1;
    }
}

/// <summary>NAdam's once-per-step values, in double as torch computes them: μₜ, μₜ₊₁, the μ-product, β₂ᵗ.</summary>
internal struct NAdamSchedule
{
    private const double Beta1 = 0.9, Beta2 = 0.999, MomentumDecay = 0.004;
    private long _step;
    private double _muProduct = 1, _beta2Power = 1;

    public NAdamSchedule()
    {
    }

    /// <summary>Advances one step; returns lr·(1 − μₜ)/(1 − ∏μ), lr·μₜ₊₁/(1 − ∏μ·μₜ₊₁) and 1 − β₂ᵗ.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public (double GradientStep, double MomentumStep, double Bc2) Next(double lr)
    {
        double t = ++_step;
        double b2t = _beta2Power * Beta2;
        _beta2Power = b2t < 1e-18 ? 0 : b2t;
        double mu = Beta1 * (1 - 0.5 * Math.Pow(0.96, t * MomentumDecay));
        double muNext = Beta1 * (1 - 0.5 * Math.Pow(0.96, (t + 1) * MomentumDecay));
        _muProduct *= mu;
        return (lr * (1 - mu) / (1 - _muProduct), lr * muNext / (1 - _muProduct * muNext), 1 - _beta2Power);
    }
}

public sealed class NAdamFloatStraight
{
    private const float Beta1 = 0.9f, OneMinusBeta1 = 0.1f, Beta2 = 0.999f, OneMinusBeta2 = 0.001f, Eps = 1e-8f;
    public double LearningRate = 0.01;
    private NAdamSchedule _schedule = new();
    private float _m0, _m1, _v0, _v1;

    public void Step(Span<float> p, ReadOnlySpan<float> g)
    {
        if (p.Length != 2 || g.Length != 2) Lengths.Throw(p.Length, g.Length, 2);
        var (gradientStepD, momentumStepD, bc2D) = _schedule.Next(LearningRate);
        float gradientStep = (float)gradientStepD, momentumStep = (float)momentumStepD, bc2 = (float)bc2D;

        float g0 = g[0], g1 = g[1];
        float m0 = Beta1 * _m0 + OneMinusBeta1 * g0;
        float m1 = Beta1 * _m1 + OneMinusBeta1 * g1;
        float v0 = Beta2 * _v0 + OneMinusBeta2 * g0 * g0;
        float v1 = Beta2 * _v1 + OneMinusBeta2 * g1 * g1;
        _m0 = m0; _m1 = m1; _v0 = v0; _v1 = v1;
        float denom0 = MathF.Sqrt(v0 / bc2) + Eps;
        float denom1 = MathF.Sqrt(v1 / bc2) + Eps;
        // torch's two addcdiv_ calls: the gradient's share, then the momentum's.
        p[0] = p[0] - gradientStep * g0 / denom0 - momentumStep * m0 / denom0;
        p[1] = p[1] - gradientStep * g1 / denom1 - momentumStep * m1 / denom1;
    }
}

public sealed class NAdamDoubleStraight
{
    private const double Beta1 = 0.9, OneMinusBeta1 = 1 - Beta1, Beta2 = 0.999, OneMinusBeta2 = 1 - Beta2, Eps = 1e-8;
    public double LearningRate = 0.01;
    private NAdamSchedule _schedule = new();
    private double _m0, _m1, _v0, _v1;

    public void Step(Span<double> p, ReadOnlySpan<double> g)
    {
        if (p.Length != 2 || g.Length != 2) Lengths.Throw(p.Length, g.Length, 2);
        var (gradientStep, momentumStep, bc2) = _schedule.Next(LearningRate);

        double g0 = g[0], g1 = g[1];
        double m0 = Beta1 * _m0 + OneMinusBeta1 * g0;
        double m1 = Beta1 * _m1 + OneMinusBeta1 * g1;
        double v0 = Beta2 * _v0 + OneMinusBeta2 * g0 * g0;
        double v1 = Beta2 * _v1 + OneMinusBeta2 * g1 * g1;
        _m0 = m0; _m1 = m1; _v0 = v0; _v1 = v1;
        double denom0 = Math.Sqrt(v0 / bc2) + Eps;
        double denom1 = Math.Sqrt(v1 / bc2) + Eps;
        p[0] = p[0] - gradientStep * g0 / denom0 - momentumStep * m0 / denom0;
        p[1] = p[1] - gradientStep * g1 / denom1 - momentumStep * m1 / denom1;
    }
}

/// <summary>RAdam's once-per-step values, in double as torch computes them.</summary>
internal struct RAdamSchedule
{
    private const double Beta1 = 0.9, Beta2 = 0.999;
    private const double RhoInf = 2 / (1 - Beta2) - 1;
    private long _step;
    private double _beta1Power = 1, _beta2Power = 1;

    public RAdamSchedule()
    {
    }

    /// <summary>
    /// Advances one step; returns 1 − β₁ᵗ, and whether the variance is tractable (ρₜ &gt; 5), with then the
    /// rectification rₜ and √(1 − β₂ᵗ).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public (double Bc1, bool Rectified, double Rect, double SqrtBc2) Next()
    {
        double t = ++_step;
        double b1t = _beta1Power * Beta1, b2t = _beta2Power * Beta2;
        _beta1Power = b1t < 1e-18 ? 0 : b1t;
        _beta2Power = b2t < 1e-18 ? 0 : b2t;
        double bc2 = 1 - _beta2Power;
        double rho = RhoInf - 2 * t * _beta2Power / bc2;
        if (!(rho > 5))
        {
            return (1 - _beta1Power, false, 0, 0);
        }

        double rect = Math.Sqrt((rho - 4) * (rho - 2) * RhoInf / ((RhoInf - 4) * (RhoInf - 2) * rho));
        return (1 - _beta1Power, true, rect, Math.Sqrt(bc2));
    }
}

public sealed class RAdamFloatStraight
{
    private const float Beta1 = 0.9f, OneMinusBeta1 = 0.1f, Beta2 = 0.999f, OneMinusBeta2 = 0.001f, Eps = 1e-8f;
    public double LearningRate = 0.01;
    private RAdamSchedule _schedule = new();
    private float _m0, _m1, _v0, _v1;

    public void Step(Span<float> p, ReadOnlySpan<float> g)
    {
        if (p.Length != 2 || g.Length != 2) Lengths.Throw(p.Length, g.Length, 2);
        var (bc1D, rectified, rectD, sqrtBc2D) = _schedule.Next();
        float lr = (float)LearningRate, bc1 = (float)bc1D;

        float g0 = g[0], g1 = g[1];
        float m0 = Beta1 * _m0 + OneMinusBeta1 * g0;
        float m1 = Beta1 * _m1 + OneMinusBeta1 * g1;
        float v0 = Beta2 * _v0 + OneMinusBeta2 * g0 * g0;
        float v1 = Beta2 * _v1 + OneMinusBeta2 * g1 * g1;
        _m0 = m0; _m1 = m1; _v0 = v0; _v1 = v1;
        if (rectified)
        {
            float rect = (float)rectD, sqrtBc2 = (float)sqrtBc2D;
            p[0] -= m0 / bc1 * lr * (sqrtBc2 / (MathF.Sqrt(v0) + Eps)) * rect;
            p[1] -= m1 / bc1 * lr * (sqrtBc2 / (MathF.Sqrt(v1) + Eps)) * rect;
        }
        else
        {
            p[0] -= m0 / bc1 * lr;
            p[1] -= m1 / bc1 * lr;
        }
    }
}

public sealed class RAdamDoubleStraight
{
    private const double Beta1 = 0.9, OneMinusBeta1 = 1 - Beta1, Beta2 = 0.999, OneMinusBeta2 = 1 - Beta2, Eps = 1e-8;
    public double LearningRate = 0.01;
    private RAdamSchedule _schedule = new();
    private double _m0, _m1, _v0, _v1;

    public void Step(Span<double> p, ReadOnlySpan<double> g)
    {
        if (p.Length != 2 || g.Length != 2) Lengths.Throw(p.Length, g.Length, 2);
        var (bc1, rectified, rect, sqrtBc2) = _schedule.Next();
        double lr = LearningRate;

        double g0 = g[0], g1 = g[1];
        double m0 = Beta1 * _m0 + OneMinusBeta1 * g0;
        double m1 = Beta1 * _m1 + OneMinusBeta1 * g1;
        double v0 = Beta2 * _v0 + OneMinusBeta2 * g0 * g0;
        double v1 = Beta2 * _v1 + OneMinusBeta2 * g1 * g1;
        _m0 = m0; _m1 = m1; _v0 = v0; _v1 = v1;
        if (rectified)
        {
            p[0] -= m0 / bc1 * lr * (sqrtBc2 / (Math.Sqrt(v0) + Eps)) * rect;
            p[1] -= m1 / bc1 * lr * (sqrtBc2 / (Math.Sqrt(v1) + Eps)) * rect;
        }
        else
        {
            p[0] -= m0 / bc1 * lr;
            p[1] -= m1 / bc1 * lr;
        }
    }
}

public sealed class AdadeltaFloatStraight
{
    private const float Rho = 0.9f, OneMinusRho = 0.1f, Eps = 1e-6f;
    public double LearningRate = 0.01;
    private float _v0, _v1, _u0, _u1;

    public void Step(Span<float> p, ReadOnlySpan<float> g)
    {
        if (p.Length != 2 || g.Length != 2) Lengths.Throw(p.Length, g.Length, 2);
        float lr = (float)LearningRate;
        float g0 = g[0], g1 = g[1];
        float v0 = Rho * _v0 + OneMinusRho * g0 * g0;
        float v1 = Rho * _v1 + OneMinusRho * g1 * g1;
        float delta0 = MathF.Sqrt(_u0 + Eps) / MathF.Sqrt(v0 + Eps) * g0;
        float delta1 = MathF.Sqrt(_u1 + Eps) / MathF.Sqrt(v1 + Eps) * g1;
        _v0 = v0; _v1 = v1;
        _u0 = Rho * _u0 + OneMinusRho * delta0 * delta0;
        _u1 = Rho * _u1 + OneMinusRho * delta1 * delta1;
        p[0] -= lr * delta0;
        p[1] -= lr * delta1;
    }
}

public sealed class AdadeltaDoubleStraight
{
    private const double Rho = 0.9, OneMinusRho = 1 - Rho, Eps = 1e-6;
    public double LearningRate = 0.01;
    private double _v0, _v1, _u0, _u1;

    public void Step(Span<double> p, ReadOnlySpan<double> g)
    {
        if (p.Length != 2 || g.Length != 2) Lengths.Throw(p.Length, g.Length, 2);
        double lr = LearningRate;
        double g0 = g[0], g1 = g[1];
        double v0 = Rho * _v0 + OneMinusRho * g0 * g0;
        double v1 = Rho * _v1 + OneMinusRho * g1 * g1;
        double delta0 = Math.Sqrt(_u0 + Eps) / Math.Sqrt(v0 + Eps) * g0;
        double delta1 = Math.Sqrt(_u1 + Eps) / Math.Sqrt(v1 + Eps) * g1;
        _v0 = v0; _v1 = v1;
        _u0 = Rho * _u0 + OneMinusRho * delta0 * delta0;
        _u1 = Rho * _u1 + OneMinusRho * delta1 * delta1;
        p[0] -= lr * delta0;
        p[1] -= lr * delta1;
    }
}

public sealed class RpropFloatStraight
{
    private const float EtaMinus = 0.5f, EtaPlus = 1.2f, MinStep = 1e-6f, MaxStep = 50f;
    public double LearningRate = 0.01;
    private bool _started;
    private float _prev0, _prev1, _eta0, _eta1;

    public void Step(Span<float> p, ReadOnlySpan<float> g)
    {
        if (p.Length != 2 || g.Length != 2) Lengths.Throw(p.Length, g.Length, 2);
        if (!_started)
        {
            _eta0 = _eta1 = (float)LearningRate; // torch: the step sizes start at lr
            _started = true;
        }

        p[0] -= Update(g[0], ref _prev0, ref _eta0);
        p[1] -= Update(g[1], ref _prev1, ref _eta1);
    }

    /// <summary>One parameter's move: grow the step while the gradient keeps its sign, shrink it and skip the move when it flips.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Update(float g, ref float prev, ref float eta)
    {
        float agreement = g * prev;
        if (agreement < 0)
        {
            eta = Math.Clamp(eta * EtaMinus, MinStep, MaxStep);
            prev = 0;
            return 0;
        }

        eta = Math.Clamp(agreement > 0 ? eta * EtaPlus : eta, MinStep, MaxStep);
        prev = g;
        return (g > 0 ? 1 : g < 0 ? -1 : g) * eta; // torch.sign: 0 and NaN stay themselves
    }
}

public sealed class RpropDoubleStraight
{
    private const double EtaMinus = 0.5, EtaPlus = 1.2, MinStep = 1e-6, MaxStep = 50;
    public double LearningRate = 0.01;
    private bool _started;
    private double _prev0, _prev1, _eta0, _eta1;

    public void Step(Span<double> p, ReadOnlySpan<double> g)
    {
        if (p.Length != 2 || g.Length != 2) Lengths.Throw(p.Length, g.Length, 2);
        if (!_started)
        {
            _eta0 = _eta1 = LearningRate;
            _started = true;
        }

        p[0] -= Update(g[0], ref _prev0, ref _eta0);
        p[1] -= Update(g[1], ref _prev1, ref _eta1);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Update(double g, ref double prev, ref double eta)
    {
        double agreement = g * prev;
        if (agreement < 0)
        {
            eta = Math.Clamp(eta * EtaMinus, MinStep, MaxStep);
            prev = 0;
            return 0;
        }

        eta = Math.Clamp(agreement > 0 ? eta * EtaPlus : eta, MinStep, MaxStep);
        prev = g;
        return (g > 0 ? 1 : g < 0 ? -1 : g) * eta;
    }
}

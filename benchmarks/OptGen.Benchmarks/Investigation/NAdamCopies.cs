using OptGen.Benchmarks.HandWritten;

namespace OptGen.Benchmarks.Investigation;

/// <summary>
/// The NAdam baseline with its μ-product flushed to 0 below 1e-18, as βᵗ is (RunningPower). Unflushed, the product
/// is subnormal from step 976 and then stays at the smallest subnormal double for ever (0.9 × 4.9e-324 rounds back to
/// 4.9e-324), so every later step multiplies a subnormal. Once it is below 1e-18, 1 − μ̄ and 1 − μ̄·μₜ₊₁ are exactly 1,
/// so the flush changes no result (verify checks it bit for bit).
/// </summary>
public sealed class NAdamFloatStraightFlushed
{
    private const float Beta1 = 0.9f, OneMinusBeta1 = 0.1f, Beta2 = 0.999f, OneMinusBeta2 = 0.001f, Eps = 1e-8f;
    public double LearningRate = 0.01;
    private long _step;
    private double _muProduct = 1, _beta2Power = 1;
    private float _m0, _m1, _v0, _v1;

    public void Step(Span<float> p, ReadOnlySpan<float> g)
    {
        if (p.Length != 2 || g.Length != 2) Lengths.Throw(p.Length, g.Length, 2);
        double t = ++_step;
        double b2t = _beta2Power * 0.999;
        _beta2Power = b2t < 1e-18 ? 0 : b2t;
        double mu = 0.9 * (1 - 0.5 * Math.Pow(0.96, t * 0.004));
        double muNext = 0.9 * (1 - 0.5 * Math.Pow(0.96, (t + 1) * 0.004));
        double product = _muProduct * mu;
        _muProduct = product < 1e-18 ? 0 : product;
        float gradientStep = (float)(LearningRate * (1 - mu) / (1 - _muProduct));
        float momentumStep = (float)(LearningRate * muNext / (1 - _muProduct * muNext));
        float bc2 = (float)(1 - _beta2Power);

        float g0 = g[0], g1 = g[1];
        float m0 = Beta1 * _m0 + OneMinusBeta1 * g0;
        float m1 = Beta1 * _m1 + OneMinusBeta1 * g1;
        float v0 = Beta2 * _v0 + OneMinusBeta2 * g0 * g0;
        float v1 = Beta2 * _v1 + OneMinusBeta2 * g1 * g1;
        _m0 = m0; _m1 = m1; _v0 = v0; _v1 = v1;
        float denom0 = MathF.Sqrt(v0 / bc2) + Eps;
        float denom1 = MathF.Sqrt(v1 / bc2) + Eps;
        p[0] = p[0] - gradientStep * g0 / denom0 - momentumStep * m0 / denom0;
        p[1] = p[1] - gradientStep * g1 / denom1 - momentumStep * m1 / denom1;
    }
}

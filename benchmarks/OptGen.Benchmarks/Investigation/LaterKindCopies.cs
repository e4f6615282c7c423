using OptGen.CompilerServices;

namespace OptGen.Benchmarks.Investigation;

// The two later kinds furthest from their baselines at N = 2 (Adamax and Rprop, float): the generated Step pasted as
// the generator wrote it (2026-12-03, main fc20de1), and the same with the changes recommended in
// docs/benchmarks-kinds.md, so that `paired gap` can time each change and `verify` can check the bits.

/// <summary>OptGen.Benchmarks.Optimizers.AdamaxFloat2's Step, pasted.</summary>
public sealed class AdamaxFloat2Pasted
{
    private const int ParameterCount = 2;
    private double _beta1Power = 1.0;
    private float _m0, _m1;
    private float _u0, _u1;

    public double LearningRate { get; set; } = 0.01;

    public long StepCount { get; private set; }

    public void Step(Span<float> parameters, ReadOnlySpan<float> gradients)
    {
        if (parameters.Length != ParameterCount)
        {
            EarlierGuards.ThrowLengthMismatch(nameof(parameters), parameters.Length, ParameterCount);
        }

        if (gradients.Length != ParameterCount)
        {
            EarlierGuards.ThrowLengthMismatch(nameof(gradients), gradients.Length, ParameterCount);
        }

        StepCount++;
        _beta1Power = RunningPower.Next(_beta1Power, 0.9);
        float clr = (float)(LearningRate / (1.0 - _beta1Power));

        float g0 = gradients[0];
        _m0 = 0.9f * _m0 + 0.1f * g0;
        _u0 = MathF.Max(0.999f * _u0, MathF.Abs(g0) + 1e-08f);
        parameters[0] -= clr * _m0 / _u0;

        float g1 = gradients[1];
        _m1 = 0.9f * _m1 + 0.1f * g1;
        _u1 = MathF.Max(0.999f * _u1, MathF.Abs(g1) + 1e-08f);
        parameters[1] -= clr * _m1 / _u1;
    }
}

/// <summary>
/// <see cref="AdamaxFloat2Pasted"/> with one string-free length check and each new state value kept in a local
/// that the update reads, the field written from it: the JIT reloaded <c>_u0</c> from memory right after storing
/// it (the division waited on store-to-load forwarding).
/// </summary>
public sealed class AdamaxFloat2Locals
{
    private const int ParameterCount = 2;
    private double _beta1Power = 1.0;
    private float _m0, _m1;
    private float _u0, _u1;

    public double LearningRate { get; set; } = 0.01;

    public long StepCount { get; private set; }

    public void Step(Span<float> parameters, ReadOnlySpan<float> gradients)
    {
        if (parameters.Length != ParameterCount || gradients.Length != ParameterCount)
        {
            ProposedGuards.ThrowLengthMismatch(parameters.Length, gradients.Length, ParameterCount);
        }

        StepCount++;
        _beta1Power = RunningPower.Next(_beta1Power, 0.9);
        float clr = (float)(LearningRate / (1.0 - _beta1Power));

        float g0 = gradients[0];
        float m0 = _m0 = 0.9f * _m0 + 0.1f * g0;
        float u0 = _u0 = MathF.Max(0.999f * _u0, MathF.Abs(g0) + 1e-08f);
        parameters[0] -= clr * m0 / u0;

        float g1 = gradients[1];
        float m1 = _m1 = 0.9f * _m1 + 0.1f * g1;
        float u1 = _u1 = MathF.Max(0.999f * _u1, MathF.Abs(g1) + 1e-08f);
        parameters[1] -= clr * m1 / u1;
    }
}

/// <summary>OptGen.Benchmarks.Optimizers.RpropFloat2's Step, pasted.</summary>
public sealed class RpropFloat2Pasted
{
    private const int ParameterCount = 2;
    private float _prev0, _prev1;
    private float _eta0, _eta1;

    public double LearningRate { get; set; } = 0.01;

    public long StepCount { get; private set; }

    public void Step(Span<float> parameters, ReadOnlySpan<float> gradients)
    {
        if (parameters.Length != ParameterCount)
        {
            EarlierGuards.ThrowLengthMismatch(nameof(parameters), parameters.Length, ParameterCount);
        }

        if (gradients.Length != ParameterCount)
        {
            EarlierGuards.ThrowLengthMismatch(nameof(gradients), gradients.Length, ParameterCount);
        }

        double t = ++StepCount;
        bool firstStep = t == 1.0;
        float lr = (float)LearningRate;

        float g0 = gradients[0];
        float sign0 = ElementMath.Sign(g0 * _prev0);
        _eta0 = MathF.Min(MathF.Max((firstStep ? lr : _eta0) * (sign0 > 0f ? 1.2f : (sign0 < 0f ? 0.5f : 1f)), 1e-06f), 50f);
        float gStep0 = sign0 < 0f ? 0f : g0;
        parameters[0] -= ElementMath.Sign(gStep0) * _eta0;
        _prev0 = gStep0;

        float g1 = gradients[1];
        float sign1 = ElementMath.Sign(g1 * _prev1);
        _eta1 = MathF.Min(MathF.Max((firstStep ? lr : _eta1) * (sign1 > 0f ? 1.2f : (sign1 < 0f ? 0.5f : 1f)), 1e-06f), 50f);
        float gStep1 = sign1 < 0f ? 0f : g1;
        parameters[1] -= ElementMath.Sign(gStep1) * _eta1;
        _prev1 = gStep1;
    }
}

/// <summary>
/// <see cref="RpropFloat2Pasted"/> with one string-free length check, locals for the new state, and torch's clamp
/// written as two comparisons (<c>x &lt; lo ? lo : x &gt; hi ? hi : x</c>) instead of MathF.Min(MathF.Max(…)), whose
/// IEEE 754-2019 handling of NaN and −0 costs a dozen instructions each. The two agree on every value a step size
/// can take here (η &gt; 0 and 0 &lt; lo ≤ hi; NaN stays NaN either way).
/// </summary>
public sealed class RpropFloat2Clamp
{
    private const int ParameterCount = 2;
    private float _prev0, _prev1;
    private float _eta0, _eta1;

    public double LearningRate { get; set; } = 0.01;

    public long StepCount { get; private set; }

    public void Step(Span<float> parameters, ReadOnlySpan<float> gradients)
    {
        if (parameters.Length != ParameterCount || gradients.Length != ParameterCount)
        {
            ProposedGuards.ThrowLengthMismatch(parameters.Length, gradients.Length, ParameterCount);
        }

        double t = ++StepCount;
        bool firstStep = t == 1.0;
        float lr = (float)LearningRate;

        float g0 = gradients[0];
        float sign0 = ElementMath.Sign(g0 * _prev0);
        float eta0 = _eta0 = Clamp((firstStep ? lr : _eta0) * (sign0 > 0f ? 1.2f : (sign0 < 0f ? 0.5f : 1f)), 1e-06f, 50f);
        float gStep0 = sign0 < 0f ? 0f : g0;
        parameters[0] -= ElementMath.Sign(gStep0) * eta0;
        _prev0 = gStep0;

        float g1 = gradients[1];
        float sign1 = ElementMath.Sign(g1 * _prev1);
        float eta1 = _eta1 = Clamp((firstStep ? lr : _eta1) * (sign1 > 0f ? 1.2f : (sign1 < 0f ? 0.5f : 1f)), 1e-06f, 50f);
        float gStep1 = sign1 < 0f ? 0f : g1;
        parameters[1] -= ElementMath.Sign(gStep1) * eta1;
        _prev1 = gStep1;
    }

    private static float Clamp(float x, float lo, float hi) => x < lo ? lo : x > hi ? hi : x;
}

/// <summary>
/// <see cref="RpropFloat2Clamp"/> with fewer branches per element, each bit-identical: the product g·g₋ compared
/// with 0 directly (sign(x) &gt; 0 exactly when x &gt; 0), the first step's η ← lr done once in the step's prologue instead
/// of a select in every element, and the move written as a select of ±η (sign(gStep)·η for gStep ≠ 0; gStep·η
/// keeps ±0 and NaN as torch.sign(gStep)·η does).
/// </summary>
public sealed class RpropFloat2Lean
{
    private const int ParameterCount = 2;
    private float _prev0, _prev1;
    private float _eta0, _eta1;

    public double LearningRate { get; set; } = 0.01;

    public long StepCount { get; private set; }

    public void Step(Span<float> parameters, ReadOnlySpan<float> gradients)
    {
        if (parameters.Length != ParameterCount || gradients.Length != ParameterCount)
        {
            ProposedGuards.ThrowLengthMismatch(parameters.Length, gradients.Length, ParameterCount);
        }

        if (++StepCount == 1)
        {
            _eta0 = _eta1 = (float)LearningRate;
        }

        float g0 = gradients[0];
        float agreement0 = g0 * _prev0;
        float eta0 = _eta0 = Clamp(_eta0 * (agreement0 > 0f ? 1.2f : (agreement0 < 0f ? 0.5f : 1f)), 1e-06f, 50f);
        float gStep0 = agreement0 < 0f ? 0f : g0;
        parameters[0] -= gStep0 > 0f ? eta0 : gStep0 < 0f ? -eta0 : gStep0 * eta0;
        _prev0 = gStep0;

        float g1 = gradients[1];
        float agreement1 = g1 * _prev1;
        float eta1 = _eta1 = Clamp(_eta1 * (agreement1 > 0f ? 1.2f : (agreement1 < 0f ? 0.5f : 1f)), 1e-06f, 50f);
        float gStep1 = agreement1 < 0f ? 0f : g1;
        parameters[1] -= gStep1 > 0f ? eta1 : gStep1 < 0f ? -eta1 : gStep1 * eta1;
        _prev1 = gStep1;
    }

    private static float Clamp(float x, float lo, float hi) => x < lo ? lo : x > hi ? hi : x;
}

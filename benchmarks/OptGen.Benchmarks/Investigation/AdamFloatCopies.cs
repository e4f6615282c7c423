using System.Diagnostics.CodeAnalysis;
using OptGen.CompilerServices;

namespace OptGen.Benchmarks.Investigation;

// Issue 8's float Adam gap at N = 2 (1.08x the straight-line baseline in the 2026-11-28 one-launch suite run):
// the generated Step pasted by hand (a control: it must time as the generated one does), the same with one change
// each, and the baseline with the one piece of work it skips. AdamFloatGap times them side by side; `verify`
// checks that all compute the generated optimizer's numbers bit for bit.

/// <summary>OptGen.Benchmarks.Optimizers.AdamFloat2's Step as the generator wrote it (2026-12-03, main fc20de1), pasted.</summary>
public sealed class AdamFloat2Pasted
{
    private const int ParameterCount = 2;
    private double _beta1Power = 1.0;
    private double _beta2Power = 1.0;
    private float _m0, _m1;
    private float _v0, _v1;

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
        _beta2Power = RunningPower.Next(_beta2Power, 0.999);
        float stepSize = (float)(LearningRate / (1.0 - _beta1Power));
        float invSqrtBc2 = (float)(1.0 / Math.Sqrt(1.0 - _beta2Power));

        float g0 = gradients[0];
        _m0 = 0.9f * _m0 + 0.1f * g0;
        _v0 = 0.999f * _v0 + 0.001f * g0 * g0;
        parameters[0] -= stepSize * _m0 / (MathF.Sqrt(_v0) * invSqrtBc2 + 1e-08f);

        float g1 = gradients[1];
        _m1 = 0.9f * _m1 + 0.1f * g1;
        _v1 = 0.999f * _v1 + 0.001f * g1 * g1;
        parameters[1] -= stepSize * _m1 / (MathF.Sqrt(_v1) * invSqrtBc2 + 1e-08f);
    }
}

/// <summary>
/// <see cref="AdamFloat2Pasted"/> with the length checks the recommended generator change writes: one condition and a
/// throw helper that takes the two lengths and no string (the span's name is chosen inside it). The two
/// <c>nameof</c> strings made the cold throw blocks call the runtime's string-literal helper, so both lengths had
/// to survive a call: the JIT kept them in callee-saved registers and every Step pushed and popped two of them.
/// </summary>
public sealed class AdamFloat2OneCheck
{
    private const int ParameterCount = 2;
    private double _beta1Power = 1.0;
    private double _beta2Power = 1.0;
    private float _m0, _m1;
    private float _v0, _v1;

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
        _beta2Power = RunningPower.Next(_beta2Power, 0.999);
        float stepSize = (float)(LearningRate / (1.0 - _beta1Power));
        float invSqrtBc2 = (float)(1.0 / Math.Sqrt(1.0 - _beta2Power));

        float g0 = gradients[0];
        _m0 = 0.9f * _m0 + 0.1f * g0;
        _v0 = 0.999f * _v0 + 0.001f * g0 * g0;
        parameters[0] -= stepSize * _m0 / (MathF.Sqrt(_v0) * invSqrtBc2 + 1e-08f);

        float g1 = gradients[1];
        _m1 = 0.9f * _m1 + 0.1f * g1;
        _v1 = 0.999f * _v1 + 0.001f * g1 * g1;
        parameters[1] -= stepSize * _m1 / (MathF.Sqrt(_v1) * invSqrtBc2 + 1e-08f);
    }
}

/// <summary>The throw helper <see cref="AdamFloat2OneCheck"/> calls: what OptimizerGuards would gain.</summary>
internal static class ProposedGuards
{
    [DoesNotReturn]
    public static void ThrowLengthMismatch(int parametersLength, int gradientsLength, int parameterCount)
    {
        (string name, int length) = parametersLength != parameterCount ? ("parameters", parametersLength) : ("gradients", gradientsLength);
        throw new ArgumentException(
            $"The span '{name}' has {length} elements, but this optimizer updates ParameterCount = {parameterCount} parameters.", name);
    }
}

/// <summary>
/// The length check generated code made before the generator adopted <see cref="ProposedGuards"/>'s form (now
/// <c>OptimizerGuards.ThrowLengthMismatch(int, int, int)</c>): the pasted controls keep it, as they were measured.
/// </summary>
internal static class EarlierGuards
{
    [DoesNotReturn]
    public static void ThrowLengthMismatch(string spanName, int length, int parameterCount) =>
        throw new ArgumentException(
            $"The span '{spanName}' has {length} elements, but this optimizer updates ParameterCount = {parameterCount} parameters.", spanName);
}

/// <summary>The hand-written baseline (HandWritten/StraightLine.cs) plus the step counter the generated contract keeps.</summary>
public sealed class AdamFloatStraightCounting
{
    private const float Beta1 = 0.9f, OneMinusBeta1 = 0.1f, Beta2 = 0.999f, OneMinusBeta2 = 0.001f, Eps = 1e-8f;
    public double LearningRate = 0.01;
    public long StepCount;
    private double _beta1Power = 1, _beta2Power = 1;
    private float _m0, _m1, _v0, _v1;

    public void Step(Span<float> p, ReadOnlySpan<float> g)
    {
        if (p.Length != 2 || g.Length != 2) HandWritten.Lengths.Throw(p.Length, g.Length, 2);
        StepCount++;
        double b1t = _beta1Power * 0.9, b2t = _beta2Power * 0.999;
        _beta1Power = b1t < 1e-18 ? 0 : b1t;
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

/// <summary>
/// OptGen.Benchmarks.Optimizers.AdamDouble2's Step with the one change of <see cref="AdamFloat2OneCheck"/>: does the same
/// change close double Adam's gap (1.02–1.03x) too?
/// </summary>
public sealed class AdamDouble2OneCheck
{
    private const int ParameterCount = 2;
    private double _beta1Power = 1.0;
    private double _beta2Power = 1.0;
    private double _m0, _m1;
    private double _v0, _v1;

    public double LearningRate { get; set; } = 0.01;

    public long StepCount { get; private set; }

    public void Step(Span<double> parameters, ReadOnlySpan<double> gradients)
    {
        if (parameters.Length != ParameterCount || gradients.Length != ParameterCount)
        {
            ProposedGuards.ThrowLengthMismatch(parameters.Length, gradients.Length, ParameterCount);
        }

        StepCount++;
        _beta1Power = RunningPower.Next(_beta1Power, 0.9);
        _beta2Power = RunningPower.Next(_beta2Power, 0.999);
        double stepSize = LearningRate / (1.0 - _beta1Power);
        double invSqrtBc2 = 1.0 / Math.Sqrt(1.0 - _beta2Power);

        double g0 = gradients[0];
        _m0 = 0.9 * _m0 + 0.09999999999999998 * g0;
        _v0 = 0.999 * _v0 + 0.0010000000000000009 * g0 * g0;
        parameters[0] -= stepSize * _m0 / (Math.Sqrt(_v0) * invSqrtBc2 + 1e-08);

        double g1 = gradients[1];
        _m1 = 0.9 * _m1 + 0.09999999999999998 * g1;
        _v1 = 0.999 * _v1 + 0.0010000000000000009 * g1 * g1;
        parameters[1] -= stepSize * _m1 / (Math.Sqrt(_v1) * invSqrtBc2 + 1e-08);
    }
}

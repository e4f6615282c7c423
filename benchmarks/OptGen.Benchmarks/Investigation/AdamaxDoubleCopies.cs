using OptGen.CompilerServices;

namespace OptGen.Benchmarks.Investigation;

// The one kind × type still above 1.03× at N = 2 after the generator changes of 2026-12-03 (Adamax, double): the
// generated Step pasted as the generator writes it now, and the same without the step counter the contract keeps,
// and with the statements interleaved across the two parameters as the hand-written baseline orders them. `paired
// gap` times them; `verify` checks the bits.

/// <summary>OptGen.Benchmarks.Optimizers.AdamaxDouble2's Step, pasted (main 2458238).</summary>
public sealed class AdamaxDouble2Pasted
{
    private const int ParameterCount = 2;
    private double _beta1Power = 1.0;
    private double _m0, _m1;
    private double _u0, _u1;

    public double LearningRate { get; set; } = 0.01;

    public long StepCount { get; private set; }

    public void Step(Span<double> parameters, ReadOnlySpan<double> gradients)
    {
        if (parameters.Length != ParameterCount || gradients.Length != ParameterCount)
        {
            OptimizerGuards.ThrowLengthMismatch(parameters.Length, gradients.Length, ParameterCount);
        }

        StepCount++;
        _beta1Power = RunningPower.Next(_beta1Power, 0.9);
        double clr = LearningRate / (1.0 - _beta1Power);

        double g0 = gradients[0];
        double m0 = _m0 = 0.9 * _m0 + 0.09999999999999998 * g0;
        double u0 = _u0 = Math.Max(0.999 * _u0, Math.Abs(g0) + 1e-08);
        parameters[0] -= clr * m0 / u0;

        double g1 = gradients[1];
        double m1 = _m1 = 0.9 * _m1 + 0.09999999999999998 * g1;
        double u1 = _u1 = Math.Max(0.999 * _u1, Math.Abs(g1) + 1e-08);
        parameters[1] -= clr * m1 / u1;
    }
}

/// <summary><see cref="AdamaxDouble2Pasted"/> without <c>StepCount++</c>, which the baseline does not do.</summary>
public sealed class AdamaxDouble2NoCounter
{
    private const int ParameterCount = 2;
    private double _beta1Power = 1.0;
    private double _m0, _m1;
    private double _u0, _u1;

    public double LearningRate { get; set; } = 0.01;

    public void Step(Span<double> parameters, ReadOnlySpan<double> gradients)
    {
        if (parameters.Length != ParameterCount || gradients.Length != ParameterCount)
        {
            OptimizerGuards.ThrowLengthMismatch(parameters.Length, gradients.Length, ParameterCount);
        }

        _beta1Power = RunningPower.Next(_beta1Power, 0.9);
        double clr = LearningRate / (1.0 - _beta1Power);

        double g0 = gradients[0];
        double m0 = _m0 = 0.9 * _m0 + 0.09999999999999998 * g0;
        double u0 = _u0 = Math.Max(0.999 * _u0, Math.Abs(g0) + 1e-08);
        parameters[0] -= clr * m0 / u0;

        double g1 = gradients[1];
        double m1 = _m1 = 0.9 * _m1 + 0.09999999999999998 * g1;
        double u1 = _u1 = Math.Max(0.999 * _u1, Math.Abs(g1) + 1e-08);
        parameters[1] -= clr * m1 / u1;
    }
}

/// <summary><see cref="AdamaxDouble2Pasted"/> with each statement done for both parameters before the next.</summary>
public sealed class AdamaxDouble2Interleaved
{
    private const int ParameterCount = 2;
    private double _beta1Power = 1.0;
    private double _m0, _m1;
    private double _u0, _u1;

    public double LearningRate { get; set; } = 0.01;

    public long StepCount { get; private set; }

    public void Step(Span<double> parameters, ReadOnlySpan<double> gradients)
    {
        if (parameters.Length != ParameterCount || gradients.Length != ParameterCount)
        {
            OptimizerGuards.ThrowLengthMismatch(parameters.Length, gradients.Length, ParameterCount);
        }

        StepCount++;
        _beta1Power = RunningPower.Next(_beta1Power, 0.9);
        double clr = LearningRate / (1.0 - _beta1Power);

        double g0 = gradients[0], g1 = gradients[1];
        double m0 = _m0 = 0.9 * _m0 + 0.09999999999999998 * g0;
        double m1 = _m1 = 0.9 * _m1 + 0.09999999999999998 * g1;
        double u0 = _u0 = Math.Max(0.999 * _u0, Math.Abs(g0) + 1e-08);
        double u1 = _u1 = Math.Max(0.999 * _u1, Math.Abs(g1) + 1e-08);
        parameters[0] -= clr * m0 / u0;
        parameters[1] -= clr * m1 / u1;
    }
}

using OptGen.CompilerServices;

namespace OptGen.Benchmarks.Investigation;

// Float RMSProp and Adamax at N = 2, generated code pasted in the two orders the generator has written them: one
// parameter's block after the other (until 2026-12-03 14:00), and two parameters side by side, statement by
// statement (since). `paired gap` times both in the same minutes; `verify` checks the bits.

/// <summary>OptGen.Benchmarks.Optimizers.RMSPropFloat2's Step as now generated (two parameters side by side).</summary>
public sealed class RMSPropFloat2SideBySide
{
    private const int ParameterCount = 2;
    private float _v0, _v1;

    public double LearningRate { get; set; } = 0.01;

    public long StepCount { get; private set; }

    public void Step(Span<float> parameters, ReadOnlySpan<float> gradients)
    {
        if (parameters.Length != ParameterCount || gradients.Length != ParameterCount)
        {
            OptimizerGuards.ThrowLengthMismatch(parameters.Length, gradients.Length, ParameterCount);
        }

        StepCount++;
        float lr = (float)LearningRate;

        float g0 = gradients[0];
        float g1 = gradients[1];
        float v0 = _v0 = 0.99f * _v0 + 0.01f * g0 * g0;
        float v1 = _v1 = 0.99f * _v1 + 0.01f * g1 * g1;
        parameters[0] -= lr * g0 / (MathF.Sqrt(v0) + 1e-08f);
        parameters[1] -= lr * g1 / (MathF.Sqrt(v1) + 1e-08f);
    }
}

/// <summary><see cref="RMSPropFloat2SideBySide"/> in the previous order: θ₀'s block, then θ₁'s.</summary>
public sealed class RMSPropFloat2OneAfterTheOther
{
    private const int ParameterCount = 2;
    private float _v0, _v1;

    public double LearningRate { get; set; } = 0.01;

    public long StepCount { get; private set; }

    public void Step(Span<float> parameters, ReadOnlySpan<float> gradients)
    {
        if (parameters.Length != ParameterCount || gradients.Length != ParameterCount)
        {
            OptimizerGuards.ThrowLengthMismatch(parameters.Length, gradients.Length, ParameterCount);
        }

        StepCount++;
        float lr = (float)LearningRate;

        float g0 = gradients[0];
        float v0 = _v0 = 0.99f * _v0 + 0.01f * g0 * g0;
        parameters[0] -= lr * g0 / (MathF.Sqrt(v0) + 1e-08f);

        float g1 = gradients[1];
        float v1 = _v1 = 0.99f * _v1 + 0.01f * g1 * g1;
        parameters[1] -= lr * g1 / (MathF.Sqrt(v1) + 1e-08f);
    }
}

using OptGen.Data;
using OptGen.Losses;
using OptGen.Models;

namespace OptGen.Tests.Runtime;

/// <summary>
/// A model with any number of parameters and almost no work per parameter — ½‖θ − c‖² with a fixed target c,
/// whatever the data — for checkpoints of hundreds of millions of values.
/// </summary>
internal sealed class WideModel(int parameterCount) : IModel<double>
{
    public int ParameterCount => parameterCount;
    public int InputCount => 1;
    public Loss Loss => Loss.SquaredError(Reduction.Sum);
    public Activation OutputActivation => Activation.Identity;

    public void Initialize(Span<double> parameters, ulong seed)
    {
        for (int i = 0; i < parameters.Length; i++)
        {
            parameters[i] = (double)((seed + (ulong)i) % 1000) / 1000;
        }
    }

    public double Predict(ReadOnlySpan<double> parameters, ReadOnlySpan<double> features) => 0;

    public double ComputeLoss(ReadOnlySpan<double> parameters, Batch<double> batch)
    {
        double sum = 0;
        for (int i = 0; i < parameters.Length; i++)
        {
            double d = parameters[i] - Target(i);
            sum += 0.5 * d * d;
        }

        return sum;
    }

    public double ComputeLossAndGradient(ReadOnlySpan<double> parameters, Batch<double> batch, Span<double> gradient)
    {
        for (int i = 0; i < parameters.Length; i++)
        {
            gradient[i] = parameters[i] - Target(i);
        }

        return ComputeLoss(parameters, batch);
    }

    private static double Target(int i) => (i % 7) * 0.1;
}

using System.Numerics;
using OptGen.Losses;

namespace OptGen.Models;

/// <summary>
/// The tutorial's neuron f(x) = 1 / (1 + e^−(w·x + b)) on one feature, parameters [w, b], trained on
/// the summed squared error Σ ½(f(x) − y)² by default.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
public sealed class SigmoidNeuron<T> : LinearModel<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The index of w in the parameter span.</summary>
    public const int W = 0;

    /// <summary>The index of b in the parameter span.</summary>
    public const int B = 1;

    /// <summary>A neuron with the tutorial's loss (summed squared error) or another.</summary>
    public SigmoidNeuron(Loss? loss = null)
        : base(1, Activation.Sigmoid, loss ?? Loss.SquaredError(Reduction.Sum))
    {
    }

    /// <summary>Sets the tutorial's starting point, w = b = −2 (the seed is not used).</summary>
    public override void Initialize(Span<T> parameters, ulong seed)
    {
        ModelChecks.Parameters(parameters.Length, ParameterCount, nameof(parameters));
        parameters[W] = T.CreateChecked(-2);
        parameters[B] = T.CreateChecked(-2);
    }
}

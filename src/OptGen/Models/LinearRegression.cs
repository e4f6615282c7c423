using System.Numerics;
using OptGen.Losses;

namespace OptGen.Models;

/// <summary>Linear regression ŷ = w·x + b, parameters [w₀, …, w_{d−1}, b], on the mean squared error by default.</summary>
/// <typeparam name="T">The element type.</typeparam>
public sealed class LinearRegression<T> : LinearModel<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Linear regression over <paramref name="inputCount"/> features.</summary>
    public LinearRegression(int inputCount, Loss? loss = null)
        : base(inputCount, Activation.Identity, loss ?? Loss.SquaredError(Reduction.Mean))
    {
    }
}

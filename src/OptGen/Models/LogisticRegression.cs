using System.Numerics;
using OptGen.Losses;

namespace OptGen.Models;

/// <summary>
/// Logistic regression p = σ(w·x + b), parameters [w₀, …, w_{d−1}, b], on the mean binary cross-entropy
/// (computed from the logit) by default.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
public sealed class LogisticRegression<T> : LinearModel<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Logistic regression over <paramref name="inputCount"/> features.</summary>
    public LogisticRegression(int inputCount, Loss? loss = null)
        : base(inputCount, Activation.Sigmoid, loss ?? Loss.BinaryCrossEntropy(Reduction.Mean))
    {
    }
}

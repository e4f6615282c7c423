using System.Numerics;
using OptGen.Data;
using OptGen.Losses;

namespace OptGen.Models;

/// <summary>
/// a = act(w·x + b) with parameters laid out as [w₀, …, w_{d−1}, b]: the common shape of the sigmoid
/// neuron, linear regression and logistic regression.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
public class LinearModel<T> : IModel<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>A linear model over <paramref name="inputCount"/> features with the given output and loss.</summary>
    /// <exception cref="ArgumentException">The loss does not fit the output (cross-entropy needs a sigmoid).</exception>
    public LinearModel(int inputCount, Activation outputActivation, Loss loss)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputCount);
        loss.CheckOutput(outputActivation);
        InputCount = inputCount;
        OutputActivation = outputActivation;
        Loss = loss;
    }

    /// <inheritdoc/>
    public int ParameterCount => InputCount + 1;

    /// <inheritdoc/>
    public int InputCount { get; }

    /// <inheritdoc/>
    public Loss Loss { get; }

    /// <inheritdoc/>
    public Activation OutputActivation { get; }

    /// <summary>The index of the bias b in the parameter span (the weights come first).</summary>
    public int BiasIndex => InputCount;

    /// <summary>Sets every parameter to zero (the loss of a linear model is convex; no symmetry to break).</summary>
    public virtual void Initialize(Span<T> parameters, ulong seed)
    {
        ModelChecks.Parameters(parameters.Length, ParameterCount, nameof(parameters));
        parameters.Clear();
    }

    /// <inheritdoc/>
    public T Predict(ReadOnlySpan<T> parameters, ReadOnlySpan<T> features)
    {
        ModelChecks.Parameters(parameters.Length, ParameterCount, nameof(parameters));
        ModelChecks.Features(features.Length, InputCount, nameof(features));
        return Activations.Apply(OutputActivation, PreActivation(parameters, features));
    }

    /// <inheritdoc/>
    public T ComputeLoss(ReadOnlySpan<T> parameters, Batch<T> batch)
    {
        ModelChecks.Parameters(parameters.Length, ParameterCount, nameof(parameters));
        ModelChecks.Batch(batch.Count, batch.Data.FeatureCount, InputCount);
        T sum = T.Zero;
        for (int i = 0; i < batch.Count; i++)
        {
            sum += Loss.Value(PreActivation(parameters, batch.Features(i)), batch.Target(i), OutputActivation);
        }

        return Loss.Reduce(sum, batch.Count);
    }

    /// <inheritdoc/>
    public T ComputeLossAndGradient(ReadOnlySpan<T> parameters, Batch<T> batch, Span<T> gradient)
    {
        ModelChecks.Parameters(parameters.Length, ParameterCount, nameof(parameters));
        ModelChecks.Parameters(gradient.Length, ParameterCount, nameof(gradient));
        ModelChecks.Batch(batch.Count, batch.Data.FeatureCount, InputCount);
        gradient.Clear();
        T sum = T.Zero;
        int d = InputCount;
        for (int i = 0; i < batch.Count; i++)
        {
            ReadOnlySpan<T> x = batch.Features(i);
            sum += Loss.ValueAndDerivative(PreActivation(parameters, x), batch.Target(i), OutputActivation, out T dz);

            // ∂L/∂wⱼ = ∂L/∂z · xⱼ and ∂L/∂b = ∂L/∂z, accumulated sample by sample in batch order.
            for (int j = 0; j < d; j++)
            {
                gradient[j] += dz * x[j];
            }

            gradient[d] += dz;
        }

        Loss.Reduce(gradient, batch.Count);
        return Loss.Reduce(sum, batch.Count);
    }

    private T PreActivation(ReadOnlySpan<T> parameters, ReadOnlySpan<T> x)
    {
        // b + Σ wⱼxⱼ; for one feature this is exactly the tutorial's w·x + b (addition commutes in IEEE arithmetic).
        T z = parameters[InputCount];
        for (int j = 0; j < x.Length; j++)
        {
            z += parameters[j] * x[j];
        }

        return z;
    }
}

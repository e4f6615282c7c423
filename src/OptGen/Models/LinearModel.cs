using System.Numerics;
using OptGen.Data;
using OptGen.Losses;

namespace OptGen.Models;

/// <summary>
/// a = act(w·x + b) with parameters laid out as [w₀, …, w_{d−1}, b]: the common shape of the sigmoid
/// neuron, linear regression and logistic regression.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
public class LinearModel<T> : IModel<T>, IParameterLayout
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>A linear model over <paramref name="inputCount"/> features with the given output and loss.</summary>
    /// <exception cref="ArgumentException">The loss does not fit the output (cross-entropy needs a sigmoid).</exception>
    public LinearModel(int inputCount, Activation outputActivation, Loss loss)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputCount);
        ModelChecks.SingleOutput(outputActivation, Activation.Identity);
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

    /// <summary>Two buffers: <c>weight</c> (w₀ … w_{d−1}) and <c>bias</c> (b).</summary>
    public IReadOnlyList<ParameterBuffer> ParameterBuffers =>
        [new ParameterBuffer("weight", ParameterRole.Weight, 0, InputCount), new ParameterBuffer("bias", ParameterRole.Bias, InputCount, 1)];

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
        return BatchLoop.Loss(new Pass(this), Loss, OutputActivation, parameters, batch);
    }

    /// <inheritdoc/>
    public T ComputeLossAndGradient(ReadOnlySpan<T> parameters, Batch<T> batch, Span<T> gradient)
    {
        ModelChecks.Parameters(parameters.Length, ParameterCount, nameof(parameters));
        ModelChecks.Parameters(gradient.Length, ParameterCount, nameof(gradient));
        ModelChecks.Batch(batch.Count, batch.Data.FeatureCount, InputCount);
        return BatchLoop.LossAndGradient(new Pass(this), Loss, OutputActivation, parameters, batch, gradient);
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

    // ∂L/∂wⱼ = ∂L/∂z · xⱼ and ∂L/∂b = ∂L/∂z, accumulated sample by sample in batch order.
    private void AddGradient(ReadOnlySpan<T> x, T dz, Span<T> gradient)
    {
        for (int j = 0; j < x.Length; j++)
        {
            gradient[j] += dz * x[j];
        }

        gradient[InputCount] += dz;
    }

    private readonly struct Pass(LinearModel<T> model) : ISamplePass<T>
    {
        public T Forward(ReadOnlySpan<T> parameters, ReadOnlySpan<T> features) => model.PreActivation(parameters, features);

        public void Backward(ReadOnlySpan<T> parameters, ReadOnlySpan<T> features, T outputGradient, Span<T> gradient) =>
            model.AddGradient(features, outputGradient, gradient);
    }
}

using System.Numerics;
using OptGen.Data;
using OptGen.Losses;

namespace OptGen.Models;

/// <summary>
/// One sample's pass through a model: the output's pre-activation, then backpropagation from ∂L/∂z of that
/// output. Implemented by a small struct inside each model, so that <see cref="BatchLoop"/>'s generic loops are
/// specialized for the model and its calls inlined, as the loops written in the model itself would be.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
internal interface ISamplePass<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The output's pre-activation z for one sample (keeping whatever <see cref="Backward"/> needs).</summary>
    T Forward(ReadOnlySpan<T> parameters, ReadOnlySpan<T> features);

    /// <summary>Adds the gradient of the sample just run <see cref="Forward"/>, whose ∂L/∂z is <paramref name="outputGradient"/>.</summary>
    void Backward(ReadOnlySpan<T> parameters, ReadOnlySpan<T> features, T outputGradient, Span<T> gradient);
}

/// <summary>
/// The batch loops every model shares: the per-sample losses (and gradients) summed in batch order, then
/// reduced by the loss's <see cref="Reduction"/>. The callers check their arguments.
/// </summary>
internal static class BatchLoop
{
    public static T Loss<T, TPass>(TPass pass, Loss loss, Activation output, ReadOnlySpan<T> parameters, Batch<T> batch)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TPass : struct, ISamplePass<T>
    {
        T sum = T.Zero;
        for (int i = 0; i < batch.Count; i++)
        {
            sum += loss.Value(pass.Forward(parameters, batch.Features(i)), batch.Target(i), output);
        }

        return loss.Reduce(sum, batch.Count);
    }

    public static T LossAndGradient<T, TPass>(TPass pass, Loss loss, Activation output, ReadOnlySpan<T> parameters, Batch<T> batch, Span<T> gradient)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TPass : struct, ISamplePass<T>
    {
        gradient.Clear();
        T sum = T.Zero;
        for (int i = 0; i < batch.Count; i++)
        {
            ReadOnlySpan<T> x = batch.Features(i);
            sum += loss.ValueAndDerivative(pass.Forward(parameters, x), batch.Target(i), output, out T dz);
            pass.Backward(parameters, x, dz, gradient);
        }

        loss.Reduce(gradient, batch.Count);
        return loss.Reduce(sum, batch.Count);
    }
}

using System.Numerics;
using OptGen.Data;
using OptGen.Losses;

namespace OptGen.Models;

/// <summary>
/// A differentiable model with one scalar output per sample, whose parameters live in one flat span
/// owned by the caller. Computing a loss or gradient allocates nothing: any scratch space a model needs
/// is allocated once, when it is created — so one model instance must not be used by two threads at once.
/// </summary>
/// <typeparam name="T">The element type: <see cref="float"/> or <see cref="double"/>.</typeparam>
public interface IModel<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The length of the parameter span.</summary>
    int ParameterCount { get; }

    /// <summary>The number of features per sample.</summary>
    int InputCount { get; }

    /// <summary>The loss the model is trained on.</summary>
    Loss Loss { get; }

    /// <summary>The activation of the output: <see cref="Activation.Sigmoid"/> for a probability, <see cref="Activation.Identity"/> for a value.</summary>
    Activation OutputActivation { get; }

    /// <summary>Writes initial parameters (the model's own rule: zeros, or Xavier/He) drawn from <paramref name="seed"/>.</summary>
    void Initialize(Span<T> parameters, ulong seed);

    /// <summary>The model's output for one sample (a probability when the output is a sigmoid).</summary>
    T Predict(ReadOnlySpan<T> parameters, ReadOnlySpan<T> features);

    /// <summary>The loss over <paramref name="batch"/>.</summary>
    T ComputeLoss(ReadOnlySpan<T> parameters, Batch<T> batch);

    /// <summary>The loss over <paramref name="batch"/>; its gradient is written to <paramref name="gradient"/>.</summary>
    T ComputeLossAndGradient(ReadOnlySpan<T> parameters, Batch<T> batch, Span<T> gradient);
}

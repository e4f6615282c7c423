using System.Numerics;
using OptGen.Data;
using OptGen.Losses;
using OptGen.Models;

namespace OptGen.Distributed.TestHost;

/// <summary>
/// A model that is another one, except for what a subclass changes in its gradient — the way the tests inject a
/// failure or a non-finite value at a chosen step. (Shared with OptGen.Distributed.Tests as a linked file.)
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
internal abstract class WrappedModel<T>(IModel<T> inner) : IModel<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private int _gradientCalls;

    public int ParameterCount => inner.ParameterCount;

    public int InputCount => inner.InputCount;

    public Loss Loss => inner.Loss;

    public Activation OutputActivation => inner.OutputActivation;

    public void Initialize(Span<T> parameters, ulong seed) => inner.Initialize(parameters, seed);

    public T Predict(ReadOnlySpan<T> parameters, ReadOnlySpan<T> features) => inner.Predict(parameters, features);

    public T ComputeLoss(ReadOnlySpan<T> parameters, Batch<T> batch) => inner.ComputeLoss(parameters, batch);

    public T ComputeLossAndGradient(ReadOnlySpan<T> parameters, Batch<T> batch, Span<T> gradient)
    {
        int call = ++_gradientCalls;
        BeforeGradient(call);
        T loss = inner.ComputeLossAndGradient(parameters, batch, gradient);
        AfterGradient(call, gradient);
        return loss;
    }

    /// <summary>Called before the <paramref name="call"/>-th gradient (1-based) is computed.</summary>
    protected virtual void BeforeGradient(int call)
    {
    }

    /// <summary>Called after the <paramref name="call"/>-th gradient (1-based) is computed, with it.</summary>
    protected virtual void AfterGradient(int call, Span<T> gradient)
    {
    }
}

using System.Numerics;

namespace OptGen;

/// <summary>
/// A first-order optimizer over a flat span of parameters. The OptGen generator implements it on every
/// <see cref="OptimizerAttribute"/> type; training loops take it as a generic constraint
/// (<c>where TOptimizer : IOptimizer&lt;T&gt;</c>) so that the JIT specializes them and a struct optimizer
/// is never boxed.
/// </summary>
/// <typeparam name="T">The element type: <see cref="float"/> or <see cref="double"/>.</typeparam>
public interface IOptimizer<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The number of parameters that <see cref="Step(Span{T}, ReadOnlySpan{T})"/> updates.</summary>
    int ParameterCount { get; }

    /// <summary>The learning rate of the next step (a double for every <typeparamref name="T"/>, as torch keeps lr).</summary>
    double LearningRate { get; set; }

    /// <summary>The number of steps taken since construction or the last <see cref="Reset"/>.</summary>
    long StepCount { get; }

    /// <summary>Updates <paramref name="parameters"/> in place from <paramref name="gradients"/>. Allocates nothing.</summary>
    /// <exception cref="ArgumentException">A span's length is not <see cref="ParameterCount"/>.</exception>
    void Step(Span<T> parameters, ReadOnlySpan<T> gradients);

    /// <summary>
    /// Updates <paramref name="parameters"/> in place from <paramref name="gradients"/>, each multiplied by
    /// <paramref name="gradientScale"/> as it is read (gradient accumulation's 1/k, loss-scale unscaling, a clip
    /// coefficient shared by several optimizers) — the same bits as scaling the gradients first, without the extra
    /// pass over memory. Allocates nothing.
    /// </summary>
    /// <exception cref="ArgumentException">A span's length is not <see cref="ParameterCount"/>.</exception>
    void Step(Span<T> parameters, ReadOnlySpan<T> gradients, T gradientScale);

    /// <summary>
    /// Updates every buffer of <paramref name="parameters"/> in one step: the per-step values (step count, bias
    /// corrections) are computed once, then each buffer is updated against its slice of the state. Allocates nothing.
    /// </summary>
    /// <exception cref="ArgumentException">The set's <see cref="ParameterSet{T}.TotalLength"/> is not <see cref="ParameterCount"/>.</exception>
    void Step(ParameterSet<T> parameters);

    /// <summary><see cref="Step(ParameterSet{T})"/> with every gradient multiplied by <paramref name="gradientScale"/> as it is read.</summary>
    /// <exception cref="ArgumentException">The set's <see cref="ParameterSet{T}.TotalLength"/> is not <see cref="ParameterCount"/>.</exception>
    void Step(ParameterSet<T> parameters, T gradientScale);

    /// <summary>Returns to the state of a new instance, learning rate included.</summary>
    void Reset();

    /// <summary>The number of elements <see cref="SaveState"/> writes.</summary>
    int StateLength { get; }

    /// <summary>
    /// Writes a header (the kind and a fingerprint of the compiled-in hyperparameters), the step count and the
    /// learning rate (exactly), the scalar state (running powers, …) and every buffer.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is not <see cref="StateLength"/> long.</exception>
    void SaveState(Span<T> destination);

    /// <summary>Restores what <see cref="SaveState"/> wrote, so that the next step continues bit for bit.</summary>
    /// <exception cref="ArgumentException">
    /// <paramref name="source"/> is not <see cref="StateLength"/> long, was written by another kind or configuration,
    /// or is corrupted (a value outside its range: a NaN, a negative second moment, …). The optimizer is then unchanged.
    /// </exception>
    void LoadState(ReadOnlySpan<T> source);
}

using System.ComponentModel;
using System.Numerics;

namespace OptGen.CompilerServices;

/// <summary>
/// One core's share of a step: the update of parameters [start, end). Implemented by generated optimizers
/// declared with <c>Parallel = true</c>; <see cref="ParallelStep{T}"/> calls it from several threads at once.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IRangeStep<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Updates the parameters in [<paramref name="start"/>, <paramref name="end"/>) for the current step.</summary>
    void StepRange(Span<T> parameters, ReadOnlySpan<T> gradients, int start, int end);
}

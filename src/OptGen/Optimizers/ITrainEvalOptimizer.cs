using System.Numerics;

namespace OptGen;

/// <summary>
/// An optimizer whose parameters mean different points while training and while evaluating — Schedule-Free:
/// <see cref="Train"/> moves them to the point the steps take (y), <see cref="Eval"/> to the point to evaluate and
/// save (x). <c>Step</c> is refused in evaluation mode. Implemented by generated <c>Kind.ScheduleFreeAdamW</c> optimizers.
/// </summary>
/// <typeparam name="T">The element type: <see cref="float"/> or <see cref="double"/>.</typeparam>
public interface ITrainEvalOptimizer<T> : IOptimizer<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Whether the optimizer is in training mode (a new one is not, as the reference's).</summary>
    bool IsTraining { get; }

    /// <summary>Enters training mode, moving <paramref name="parameters"/> to y (nothing when already training).</summary>
    /// <exception cref="ArgumentException"><paramref name="parameters"/> is not ParameterCount long.</exception>
    void Train(Span<T> parameters);

    /// <summary>Enters evaluation mode, moving <paramref name="parameters"/> to x (nothing when already evaluating).</summary>
    /// <exception cref="ArgumentException"><paramref name="parameters"/> is not ParameterCount long.</exception>
    void Eval(Span<T> parameters);
}

using System.Numerics;
using System.Numerics.Tensors;

namespace OptGen;

/// <summary>
/// The global gradient norm over parameter sets as torch's <c>clip_grad_norm_</c> computes it (each buffer's norm,
/// then the norm of those), and the clipping coefficient that every clip in OptGen uses. <see cref="GradientNorm{T}"/>
/// measures a norm across spans without a parameter set (the fused clip of generated steps, the trainer).
/// </summary>
public static class GradientNorm
{
    /// <summary>The Euclidean norm of every gradient of <paramref name="set"/>, as one vector.</summary>
    public static T Of<T>(ParameterSet<T> set)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(set);
        return T.Sqrt(SumOfSquaredNorms(set));
    }

    /// <summary>
    /// Σₖ ‖gₖ‖² over the buffers of <paramref name="set"/>: each buffer's norm first, then the norm of those norms, as
    /// torch's <c>clip_grad_norm_</c> computes the total (so buffers of very different scales do not lose the small ones).
    /// </summary>
    public static T SumOfSquaredNorms<T>(ParameterSet<T> set)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(set);
        T sum = T.Zero;
        for (int k = 0; k < set.Count; k++)
        {
            T norm = TensorPrimitives.Norm(set.Gradients(k));
            sum += norm * norm;
        }

        return sum;
    }

    /// <summary>min(1, <paramref name="maxNorm"/> / (<paramref name="totalNorm"/> + 1e-6)), in <typeparamref name="T"/>, as libtorch's <c>clip_grad_norm_</c>.</summary>
    public static T ClipCoefficient<T>(T totalNorm, double maxNorm)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T coefficient = T.CreateChecked(maxNorm) / (totalNorm + T.CreateChecked(1e-6));
        return T.Min(coefficient, T.One);
    }
}

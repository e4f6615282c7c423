using System.Numerics;
using OptGen.Models;

namespace OptGen.Losses;

/// <summary>A loss: a per-sample function and how it reduces over a batch.</summary>
/// <param name="Kind">The per-sample function.</param>
/// <param name="Reduction">Sum or mean over the batch.</param>
public readonly record struct Loss(LossKind Kind, Reduction Reduction)
{
    /// <summary>Squared error ½(a − y)², summed over the batch unless <paramref name="reduction"/> says mean.</summary>
    public static Loss SquaredError(Reduction reduction = Reduction.Sum) => new(LossKind.SquaredError, reduction);

    /// <summary>Binary cross-entropy from logits, averaged over the batch unless <paramref name="reduction"/> says sum.</summary>
    public static Loss BinaryCrossEntropy(Reduction reduction = Reduction.Mean) => new(LossKind.BinaryCrossEntropy, reduction);

    /// <summary>Softmax cross-entropy from k logits against a class index, averaged over the batch unless <paramref name="reduction"/> says sum (torch's <c>cross_entropy</c>).</summary>
    public static Loss SoftmaxCrossEntropy(Reduction reduction = Reduction.Mean) => new(LossKind.SoftmaxCrossEntropy, reduction);

    /// <summary>Throws unless this loss can follow an output activation (cross-entropy needs a sigmoid output).</summary>
    /// <exception cref="ArgumentException">Cross-entropy on an output that is not a sigmoid.</exception>
    public void CheckOutput(Activation output)
    {
        if (Kind == LossKind.BinaryCrossEntropy && output != Activation.Sigmoid)
        {
            throw new ArgumentException($"Binary cross-entropy needs a sigmoid output (a probability), not {output}.", nameof(output));
        }

        if ((Kind == LossKind.SoftmaxCrossEntropy) != (output == Activation.Softmax))
        {
            throw new ArgumentException(
                $"Softmax cross-entropy and a softmax output go together (a classifier over k classes, see MlpClassifier); got {Kind} on a {output} output.",
                nameof(output));
        }

        if (output is not (Activation.Identity or Activation.Sigmoid or Activation.Softmax))
        {
            throw new ArgumentException($"An output activation must be Identity, Sigmoid or Softmax, not {output}.", nameof(output));
        }
    }

    /// <summary>The loss of one sample whose pre-activation output is <paramref name="z"/>.</summary>
    public T Value<T>(T z, T target, Activation output)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        RefuseVectorLoss();
        if (Kind == LossKind.BinaryCrossEntropy)
        {
            return CrossEntropyFromLogit(z, target);
        }

        T difference = Activations.Apply(output, z) - target;
        return Half<T>() * difference * difference;
    }

    /// <summary>
    /// The loss of one sample whose pre-activation output is <paramref name="z"/>, and its derivative with
    /// respect to <paramref name="z"/> (where backpropagation starts).
    /// </summary>
    public T ValueAndDerivative<T>(T z, T target, Activation output, out T derivative)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        RefuseVectorLoss();
        if (Kind == LossKind.BinaryCrossEntropy)
        {
            // d/dz of the cross-entropy of σ(z) is σ(z) − y: no division by σ(1 − σ), so no blow-up at 0 or 1.
            derivative = Activations.Sigmoid(z) - target;
            return CrossEntropyFromLogit(z, target);
        }

        T a = Activations.Apply(output, z);
        T difference = a - target;
        derivative = output == Activation.Sigmoid ? difference * a * (T.One - a) : difference;
        return Half<T>() * difference * difference;
    }

    /// <summary>The batch's loss from the sum of its <paramref name="count"/> per-sample losses: the sum itself, or the sum divided by n.</summary>
    public T Reduce<T>(T sum, int count)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Reduction == Reduction.Mean ? sum / T.CreateChecked(count) : sum;

    /// <summary>Applies the reduction to a gradient summed over <paramref name="count"/> samples (in place; a division by n for the mean).</summary>
    public void Reduce<T>(Span<T> gradient, int count)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (Reduction == Reduction.Mean)
        {
            T n = T.CreateChecked(count);
            for (int i = 0; i < gradient.Length; i++)
            {
                gradient[i] /= n;
            }
        }
    }

    /// <summary>
    /// Cross-entropy of σ(z) against y in the stable form max(z, 0) − z·y + log(1 + e^−|z|): the exponent is
    /// never positive, so nothing overflows, and log σ is never taken of a rounded-to-zero probability.
    /// </summary>
    public static T CrossEntropyFromLogit<T>(T z, T target)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        T.Max(z, T.Zero) - z * target + T.LogP1(T.Exp(-T.Abs(z)));

    private void RefuseVectorLoss()
    {
        if (Kind == LossKind.SoftmaxCrossEntropy)
        {
            throw new InvalidOperationException("Softmax cross-entropy takes a vector of logits, not one output; use OptGen.Losses.Softmax.CrossEntropy.");
        }
    }

    private static T Half<T>()
        where T : unmanaged, IFloatingPointIeee754<T> => T.One / (T.One + T.One);
}

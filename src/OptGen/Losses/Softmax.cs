using System.Numerics;
using System.Numerics.Tensors;

namespace OptGen.Losses;

/// <summary>Softmax and softmax cross-entropy over one sample's k logits, in the numerically stable form.</summary>
public static class Softmax
{
    /// <summary>
    /// −log softmax(z)_y = log Σⱼ e^(zⱼ − m) − (z_y − m) with m = max z: every exponent is at most 0, so nothing
    /// overflows, and the log of a probability that rounds to zero is never taken.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="target"/> is not a class index of <paramref name="logits"/>.</exception>
    public static T CrossEntropy<T>(ReadOnlySpan<T> logits, int target)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckTarget(logits.Length, target);
        T max = TensorPrimitives.Max(logits);
        T sum = T.Zero;
        for (int j = 0; j < logits.Length; j++)
        {
            sum += T.Exp(logits[j] - max);
        }

        return T.Log(sum) - (logits[target] - max);
    }

    /// <summary>
    /// The cross-entropy, with its gradient with respect to the logits written to <paramref name="gradient"/>:
    /// softmax(z) − onehot(y).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="gradient"/> is not as long as <paramref name="logits"/>, or the target is out of range.</exception>
    public static T CrossEntropyAndGradient<T>(ReadOnlySpan<T> logits, int target, Span<T> gradient)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckTarget(logits.Length, target);
        if (gradient.Length != logits.Length)
        {
            throw new ArgumentException($"The gradient has {gradient.Length} elements for {logits.Length} logits.", nameof(gradient));
        }

        T max = TensorPrimitives.Max(logits);
        T sum = T.Zero;
        for (int j = 0; j < logits.Length; j++)
        {
            T e = T.Exp(logits[j] - max);
            gradient[j] = e;
            sum += e;
        }

        for (int j = 0; j < gradient.Length; j++)
        {
            gradient[j] /= sum;
        }

        gradient[target] -= T.One;
        return T.Log(sum) - (logits[target] - max);
    }

    /// <summary>The probabilities softmax(z), written to <paramref name="probabilities"/>.</summary>
    public static void Probabilities<T>(ReadOnlySpan<T> logits, Span<T> probabilities)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (logits.IsEmpty || probabilities.Length != logits.Length)
        {
            throw new ArgumentException($"{probabilities.Length} probabilities for {logits.Length} logits; they must be equally many, and at least one.", nameof(probabilities));
        }

        T max = TensorPrimitives.Max(logits);
        T sum = T.Zero;
        for (int j = 0; j < logits.Length; j++)
        {
            probabilities[j] = T.Exp(logits[j] - max);
            sum += probabilities[j];
        }

        for (int j = 0; j < probabilities.Length; j++)
        {
            probabilities[j] /= sum;
        }
    }

    /// <summary>The index of the largest logit (the first of equals): the predicted class.</summary>
    public static int ArgMax<T>(ReadOnlySpan<T> logits)
        where T : unmanaged, IFloatingPointIeee754<T> => TensorPrimitives.IndexOfMax(logits);

    /// <summary>The class index a target holds, checked: a whole number in [0, <paramref name="classes"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The target is not a whole number in range.</exception>
    public static int ClassOf<T>(T target, int classes)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!T.IsInteger(target) || target < T.Zero || target >= T.CreateChecked(classes))
        {
            throw new ArgumentOutOfRangeException(nameof(target), target, $"A class target must be a whole number from 0 to {classes - 1}.");
        }

        return int.CreateChecked(target);
    }

    private static void CheckTarget(int classes, int target)
    {
        if ((uint)target >= (uint)classes)
        {
            throw new ArgumentOutOfRangeException(nameof(target), target, $"The target class must be from 0 to {classes - 1} ({classes} logits).");
        }
    }
}

using System.Numerics;

namespace OptGen.Models;

/// <summary>The activation functions and their derivatives, for <see cref="float"/> and <see cref="double"/>.</summary>
public static class Activations
{
    /// <summary>The activation of <paramref name="z"/>.</summary>
    public static T Apply<T>(Activation activation, T z)
        where T : unmanaged, IFloatingPointIeee754<T> => activation switch
        {
            Activation.Sigmoid => Sigmoid(z),
            Activation.Tanh => T.Tanh(z),
            Activation.ReLU => z > T.Zero ? z : T.Zero,
            Activation.Softmax => throw SoftmaxIsNotElementWise(),
            _ => z,
        };

    /// <summary>
    /// da/dz, written in terms of the output <paramref name="a"/> where that is cheaper (σ' = a(1 − a),
    /// tanh' = 1 − a²) and of <paramref name="z"/> for ReLU (0 at z = 0, as torch).
    /// </summary>
    public static T Derivative<T>(Activation activation, T z, T a)
        where T : unmanaged, IFloatingPointIeee754<T> => activation switch
        {
            Activation.Sigmoid => a * (T.One - a),
            Activation.Tanh => T.One - a * a,
            Activation.ReLU => z > T.Zero ? T.One : T.Zero,
            Activation.Softmax => throw SoftmaxIsNotElementWise(),
            _ => T.One,
        };

    /// <summary>
    /// The logistic sigmoid 1 / (1 + e^−z). For very negative z, e^−z overflows to +∞ and the result is
    /// exactly 0 — never NaN — so no branch is needed.
    /// </summary>
    public static T Sigmoid<T>(T z)
        where T : unmanaged, IFloatingPointIeee754<T> => T.One / (T.One + T.Exp(-z));

    private static ArgumentException SoftmaxIsNotElementWise() =>
        new("Softmax acts on a vector of logits, not one value; it is only a classifier's output activation (see MlpClassifier).", "activation");
}

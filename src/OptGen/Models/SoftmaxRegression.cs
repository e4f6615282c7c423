using System.Numerics;
using OptGen.Losses;

namespace OptGen.Models;

/// <summary>
/// Multinomial logistic regression: k logits z = W·x + b (W: k × d, row-major, then b), softmax cross-entropy against
/// the class. An <see cref="MlpClassifier{T}"/> without hidden layers, whose loss is convex, so it starts at zero.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
public sealed class SoftmaxRegression<T> : MlpClassifier<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Multinomial logistic regression of <paramref name="inputs"/> features into <paramref name="classes"/> classes.</summary>
    public SoftmaxRegression(int inputs, int classes, Reduction reduction = Reduction.Mean, int blockRows = DefaultBlockRows)
        : base(inputs, [], classes, Activation.Identity, reduction, Initialization.Xavier, blockRows)
    {
    }

    /// <summary>Sets every parameter to zero (the loss is convex; there is no symmetry to break).</summary>
    public override void Initialize(Span<T> parameters, ulong seed)
    {
        ModelChecks.Parameters(parameters.Length, ParameterCount, nameof(parameters));
        parameters.Clear();
    }
}

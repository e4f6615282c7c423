namespace OptGen.Losses;

/// <summary>The per-sample loss function.</summary>
public enum LossKind
{
    /// <summary>½(a − y)² on the model's output a (the tutorial's error).</summary>
    SquaredError,

    /// <summary>Binary cross-entropy −y·log σ(z) − (1 − y)·log(1 − σ(z)), computed from the logit z.</summary>
    BinaryCrossEntropy,

    /// <summary>Softmax cross-entropy −log softmax(z)_y over k logits z and a class y, computed from the logits (torch's <c>cross_entropy</c>).</summary>
    SoftmaxCrossEntropy,
}

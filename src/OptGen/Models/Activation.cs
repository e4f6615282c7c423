namespace OptGen.Models;

/// <summary>An element-wise activation function.</summary>
public enum Activation
{
    /// <summary>a = z (the output of a regression model).</summary>
    Identity,

    /// <summary>a = 1 / (1 + e^−z).</summary>
    Sigmoid,

    /// <summary>a = tanh z.</summary>
    Tanh,

    /// <summary>a = max(0, z).</summary>
    ReLU,

    /// <summary>
    /// aᵢ = e^zᵢ / Σⱼ e^zⱼ over a vector of k logits: the output of a classifier over k classes (its prediction is the
    /// most probable class). Not element-wise, so only an output activation, paired with softmax cross-entropy.
    /// </summary>
    Softmax,
}

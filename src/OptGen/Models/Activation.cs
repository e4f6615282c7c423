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
}

namespace OptGen.Models;

/// <summary>How a multi-layer perceptron's weights are drawn (biases start at zero).</summary>
public enum Initialization
{
    /// <summary>He for ReLU hidden layers, Xavier otherwise.</summary>
    Auto,

    /// <summary>Xavier/Glorot uniform: U(−a, a) with a = √(6 / (fan_in + fan_out)); suits tanh and sigmoid.</summary>
    Xavier,

    /// <summary>He/Kaiming normal: N(0, 2 / fan_in); suits ReLU.</summary>
    He,
}

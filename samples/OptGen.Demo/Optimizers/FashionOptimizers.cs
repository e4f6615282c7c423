namespace OptGen.Demo.Optimizers;

// Fashion-MNIST's MLP (784-256-128-10, float): the size depends on the layers, so it is given to the constructor.

/// <summary>SGD with momentum for the Fashion-MNIST MLP.</summary>
[Optimizer(Kind.Momentum, ElementType = typeof(float), LearningRate = 0.01, Momentum = 0.9)]
public partial class FashionMomentum;

/// <summary>Adam with torch's defaults for the Fashion-MNIST MLP.</summary>
[Optimizer(Kind.Adam, ElementType = typeof(float), LearningRate = 1e-3)]
public partial class FashionAdam;

/// <summary>AdamW with torch's defaults (weight decay 1e-2) for the MLP's weights.</summary>
[Optimizer(Kind.AdamW, ElementType = typeof(float), LearningRate = 1e-3, WeightDecay = 1e-2)]
public partial class FashionAdamWWeights;

/// <summary>AdamW without weight decay for the MLP's biases (torch's usual parameter groups).</summary>
[Optimizer(Kind.AdamW, ElementType = typeof(float), LearningRate = 1e-3, WeightDecay = 0)]
public partial class FashionAdamWBiases;

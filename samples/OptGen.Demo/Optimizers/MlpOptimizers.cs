namespace OptGen.Demo.Optimizers;

// The MLP on two half-moons: the size depends on the layers, so it is given to the constructor.

/// <summary>Vanilla mini-batch SGD for the MLP.</summary>
[Optimizer(Kind.Sgd, LearningRate = 0.1)]
public partial class MlpSgd;

/// <summary>Momentum for the MLP.</summary>
[Optimizer(Kind.Momentum, LearningRate = 0.1, Momentum = 0.9)]
public partial class MlpMomentum;

/// <summary>Adam, the tutorial's recommendation with mini-batches.</summary>
[Optimizer(Kind.Adam, LearningRate = 0.01)]
public partial class MlpAdam;

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

// The kinds after these three, for `--kinds`.

/// <summary>Nesterov momentum for the MLP.</summary>
[Optimizer(Kind.Nesterov, LearningRate = 0.1, Momentum = 0.9)]
public partial class MlpNesterov;

/// <summary>Adagrad for the MLP.</summary>
[Optimizer(Kind.Adagrad, LearningRate = 0.1)]
public partial class MlpAdagrad;

/// <summary>RMSProp for the MLP.</summary>
[Optimizer(Kind.RMSProp, LearningRate = 0.01)]
public partial class MlpRmsProp;

/// <summary>AdamW for the MLP (λ = 0.01).</summary>
[Optimizer(Kind.AdamW, LearningRate = 0.01)]
public partial class MlpAdamW;

/// <summary>Adamax for the MLP.</summary>
[Optimizer(Kind.Adamax, LearningRate = 0.01)]
public partial class MlpAdamax;

/// <summary>NAdam for the MLP.</summary>
[Optimizer(Kind.NAdam, LearningRate = 0.01)]
public partial class MlpNAdam;

/// <summary>RAdam for the MLP.</summary>
[Optimizer(Kind.RAdam, LearningRate = 0.01)]
public partial class MlpRAdam;

/// <summary>Adadelta for the MLP (lr = 1, torch's default).</summary>
[Optimizer(Kind.Adadelta)]
public partial class MlpAdadelta;

/// <summary>Rprop for the MLP (meant for full batches; with mini-batches its sign rule is noisy).</summary>
[Optimizer(Kind.Rprop, LearningRate = 0.01)]
public partial class MlpRprop;

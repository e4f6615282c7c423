namespace OptGen.Demo.Optimizers;

// The tutorial's six update rules for the sigmoid neuron's two parameters (w, b), generated at compile time.
// Learning rates are the tutorial's: 1 for the SGD family and Adagrad, 0.1 for RMSProp and Adam.
// Open the generated code under obj/<configuration>/net10.0/generated/.

/// <summary>Vanilla gradient descent: θ ← θ − η·g.</summary>
[Optimizer(Kind.Sgd, Params = 2, LearningRate = 1.0)]
public partial class NeuronSgd;

/// <summary>Momentum (γ = 0.9): b ← γ·b + g; θ ← θ − η·b (the tutorial's v ← γv + η∇w; w ← w − v).</summary>
[Optimizer(Kind.Momentum, Params = 2, LearningRate = 1.0, Momentum = 0.9)]
public partial class NeuronMomentum;

/// <summary>Nesterov accelerated gradient (γ = 0.9), as torch: the parameters are the tutorial's look-ahead point.</summary>
[Optimizer(Kind.Nesterov, Params = 2, LearningRate = 1.0, Momentum = 0.9)]
public partial class NeuronNesterov;

/// <summary>Adagrad, ε = 1e-8 as the tutorial.</summary>
[Optimizer(Kind.Adagrad, Params = 2, LearningRate = 1.0, Epsilon = 1e-8)]
public partial class NeuronAdagrad;

/// <summary>RMSProp, α = 0.9 as the tutorial.</summary>
[Optimizer(Kind.RMSProp, Params = 2, LearningRate = 0.1, Alpha = 0.9)]
public partial class NeuronRmsProp;

/// <summary>Adam with bias correction (β₁ = 0.9, β₂ = 0.999).</summary>
[Optimizer(Kind.Adam, Params = 2, LearningRate = 0.1)]
public partial class NeuronAdam;

// The kinds after the tutorial's six, for `--kinds` (torch's defaults but the learning rate, as above).

/// <summary>AdamW (decoupled weight decay λ = 0.01, torch's default).</summary>
[Optimizer(Kind.AdamW, Params = 2, LearningRate = 0.1)]
public partial class NeuronAdamW;

/// <summary>Adamax.</summary>
[Optimizer(Kind.Adamax, Params = 2, LearningRate = 0.1)]
public partial class NeuronAdamax;

/// <summary>NAdam.</summary>
[Optimizer(Kind.NAdam, Params = 2, LearningRate = 0.1)]
public partial class NeuronNAdam;

/// <summary>RAdam.</summary>
[Optimizer(Kind.RAdam, Params = 2, LearningRate = 0.1)]
public partial class NeuronRAdam;

/// <summary>Adadelta (lr = 1, torch's default).</summary>
[Optimizer(Kind.Adadelta, Params = 2)]
public partial class NeuronAdadelta;

/// <summary>Rprop, starting with steps of 0.1.</summary>
[Optimizer(Kind.Rprop, Params = 2, LearningRate = 0.1)]
public partial class NeuronRprop;

namespace OptGen.Demo.Optimizers;

// Logistic regression on sparse features: the size is the feature count + 1, given to the constructor.
// The usual learning rates of each rule: 0.1 for SGD and Adagrad, 0.01 for RMSProp and Adam.

/// <summary>Vanilla SGD for the sparse-features case.</summary>
[Optimizer(Kind.Sgd, LearningRate = 0.1)]
public partial class SparseSgd;

/// <summary>Adagrad for the sparse-features case.</summary>
[Optimizer(Kind.Adagrad, LearningRate = 0.1)]
public partial class SparseAdagrad;

/// <summary>RMSProp for the sparse-features case.</summary>
[Optimizer(Kind.RMSProp, LearningRate = 0.01)]
public partial class SparseRmsProp;

/// <summary>Adam for the sparse-features case.</summary>
[Optimizer(Kind.Adam, LearningRate = 0.01)]
public partial class SparseAdam;

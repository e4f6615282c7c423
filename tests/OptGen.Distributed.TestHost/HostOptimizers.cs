namespace OptGen.Distributed.TestHost;

// Constructor-sized optimizers of several kinds in both element types: each rank's shard is one of these.

[Optimizer(Kind.Sgd, LearningRate = 0.1)]
internal partial class SgdDouble;

[Optimizer(Kind.Momentum, ElementType = typeof(float), LearningRate = 0.05, Momentum = 0.9)]
internal partial class MomentumFloat;

[Optimizer(Kind.Nesterov, ElementType = typeof(double), LearningRate = 0.05, Momentum = 0.9)]
internal partial class NesterovDouble;

[Optimizer(Kind.Adagrad, ElementType = typeof(float), LearningRate = 0.1)]
internal partial class AdagradFloat;

[Optimizer(Kind.RMSProp, ElementType = typeof(double), LearningRate = 0.01)]
internal partial class RMSPropDouble;

[Optimizer(Kind.Adam, ElementType = typeof(float), LearningRate = 0.01)]
internal partial class AdamFloat;

[Optimizer(Kind.Adam, ElementType = typeof(double), LearningRate = 0.01)]
internal partial class AdamDouble;

[Optimizer(Kind.AdamW, ElementType = typeof(float), LearningRate = 0.01)]
internal partial class AdamWFloat;

[Optimizer(Kind.NAdam, ElementType = typeof(double), LearningRate = 0.01)]
internal partial class NAdamDouble;

[Optimizer(Kind.Rprop, ElementType = typeof(float), LearningRate = 0.01)]
internal partial class RpropFloat;

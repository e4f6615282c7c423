namespace OptGen.Distributed.Tests;

[Optimizer(Kind.Adam, ElementType = typeof(float), LearningRate = 0.01)]
internal partial class AdamFloat;

[Optimizer(Kind.Adam, ElementType = typeof(double), LearningRate = 0.01)]
internal partial class AdamDouble;

[Optimizer(Kind.RMSProp, ElementType = typeof(double), LearningRate = 0.01, Momentum = 0.5)]
internal partial class RMSPropDouble;

[Optimizer(Kind.Momentum, ElementType = typeof(float), LearningRate = 0.05, Momentum = 0.9)]
internal partial class MomentumFloat;

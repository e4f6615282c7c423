// The generated optimizers the bridge is tested with, declared as a TorchSharp user would (sized by the constructor).
namespace OptGen.TorchSharp.Tests;

/// <summary>AdamW, as torch.optim.AdamW(lr=0.01, weight_decay=0.01).</summary>
[Optimizer(Kind.AdamW, ElementType = typeof(float), LearningRate = 0.01, WeightDecay = 0.01)]
internal partial class BridgeAdamW;

/// <summary>AdamW without weight decay: the biases' group.</summary>
[Optimizer(Kind.AdamW, ElementType = typeof(float), LearningRate = 0.01, WeightDecay = 0)]
internal partial class BridgeAdamWNoDecay;

/// <summary>Adam, as torch.optim.Adam(lr=0.01).</summary>
[Optimizer(Kind.Adam, ElementType = typeof(float), LearningRate = 0.01)]
internal partial class BridgeAdam;

/// <summary>SGD with momentum, as torch.optim.SGD(lr=0.05, momentum=0.9).</summary>
[Optimizer(Kind.Momentum, ElementType = typeof(float), LearningRate = 0.05, Momentum = 0.9)]
internal partial class BridgeMomentum;

/// <summary>SGD with momentum in double.</summary>
[Optimizer(Kind.Momentum, LearningRate = 0.05, Momentum = 0.9)]
internal partial class BridgeMomentumDouble;

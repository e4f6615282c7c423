// The generated optimizers of the model benchmarks: float, sized by the constructor, torch's hyperparameters.
namespace OptGen.Benchmarks.Models;

/// <summary>AdamW as torch.optim.AdamW(lr=1e-3, weight_decay=1e-2).</summary>
[Optimizer(Kind.AdamW, ElementType = typeof(float), LearningRate = 1e-3, WeightDecay = 1e-2)]
public partial class ModelAdamW;

/// <summary>SGD with momentum as torch.optim.SGD(lr=0.01, momentum=0.9).</summary>
[Optimizer(Kind.Momentum, ElementType = typeof(float), LearningRate = 0.01, Momentum = 0.9)]
public partial class ModelMomentum;

/// <summary>Adam as torch.optim.Adam(lr=1e-3).</summary>
[Optimizer(Kind.Adam, ElementType = typeof(float), LearningRate = 1e-3)]
public partial class ModelAdam;

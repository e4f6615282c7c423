// The generated optimizers the runtime tests train with, declared as a user would.
namespace OptGen.Tests.Runtime;

/// <summary>The tutorial's plain gradient descent on (w, b), as a struct (the trainer must not box it).</summary>
[Optimizer(Kind.Sgd, Params = 2, LearningRate = 1)]
internal partial struct NeuronSgd;

/// <summary>Plain gradient descent on (w, b), float.</summary>
[Optimizer(Kind.Sgd, Params = 2, LearningRate = 1, ElementType = typeof(float))]
internal partial class NeuronSgdF;

/// <summary>Adam on (w, b), as a struct, for checkpoints of a struct optimizer.</summary>
[Optimizer(Kind.Adam, Params = 2, LearningRate = 0.1)]
internal partial struct NeuronAdam;

/// <summary>Adam sized by its constructor, for MLPs.</summary>
[Optimizer(Kind.Adam, LearningRate = 0.01)]
internal partial class MlpAdam;

/// <summary>Adam sized by its constructor, float.</summary>
[Optimizer(Kind.Adam, LearningRate = 0.01, ElementType = typeof(float))]
internal partial class MlpAdamF;

/// <summary>Gradient descent with a learning rate far too large for the line fit below: it diverges.</summary>
[Optimizer(Kind.Sgd, Params = 2, LearningRate = 10)]
internal partial class DivergingSgd;

/// <summary>A learning rate so large that the first update overflows.</summary>
[Optimizer(Kind.Sgd, Params = 2, LearningRate = 1e308)]
internal partial class OverflowingSgd;

/// <summary>Gradient descent on logistic regression over two features, as a struct.</summary>
[Optimizer(Kind.Sgd, Params = 3, LearningRate = 0.5)]
internal partial struct LogisticSgd;

/// <summary>Gradient descent slow enough on the line fit that it takes some ten thousand epochs to settle.</summary>
[Optimizer(Kind.Sgd, Params = 2, LearningRate = 0.001)]
internal partial class SlowLineSgd;

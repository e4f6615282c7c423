// The generated optimizers under test, declared exactly as a user would declare them. Open what the generator
// wrote for them under obj/Release/net10.0/generated/ (EmitCompilerGeneratedFiles is on).
//
// Step benchmarks use lr = 0.01 and torch's defaults for everything else (Momentum μ = 0.9; RMSProp α = 0.99,
// ε = 1e-8; Adam β = (0.9, 0.999), ε = 1e-8); the hand-written versions in HandWritten/ compile in the same values.
namespace OptGen.Benchmarks.Optimizers;

// N = 2: straight-line code, one block per parameter, every hyperparameter but lr a constant.
[Optimizer(Kind.Sgd, Params = 2, ElementType = typeof(float), LearningRate = 0.01)] public partial class SgdFloat2;
[Optimizer(Kind.Sgd, Params = 2, ElementType = typeof(double), LearningRate = 0.01)] public partial class SgdDouble2;
[Optimizer(Kind.Momentum, Params = 2, ElementType = typeof(float), LearningRate = 0.01)] public partial class MomentumFloat2;
[Optimizer(Kind.Momentum, Params = 2, ElementType = typeof(double), LearningRate = 0.01)] public partial class MomentumDouble2;
[Optimizer(Kind.RMSProp, Params = 2, ElementType = typeof(float), LearningRate = 0.01)] public partial class RMSPropFloat2;
[Optimizer(Kind.RMSProp, Params = 2, ElementType = typeof(double), LearningRate = 0.01)] public partial class RMSPropDouble2;
[Optimizer(Kind.Adam, Params = 2, ElementType = typeof(float), LearningRate = 0.01)] public partial class AdamFloat2;
[Optimizer(Kind.Adam, Params = 2, ElementType = typeof(double), LearningRate = 0.01)] public partial class AdamDouble2;

// Large N: the size is given to the constructor; one fused SIMD pass over memory per step.
[Optimizer(Kind.Sgd, ElementType = typeof(float), LearningRate = 0.01)] public partial class SgdFloatN;
[Optimizer(Kind.Sgd, ElementType = typeof(double), LearningRate = 0.01)] public partial class SgdDoubleN;
[Optimizer(Kind.Momentum, ElementType = typeof(float), LearningRate = 0.01)] public partial class MomentumFloatN;
[Optimizer(Kind.Momentum, ElementType = typeof(double), LearningRate = 0.01)] public partial class MomentumDoubleN;
[Optimizer(Kind.RMSProp, ElementType = typeof(float), LearningRate = 0.01)] public partial class RMSPropFloatN;
[Optimizer(Kind.RMSProp, ElementType = typeof(double), LearningRate = 0.01)] public partial class RMSPropDoubleN;
[Optimizer(Kind.Adam, ElementType = typeof(float), LearningRate = 0.01)] public partial class AdamFloatN;
[Optimizer(Kind.Adam, ElementType = typeof(double), LearningRate = 0.01)] public partial class AdamDoubleN;

// Large N, split across the cores.
[Optimizer(Kind.Sgd, ElementType = typeof(float), LearningRate = 0.01, Parallel = true)] public partial class SgdFloatNParallel;
[Optimizer(Kind.Sgd, ElementType = typeof(double), LearningRate = 0.01, Parallel = true)] public partial class SgdDoubleNParallel;
[Optimizer(Kind.Momentum, ElementType = typeof(float), LearningRate = 0.01, Parallel = true)] public partial class MomentumFloatNParallel;
[Optimizer(Kind.Momentum, ElementType = typeof(double), LearningRate = 0.01, Parallel = true)] public partial class MomentumDoubleNParallel;
[Optimizer(Kind.RMSProp, ElementType = typeof(float), LearningRate = 0.01, Parallel = true)] public partial class RMSPropFloatNParallel;
[Optimizer(Kind.RMSProp, ElementType = typeof(double), LearningRate = 0.01, Parallel = true)] public partial class RMSPropDoubleNParallel;
[Optimizer(Kind.Adam, ElementType = typeof(float), LearningRate = 0.01, Parallel = true)] public partial class AdamFloatNParallel;
[Optimizer(Kind.Adam, ElementType = typeof(double), LearningRate = 0.01, Parallel = true)] public partial class AdamDoubleNParallel;

// The tutorial's neuron (float64, full batch): its six update rules with the tutorial's learning rates.
[Optimizer(Kind.Sgd, Params = 2, LearningRate = 1.0)] public partial class NeuronSgd;
[Optimizer(Kind.Momentum, Params = 2, LearningRate = 1.0, Momentum = 0.9)] public partial class NeuronMomentum;
[Optimizer(Kind.Nesterov, Params = 2, LearningRate = 1.0, Momentum = 0.9)] public partial class NeuronNesterov;
[Optimizer(Kind.Adagrad, Params = 2, LearningRate = 1.0, Epsilon = 1e-8)] public partial class NeuronAdagrad;
[Optimizer(Kind.RMSProp, Params = 2, LearningRate = 0.1, Alpha = 0.9)] public partial class NeuronRMSProp;
[Optimizer(Kind.Adam, Params = 2, LearningRate = 0.1)] public partial class NeuronAdam;

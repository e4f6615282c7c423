// The generated optimizers under test, declared exactly as a user would declare them. Open what the generator
// wrote for them under obj/Release/net10.0/generated/ (EmitCompilerGeneratedFiles is on).
//
// Step benchmarks use lr = 0.01 and torch's defaults for everything else (Momentum and Nesterov μ = 0.9; Adagrad
// ε = 1e-10; RMSProp α = 0.99, ε = 1e-8; Adam, AdamW, Adamax, NAdam, RAdam β = (0.9, 0.999), ε = 1e-8; AdamW
// λ = 0.01 (decoupled); NAdam ψ = 0.004; Adadelta ρ = 0.9, ε = 1e-6; Rprop η = (0.5, 1.2), step sizes [1e-6, 50]);
// the hand-written versions in HandWritten/ compile in the same values.
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
[Optimizer(Kind.Nesterov, Params = 2, ElementType = typeof(float), LearningRate = 0.01)] public partial class NesterovFloat2;
[Optimizer(Kind.Nesterov, Params = 2, ElementType = typeof(double), LearningRate = 0.01)] public partial class NesterovDouble2;
[Optimizer(Kind.Adagrad, Params = 2, ElementType = typeof(float), LearningRate = 0.01)] public partial class AdagradFloat2;
[Optimizer(Kind.Adagrad, Params = 2, ElementType = typeof(double), LearningRate = 0.01)] public partial class AdagradDouble2;
[Optimizer(Kind.AdamW, Params = 2, ElementType = typeof(float), LearningRate = 0.01)] public partial class AdamWFloat2;
[Optimizer(Kind.AdamW, Params = 2, ElementType = typeof(double), LearningRate = 0.01)] public partial class AdamWDouble2;
[Optimizer(Kind.Adamax, Params = 2, ElementType = typeof(float), LearningRate = 0.01)] public partial class AdamaxFloat2;
[Optimizer(Kind.Adamax, Params = 2, ElementType = typeof(double), LearningRate = 0.01)] public partial class AdamaxDouble2;
[Optimizer(Kind.NAdam, Params = 2, ElementType = typeof(float), LearningRate = 0.01)] public partial class NAdamFloat2;
[Optimizer(Kind.NAdam, Params = 2, ElementType = typeof(double), LearningRate = 0.01)] public partial class NAdamDouble2;
[Optimizer(Kind.RAdam, Params = 2, ElementType = typeof(float), LearningRate = 0.01)] public partial class RAdamFloat2;
[Optimizer(Kind.RAdam, Params = 2, ElementType = typeof(double), LearningRate = 0.01)] public partial class RAdamDouble2;
[Optimizer(Kind.Adadelta, Params = 2, ElementType = typeof(float), LearningRate = 0.01)] public partial class AdadeltaFloat2;
[Optimizer(Kind.Adadelta, Params = 2, ElementType = typeof(double), LearningRate = 0.01)] public partial class AdadeltaDouble2;
[Optimizer(Kind.Rprop, Params = 2, ElementType = typeof(float), LearningRate = 0.01)] public partial class RpropFloat2;
[Optimizer(Kind.Rprop, Params = 2, ElementType = typeof(double), LearningRate = 0.01)] public partial class RpropDouble2;

// Large N: the size is given to the constructor; one fused SIMD pass over memory per step.
[Optimizer(Kind.Sgd, ElementType = typeof(float), LearningRate = 0.01)] public partial class SgdFloatN;
[Optimizer(Kind.Sgd, ElementType = typeof(double), LearningRate = 0.01)] public partial class SgdDoubleN;
[Optimizer(Kind.Momentum, ElementType = typeof(float), LearningRate = 0.01)] public partial class MomentumFloatN;
[Optimizer(Kind.Momentum, ElementType = typeof(double), LearningRate = 0.01)] public partial class MomentumDoubleN;
[Optimizer(Kind.RMSProp, ElementType = typeof(float), LearningRate = 0.01)] public partial class RMSPropFloatN;
[Optimizer(Kind.RMSProp, ElementType = typeof(double), LearningRate = 0.01)] public partial class RMSPropDoubleN;
[Optimizer(Kind.Adam, ElementType = typeof(float), LearningRate = 0.01)] public partial class AdamFloatN;
[Optimizer(Kind.Adam, ElementType = typeof(double), LearningRate = 0.01)] public partial class AdamDoubleN;
[Optimizer(Kind.AdamW, ElementType = typeof(float), LearningRate = 0.01)] public partial class AdamWFloatN;
[Optimizer(Kind.AdamW, ElementType = typeof(double), LearningRate = 0.01)] public partial class AdamWDoubleN;

// Large N, split across the cores.
[Optimizer(Kind.Sgd, ElementType = typeof(float), LearningRate = 0.01, Parallel = true)] public partial class SgdFloatNParallel;
[Optimizer(Kind.Sgd, ElementType = typeof(double), LearningRate = 0.01, Parallel = true)] public partial class SgdDoubleNParallel;
[Optimizer(Kind.Momentum, ElementType = typeof(float), LearningRate = 0.01, Parallel = true)] public partial class MomentumFloatNParallel;
[Optimizer(Kind.Momentum, ElementType = typeof(double), LearningRate = 0.01, Parallel = true)] public partial class MomentumDoubleNParallel;
[Optimizer(Kind.RMSProp, ElementType = typeof(float), LearningRate = 0.01, Parallel = true)] public partial class RMSPropFloatNParallel;
[Optimizer(Kind.RMSProp, ElementType = typeof(double), LearningRate = 0.01, Parallel = true)] public partial class RMSPropDoubleNParallel;
[Optimizer(Kind.Adam, ElementType = typeof(float), LearningRate = 0.01, Parallel = true)] public partial class AdamFloatNParallel;
[Optimizer(Kind.Adam, ElementType = typeof(double), LearningRate = 0.01, Parallel = true)] public partial class AdamDoubleNParallel;
[Optimizer(Kind.AdamW, ElementType = typeof(float), LearningRate = 0.01, Parallel = true)] public partial class AdamWFloatNParallel;
[Optimizer(Kind.AdamW, ElementType = typeof(double), LearningRate = 0.01, Parallel = true)] public partial class AdamWDoubleNParallel;

// The tutorial's neuron (float64, full batch): its six update rules with the tutorial's learning rates.
[Optimizer(Kind.Sgd, Params = 2, LearningRate = 1.0)] public partial class NeuronSgd;
[Optimizer(Kind.Momentum, Params = 2, LearningRate = 1.0, Momentum = 0.9)] public partial class NeuronMomentum;
[Optimizer(Kind.Nesterov, Params = 2, LearningRate = 1.0, Momentum = 0.9)] public partial class NeuronNesterov;
[Optimizer(Kind.Adagrad, Params = 2, LearningRate = 1.0, Epsilon = 1e-8)] public partial class NeuronAdagrad;
[Optimizer(Kind.RMSProp, Params = 2, LearningRate = 0.1, Alpha = 0.9)] public partial class NeuronRMSProp;
[Optimizer(Kind.Adam, Params = 2, LearningRate = 0.1)] public partial class NeuronAdam;

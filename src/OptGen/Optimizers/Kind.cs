// This file is compiled into both the runtime and the generator (linked), so the
// generator and its users can never disagree about what a Kind is.
namespace OptGen;

/// <summary>
/// The update rule of a generated optimizer. Each kind means exactly what the PyTorch
/// <c>torch.optim</c> class of the same algorithm means, with PyTorch's defaults.
/// </summary>
#if OPTGEN_GENERATOR
internal
#else
public
#endif
enum Kind
{
    /// <summary>Plain (stochastic) gradient descent: <c>θ ← θ − lr·g</c>. torch.optim.SGD.</summary>
    Sgd = 0,

    /// <summary>Heavy-ball momentum: <c>b ← μ·b + (1−τ)·g; θ ← θ − lr·b</c>. torch.optim.SGD(momentum=μ).</summary>
    Momentum = 1,

    /// <summary>Nesterov accelerated gradient: torch.optim.SGD(momentum=μ, nesterov=True).</summary>
    Nesterov = 2,

    /// <summary>Adagrad: per-parameter learning rates from the sum of squared gradients. torch.optim.Adagrad.</summary>
    Adagrad = 3,

    /// <summary>RMSProp: a decaying average of squared gradients. torch.optim.RMSprop.</summary>
    RMSProp = 4,

    /// <summary>Adam: bias-corrected first and second moments. torch.optim.Adam.</summary>
    Adam = 5,

    /// <summary>Adam with decoupled weight decay (θ ← θ·(1 − lr·λ), λ = 0.01 by default). torch.optim.AdamW.</summary>
    AdamW = 6,

    /// <summary>Adam with the infinity norm in place of the second moment. torch.optim.Adamax.</summary>
    Adamax = 7,

    /// <summary>Adam with Nesterov momentum and momentum decay. torch.optim.NAdam.</summary>
    NAdam = 8,

    /// <summary>Rectified Adam: plain momentum SGD until the variance estimate is reliable. torch.optim.RAdam.</summary>
    RAdam = 9,

    /// <summary>Adadelta: step sizes from running averages of squared gradients and squared updates. torch.optim.Adadelta.</summary>
    Adadelta = 10,

    /// <summary>Resilient backpropagation: per-parameter step sizes driven by the gradient's sign. torch.optim.Rprop.</summary>
    Rprop = 11,

    /// <summary>Lion (Chen et al. 2023): the sign of an interpolated momentum. google/automl lion_pytorch.py.</summary>
    Lion = 12,

    /// <summary>ADOPT (Taniguchi et al. 2024): the gradient normalised by the previous second moment. iShohei220/adopt.</summary>
    Adopt = 13,

    /// <summary>AdEMAMix (Pagliardini et al. 2024): Adam with a mixture of a fast and a slow EMA. apple/ml-ademamix.</summary>
    AdEMAMix = 14,

    /// <summary>Schedule-Free AdamW (Defazio et al. 2024): no learning-rate schedule needed. facebookresearch/schedule_free.</summary>
    ScheduleFreeAdamW = 15,
}

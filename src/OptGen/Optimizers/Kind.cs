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
}

// This file is compiled into both the runtime and the generator (linked): the one
// place that records PyTorch's defaults for every kind.
namespace OptGen;

/// <summary>PyTorch's default hyperparameters, per <see cref="Kind"/>.</summary>
#if OPTGEN_GENERATOR
internal
#else
public
#endif
static class TorchDefaults
{
    /// <summary>torch's default <c>lr</c>: 1e-3 for SGD and Adam, 1e-2 for Adagrad and RMSprop.</summary>
    public static double LearningRate(Kind kind) => kind switch
    {
        Kind.Adagrad or Kind.RMSProp => 1e-2,
        _ => 1e-3,
    };

    /// <summary>
    /// The default momentum: 0.9 for <see cref="Kind.Momentum"/> and <see cref="Kind.Nesterov"/> (torch's SGD
    /// has 0, but then it is not momentum), 0 for <see cref="Kind.RMSProp"/> as torch.
    /// </summary>
    public static double Momentum(Kind kind) => kind is Kind.Momentum or Kind.Nesterov ? 0.9 : 0.0;

    /// <summary>torch's default <c>eps</c>: 1e-10 for Adagrad, 1e-8 for RMSprop and Adam.</summary>
    public static double Epsilon(Kind kind) => kind == Kind.Adagrad ? 1e-10 : 1e-8;

    /// <summary>torch's default <c>dampening</c>.</summary>
    public const double Dampening = 0.0;

    /// <summary>torch's default <c>weight_decay</c>.</summary>
    public const double WeightDecay = 0.0;

    /// <summary>torch's default <c>betas[0]</c>.</summary>
    public const double Beta1 = 0.9;

    /// <summary>torch's default <c>betas[1]</c>.</summary>
    public const double Beta2 = 0.999;

    /// <summary>torch's default RMSprop <c>alpha</c>.</summary>
    public const double Alpha = 0.99;

    /// <summary>torch's default Adagrad <c>lr_decay</c>.</summary>
    public const double LrDecay = 0.0;

    /// <summary>torch's default Adagrad <c>initial_accumulator_value</c>.</summary>
    public const double InitialAccumulatorValue = 0.0;
}

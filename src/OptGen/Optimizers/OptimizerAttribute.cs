namespace OptGen;

/// <summary>
/// Asks the OptGen source generator to write an optimizer into the marked <c>partial</c> class or struct:
/// its state, a straight-line (or vectorized) <c>Step</c>, and the rest of <see cref="IOptimizer{T}"/>.
/// Every hyperparameter is folded into the generated code as a constant, except the learning rate,
/// which starts at <see cref="LearningRate"/> and stays settable for schedules.
/// </summary>
/// <remarks>
/// Each property has the meaning and the default of the PyTorch <c>torch.optim</c> argument of the same
/// name (see <see cref="TorchDefaults"/>). A property that the chosen <see cref="Kind"/> does not use is
/// reported as a warning at compile time; a value outside its range is an error.
/// </remarks>
/// <param name="kind">The update rule.</param>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false, AllowMultiple = false)]
public sealed class OptimizerAttribute(Kind kind) : Attribute
{
    private double? _learningRate;
    private double? _momentum;
    private double? _epsilon;

    /// <summary>The update rule.</summary>
    public Kind Kind { get; } = kind;

    /// <summary>
    /// The number of parameters, fixed at compile time (straight-line code for small counts, a
    /// vectorized loop with a constant bound for large ones). 0, the default, means "given to the constructor".
    /// </summary>
    public int Params { get; set; }

    /// <summary>The element type: <c>typeof(double)</c> (the default) or <c>typeof(float)</c>. torch: dtype.</summary>
    public Type ElementType { get; set; } = typeof(double);

    /// <summary>The initial learning rate. torch: lr (1e-3; 1e-2 for Adagrad and RMSProp).</summary>
    public double LearningRate
    {
        get => _learningRate ?? TorchDefaults.LearningRate(Kind);
        set => _learningRate = value;
    }

    /// <summary>The momentum factor μ. Momentum, Nesterov (default 0.9) and RMSProp (default 0). torch: momentum.</summary>
    public double Momentum
    {
        get => _momentum ?? TorchDefaults.Momentum(Kind);
        set => _momentum = value;
    }

    /// <summary>Dampening τ of the momentum buffer (Momentum only; default 0). torch: dampening.</summary>
    public double Dampening { get; set; } = TorchDefaults.Dampening;

    /// <summary>L2 penalty λ, added to the gradient as λ·θ (all kinds; default 0). torch: weight_decay.</summary>
    public double WeightDecay { get; set; } = TorchDefaults.WeightDecay;

    /// <summary>Decay of the first moment (Adam; default 0.9). torch: betas[0].</summary>
    public double Beta1 { get; set; } = TorchDefaults.Beta1;

    /// <summary>Decay of the second moment (Adam; default 0.999). torch: betas[1].</summary>
    public double Beta2 { get; set; } = TorchDefaults.Beta2;

    /// <summary>The term added to the denominator (Adagrad 1e-10; RMSProp, Adam 1e-8). torch: eps.</summary>
    public double Epsilon
    {
        get => _epsilon ?? TorchDefaults.Epsilon(Kind);
        set => _epsilon = value;
    }

    /// <summary>Decay α of the squared-gradient average (RMSProp; default 0.99). torch: alpha.</summary>
    public double Alpha { get; set; } = TorchDefaults.Alpha;

    /// <summary>Learning-rate decay: lr / (1 + (t−1)·LrDecay) (Adagrad; default 0). torch: lr_decay.</summary>
    public double LrDecay { get; set; } = TorchDefaults.LrDecay;

    /// <summary>The starting value of the sum of squares (Adagrad; default 0). torch: initial_accumulator_value.</summary>
    public double InitialAccumulatorValue { get; set; } = TorchDefaults.InitialAccumulatorValue;

    /// <summary>Normalise by the variance rather than the second moment (RMSProp; default false). torch: centered.</summary>
    public bool Centered { get; set; }

    /// <summary>Use the running maximum of the second moment (Adam; default false). torch: amsgrad.</summary>
    public bool Amsgrad { get; set; }

    /// <summary>Maximise the objective instead of minimising it (all kinds; default false). torch: maximize.</summary>
    public bool Maximize { get; set; }

    /// <summary>
    /// Split each step across the machine's cores (classes only; default false). Worth it for large parameter
    /// counts (from about a million), where a step is bound by memory bandwidth; the results are the same bit
    /// for bit as a single-threaded step.
    /// </summary>
    public bool Parallel { get; set; }
}

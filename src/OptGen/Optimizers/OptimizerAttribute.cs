namespace OptGen;

/// <summary>
/// Asks the OptGen source generator to write an optimizer into the marked <c>partial</c> class or struct:
/// its state, a straight-line (or vectorized) <c>Step</c>, and the rest of <see cref="IOptimizer{T}"/>.
/// Every hyperparameter is folded into the generated code as a constant, except the learning rate,
/// which starts at <see cref="LearningRate"/> and stays settable for schedules.
/// </summary>
/// <remarks>
/// Each property has the meaning and the default of the PyTorch <c>torch.optim</c> argument of the same
/// name (see <see cref="TorchDefaults"/>, written from the generator's kind definitions). A property that the
/// chosen <see cref="Kind"/> does not take is reported as a warning at compile time; a value outside its range
/// is an error.
/// </remarks>
/// <param name="kind">The update rule.</param>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false, AllowMultiple = false)]
public sealed class OptimizerAttribute(Kind kind) : Attribute
{
    private double? _learningRate;
    private double? _momentum;
    private double? _dampening;
    private double? _weightDecay;
    private double? _beta1;
    private double? _beta2;
    private double? _epsilon;
    private double? _alpha;
    private double? _lrDecay;
    private double? _initialAccumulatorValue;
    private double? _momentumDecay;
    private double? _rho;
    private double? _etaMinus;
    private double? _etaPlus;
    private double? _minStepSize;
    private double? _maxStepSize;
    private double? _beta3;
    private double? _weightLrPower;
    private double? _clipGradNorm;
    private double? _clipGradValue;

    /// <summary>The update rule.</summary>
    public Kind Kind { get; } = kind;

    /// <summary>
    /// The number of parameters, fixed at compile time (straight-line code for small counts, a
    /// vectorized loop with a constant bound for large ones). 0, the default, means "given to the constructor".
    /// </summary>
    public int Params { get; set; }

    /// <summary>The element type: <c>typeof(double)</c> (the default) or <c>typeof(float)</c>. torch: dtype.</summary>
    public Type ElementType { get; set; } = typeof(double);

    /// <summary>The initial learning rate (settable at run time through <c>LearningRate</c>). torch: lr (1e-3; 1e-2 for Adagrad, RMSProp and Rprop; 2e-3 for Adamax and NAdam; 1.0 for Adadelta).</summary>
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

    /// <summary>Dampening τ of the momentum buffer (Momentum; Nesterov requires 0; default 0). torch: dampening.</summary>
    public double Dampening
    {
        get => _dampening ?? TorchDefaults.Dampening(Kind);
        set => _dampening = value;
    }

    /// <summary>Weight decay λ: added to the gradient as λ·θ, or, for AdamW and with <see cref="DecoupledWeightDecay"/>, applied as θ ← θ·(1 − lr·λ) (default 0; 0.01 for AdamW). torch: weight_decay.</summary>
    public double WeightDecay
    {
        get => _weightDecay ?? TorchDefaults.WeightDecay(Kind);
        set => _weightDecay = value;
    }

    /// <summary>Decay of the first moment (the Adam family; default 0.9). torch: betas[0].</summary>
    public double Beta1
    {
        get => _beta1 ?? TorchDefaults.Beta1(Kind);
        set => _beta1 = value;
    }

    /// <summary>Decay of the second moment (the Adam family; default 0.999). torch: betas[1].</summary>
    public double Beta2
    {
        get => _beta2 ?? TorchDefaults.Beta2(Kind);
        set => _beta2 = value;
    }

    /// <summary>The term added to the denominator (1e-8; Adagrad 1e-10; Adadelta 1e-6). torch: eps.</summary>
    public double Epsilon
    {
        get => _epsilon ?? TorchDefaults.Epsilon(Kind);
        set => _epsilon = value;
    }

    /// <summary>Decay α of the squared-gradient average (RMSProp; default 0.99). torch: alpha.</summary>
    public double Alpha
    {
        get => _alpha ?? TorchDefaults.Alpha(Kind);
        set => _alpha = value;
    }

    /// <summary>Learning-rate decay: lr / (1 + (t−1)·LrDecay) (Adagrad; default 0). torch: lr_decay.</summary>
    public double LrDecay
    {
        get => _lrDecay ?? TorchDefaults.LrDecay(Kind);
        set => _lrDecay = value;
    }

    /// <summary>The starting value of the sum of squares (Adagrad; default 0). torch: initial_accumulator_value.</summary>
    public double InitialAccumulatorValue
    {
        get => _initialAccumulatorValue ?? TorchDefaults.InitialAccumulatorValue(Kind);
        set => _initialAccumulatorValue = value;
    }

    /// <summary>The momentum decay ψ of μₜ = β₁·(1 − ½·0.96^(t·ψ)) (NAdam; default 0.004). torch: momentum_decay.</summary>
    public double MomentumDecay
    {
        get => _momentumDecay ?? TorchDefaults.MomentumDecay(Kind);
        set => _momentumDecay = value;
    }

    /// <summary>Decay ρ of the running averages (Adadelta; default 0.9). torch: rho.</summary>
    public double Rho
    {
        get => _rho ?? TorchDefaults.Rho(Kind);
        set => _rho = value;
    }

    /// <summary>The factor a step size shrinks by when the gradient changes sign (Rprop; default 0.5). torch: etas[0].</summary>
    public double EtaMinus
    {
        get => _etaMinus ?? TorchDefaults.EtaMinus(Kind);
        set => _etaMinus = value;
    }

    /// <summary>The factor a step size grows by while the gradient keeps its sign (Rprop; default 1.2). torch: etas[1].</summary>
    public double EtaPlus
    {
        get => _etaPlus ?? TorchDefaults.EtaPlus(Kind);
        set => _etaPlus = value;
    }

    /// <summary>The smallest step size (Rprop; default 1e-6). torch: step_sizes[0].</summary>
    public double MinStepSize
    {
        get => _minStepSize ?? TorchDefaults.MinStepSize(Kind);
        set => _minStepSize = value;
    }

    /// <summary>The largest step size (Rprop; default 50). torch: step_sizes[1].</summary>
    public double MaxStepSize
    {
        get => _maxStepSize ?? TorchDefaults.MaxStepSize(Kind);
        set => _maxStepSize = value;
    }

    /// <summary>Decay of the slow first moment (AdEMAMix; default 0.9999). Reference: betas[2].</summary>
    public double Beta3
    {
        get => _beta3 ?? TorchDefaults.Beta3(Kind);
        set => _beta3 = value;
    }

    /// <summary>The power of the learning rate in the averaging weights (ScheduleFreeAdamW; default 2). Reference: weight_lr_power.</summary>
    public double WeightLrPower
    {
        get => _weightLrPower ?? TorchDefaults.WeightLrPower(Kind);
        set => _weightLrPower = value;
    }

    /// <summary>
    /// Warm-up steps (default 0: none): AdEMAMix's T_alpha_beta3 (α and β₃ rise over them), ScheduleFreeAdamW's
    /// warmup_steps (the learning rate rises linearly over them).
    /// </summary>
    public int WarmupSteps { get; set; }

    /// <summary>
    /// Clip the gradient by its norm before the update (every kind; default 0: no clipping): every gradient is scaled
    /// by min(1, c / (‖g‖₂ + 1e-6)), as <c>torch.nn.utils.clip_grad_norm_(params, c)</c> before <c>step()</c>. The norm is
    /// a pass over the gradients; the scaling is folded into the update, so the caller's gradients are not changed.
    /// </summary>
    public double ClipGradNorm
    {
        get => _clipGradNorm ?? TorchDefaults.ClipGradNorm(Kind);
        set => _clipGradNorm = value;
    }

    /// <summary>
    /// Clamp each gradient to [−c, c] before the update (every kind; default 0: no clipping), as
    /// <c>torch.nn.utils.clip_grad_value_(params, c)</c> before <c>step()</c>, inside the update pass.
    /// </summary>
    public double ClipGradValue
    {
        get => _clipGradValue ?? TorchDefaults.ClipGradValue(Kind);
        set => _clipGradValue = value;
    }

    /// <summary>Normalise by the variance rather than the second moment (RMSProp; default false). torch: centered.</summary>
    public bool Centered { get; set; }

    /// <summary>Use the running maximum of the second moment (Adam, AdamW; default false). torch: amsgrad.</summary>
    public bool Amsgrad { get; set; }

    /// <summary>Decay the weights directly, θ ← θ·(1 − lr·λ), instead of adding λ·θ to the gradient (Adam — which makes it AdamW —, NAdam, RAdam; default false). torch: decoupled_weight_decay.</summary>
    public bool DecoupledWeightDecay { get; set; }

    /// <summary>Maximise the objective instead of minimising it (all kinds; default false). torch: maximize.</summary>
    public bool Maximize { get; set; }

    /// <summary>
    /// Split each step across the machine's cores (classes only; default false). Worth it for large parameter
    /// counts (from about a million), where a step is bound by memory bandwidth; the results are the same bit
    /// for bit as a single-threaded step.
    /// </summary>
    public bool Parallel { get; set; }
}

using System.Numerics;
using TorchSharp;
using TorchSharp.Modules;
using OptGen.Reference;
using static TorchSharp.torch;

namespace OptGen.Tests.Reference;

/// <summary>Runs TorchSharp's torch.optim optimizers (libtorch underneath) as the reference for generated ones.</summary>
internal static class TorchReference
{
    /// <summary>
    /// Creates the torch.optim optimizer that <paramref name="options"/> describes over <paramref name="parameters"/>,
    /// passing every hyperparameter explicitly.
    /// </summary>
    /// <remarks>
    /// PyTorch's <c>maximize</c> negates the gradient before anything else (<c>g ← −∇f</c>, then weight decay, then
    /// the rule). TorchSharp 0.107.0 does so for RMSprop and Adam, but its SGD still follows PyTorch 1.11 (it adds the
    /// weight decay to the un-negated gradient and then steps uphill, so the L2 term pushes the weights out instead of
    /// in), and its Adagrad has no <c>maximize</c>. For those kinds the optimizer is created with maximize off and must
    /// be fed −g (see <see cref="NegatesGradientForMaximize"/>), which is exactly PyTorch's rule.
    /// </remarks>
    public static optim.Optimizer Create(TorchOptimizerOptions options, IEnumerable<Parameter> parameters)
    {
        TorchSharpNative.EnsureLoaded();
        bool maximize = options.Maximize && !NegatesGradientForMaximize(options);
        return options.Kind switch
        {
            Kind.Sgd => optim.SGD(parameters, options.LearningRate, momentum: 0.0, dampening: 0.0,
                weight_decay: options.WeightDecay, nesterov: false, maximize: maximize),
            Kind.Momentum => optim.SGD(parameters, options.LearningRate, momentum: options.Momentum,
                dampening: options.Dampening, weight_decay: options.WeightDecay, nesterov: false, maximize: maximize),
            Kind.Nesterov => optim.SGD(parameters, options.LearningRate, momentum: options.Momentum,
                dampening: options.Dampening, weight_decay: options.WeightDecay, nesterov: true, maximize: maximize),
            Kind.Adagrad => optim.Adagrad(parameters, lr: options.LearningRate, lr_decay: options.LrDecay,
                weight_decay: options.WeightDecay, initial_accumulator_value: options.InitialAccumulatorValue, eps: options.Epsilon),
            Kind.RMSProp => optim.RMSProp(parameters, lr: options.LearningRate, alpha: options.Alpha, eps: options.Epsilon,
                weight_decay: options.WeightDecay, momentum: options.Momentum, centered: options.Centered, maximize: maximize),
            Kind.Adam => optim.Adam(parameters, lr: options.LearningRate, beta1: options.Beta1, beta2: options.Beta2,
                eps: options.Epsilon, weight_decay: options.WeightDecay, amsgrad: options.Amsgrad, maximize: maximize),
            Kind.AdamW => optim.AdamW(parameters, lr: options.LearningRate, beta1: options.Beta1, beta2: options.Beta2,
                eps: options.Epsilon, weight_decay: options.WeightDecay, amsgrad: options.Amsgrad, maximize: maximize),
            Kind.Adamax => optim.Adamax(parameters, lr: options.LearningRate, beta1: options.Beta1, beta2: options.Beta2,
                eps: options.Epsilon, weight_decay: options.WeightDecay),
            Kind.NAdam => optim.NAdam(parameters, lr: options.LearningRate, beta1: options.Beta1, beta2: options.Beta2,
                eps: options.Epsilon, weight_decay: options.WeightDecay, momentum_decay: options.MomentumDecay),
            Kind.RAdam => optim.RAdam(parameters, lr: options.LearningRate, beta1: options.Beta1, beta2: options.Beta2,
                eps: options.Epsilon, weight_decay: options.WeightDecay),
            Kind.Adadelta => optim.Adadelta(parameters, lr: options.LearningRate, rho: options.Rho, eps: options.Epsilon,
                weight_decay: options.WeightDecay, maximize: maximize),
            Kind.Rprop => optim.Rprop(parameters, lr: options.LearningRate, etaminus: options.EtaMinus, etaplus: options.EtaPlus,
                min_step: options.MinStepSize, max_step: options.MaxStepSize, maximize: maximize),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Kind, "No torch reference for this kind."),
        };
    }

    /// <summary>
    /// Whether the optimizer that <see cref="Create"/> makes for <paramref name="options"/> must be fed −g to act as
    /// PyTorch's <c>maximize=True</c>: for SGD (all three kinds) and Adagrad, whose TorchSharp versions lack PyTorch's
    /// rule (see <see cref="Create"/>), and Adamax, NAdam and RAdam, whose TorchSharp versions have no maximize (PyTorch's
    /// first line is <c>grad = -grad</c>, so feeding −g is its rule exactly).
    /// </summary>
    public static bool NegatesGradientForMaximize(TorchOptimizerOptions options) =>
        options.Maximize && options.Kind is Kind.Sgd or Kind.Momentum or Kind.Nesterov or Kind.Adagrad or Kind.Adamax or Kind.NAdam or Kind.RAdam;

    /// <summary>
    /// Steps the torch optimizer of <paramref name="options"/> over one tensor that starts at <paramref name="initial"/>,
    /// setting <c>.grad</c> to <c>gradients[t]</c> before step t, and returns the parameters after every step.
    /// </summary>
    /// <param name="learningRateAtStep">If given, the learning rate of step t (0-based), set on the param group before it.</param>
    public static T[][] Trajectory<T>(
        TorchOptimizerOptions options,
        T[] initial,
        IReadOnlyList<T[]> gradients,
        Func<int, double>? learningRateAtStep = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        TorchSharpNative.EnsureLoaded();
        if (PyTorchReplay.Replaces(options))
        {
            return PyTorchReplay.Trajectory(options, initial, gradients, learningRateAtStep);
        }

        if (AuthorsReplay.Replaces(options))
        {
            return AuthorsReplay.Trajectory(options, initial, gradients, learningRateAtStep);
        }

        bool negate = NegatesGradientForMaximize(options);
        using var parameter = new Parameter(ToTensor(initial), requires_grad: true);
        using var optimizer = Create(options, [parameter]);
        var trajectory = new T[gradients.Count][];
        for (int t = 0; t < gradients.Count; t++)
        {
            if (learningRateAtStep is not null)
            {
                foreach (var group in optimizer.ParamGroups)
                {
                    group.LearningRate = learningRateAtStep(t);
                }
            }

            Step(optimizer, parameter, gradients[t], negate, options);
            trajectory[t] = parameter.data<T>().ToArray();
        }

        return trajectory;
    }

    /// <summary>
    /// Sets <paramref name="parameter"/>'s <c>.grad</c> to <paramref name="gradients"/> (negated when
    /// <paramref name="negate"/>, see <see cref="NegatesGradientForMaximize"/>) and takes one step of <paramref name="optimizer"/>.
    /// </summary>
    public static void Step<T>(optim.Optimizer optimizer, Parameter parameter, T[] gradients, bool negate, TorchOptimizerOptions? options = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        using var grad = ToTensor(negate ? Array.ConvertAll(gradients, x => -x) : gradients);
        parameter.grad = grad;
        Clip(parameter, options);
        optimizer.step();
    }

    /// <summary>
    /// torch.nn.utils.clip_grad_norm_ or clip_grad_value_ on <paramref name="parameter"/>'s gradient, as a training
    /// loop calls it before <c>step()</c>, when <paramref name="options"/> asks for it.
    /// </summary>
    public static void Clip(Parameter parameter, TorchOptimizerOptions? options)
    {
        if (options?.ClipGradNorm > 0)
        {
            nn.utils.clip_grad_norm_([parameter], options.ClipGradNorm);
        }
        else if (options?.ClipGradValue > 0)
        {
            nn.utils.clip_grad_value_([parameter], options.ClipGradValue);
        }
    }

    /// <summary>A 1-D tensor of dtype float32 or float64 holding a copy of <paramref name="values"/>.</summary>
    public static Tensor ToTensor<T>(T[] values)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(double))
        {
            return tensor((double[])(object)values.Clone(), dtype: ScalarType.Float64);
        }

        if (typeof(T) == typeof(float))
        {
            return tensor((float[])(object)values.Clone(), dtype: ScalarType.Float32);
        }

        throw new NotSupportedException($"No torch dtype for {typeof(T)}.");
    }
}

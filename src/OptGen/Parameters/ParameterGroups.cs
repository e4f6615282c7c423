using System.Numerics;

namespace OptGen;

/// <summary>
/// Steps several parameter groups as one optimizer step, as torch's <c>param_groups</c>: each group has its own
/// generated optimizer (its weight decay and other hyperparameters are compiled in, so a group with different ones is
/// a different optimizer type) and its own learning-rate multiplier, and clipping by the global gradient norm spans
/// every group.
/// </summary>
/// <remarks>
/// <para>A <see cref="Step()"/>: if <see cref="MaxGradientNorm"/> is set, the norm ‖g‖₂ of all groups' gradients together
/// and the coefficient min(1, c / (‖g‖₂ + 1e-6)) (torch's <c>clip_grad_norm_</c>); then, group by group, the
/// optimizer's learning rate is set to <see cref="LearningRate"/> × the group's multiplier and it steps its buffers,
/// every gradient scaled by the coefficient as it is read. So the result equals separate optimizers with those
/// learning rates, fed the clipped gradients, bit for bit. It allocates nothing.</para>
/// <para>Optimizers are held as <see cref="IOptimizer{T}"/>: a struct optimizer is boxed once, when it is added.</para>
/// </remarks>
/// <typeparam name="T">The element type.</typeparam>
public sealed class ParameterGroups<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private ParameterGroup<T>[] _groups = [];

    /// <summary>Groups stepped at the base rate <paramref name="learningRate"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The rate is not a finite number ≥ 0.</exception>
    public ParameterGroups(double learningRate)
    {
        LearningRate = learningRate;
    }

    /// <summary>The base learning rate; group g steps at this × its multiplier (a schedule sets this).</summary>
    public double LearningRate
    {
        get;
        set
        {
            if (!double.IsFinite(value) || value < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(LearningRate), value, "The base learning rate is a finite number ≥ 0.");
            }

            field = value;
        }
    }

    /// <summary>Clip the gradients of all groups together to this global norm before each step; null: no clipping.</summary>
    public double? MaxGradientNorm
    {
        get;
        set
        {
            if (value is { } c && (!double.IsFinite(c) || c <= 0))
            {
                throw new ArgumentOutOfRangeException(nameof(MaxGradientNorm), value, "A maximum gradient norm is a positive finite number.");
            }

            field = value;
        }
    }

    /// <summary>The global gradient norm measured by the last step (before clipping); NaN before the first step or without clipping.</summary>
    public double LastGradientNorm { get; private set; } = double.NaN;

    /// <summary>The groups, in the order they step.</summary>
    public IReadOnlyList<ParameterGroup<T>> Groups => _groups;

    /// <summary>Adds a group: <paramref name="optimizer"/> steps <paramref name="parameters"/> at the base rate × <paramref name="learningRateMultiplier"/>.</summary>
    /// <exception cref="ArgumentException">The optimizer's size is not the set's, or the optimizer is already in a group.</exception>
    public ParameterGroup<T> Add(IOptimizer<T> optimizer, ParameterSet<T> parameters, double learningRateMultiplier = 1, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(parameters);
        name ??= $"group {_groups.Length}";
        if (Array.Exists(_groups, g => ReferenceEquals(g.Optimizer, optimizer)))
        {
            throw new ArgumentException($"Group '{name}': this optimizer already steps another group; each group needs its own (its state is its buffers').", nameof(optimizer));
        }

        var group = new ParameterGroup<T>(name, optimizer, parameters, learningRateMultiplier);
        _groups = [.. _groups, group];
        return group;
    }

    /// <summary>Steps every group once (see the remarks); allocates nothing.</summary>
    /// <exception cref="InvalidOperationException">There are no groups.</exception>
    public void Step() => Step(T.One);

    /// <summary>
    /// Steps every group once with every gradient multiplied by <paramref name="gradientScale"/> (and by the clipping
    /// coefficient, which is measured on the scaled gradients).
    /// </summary>
    /// <exception cref="InvalidOperationException">There are no groups.</exception>
    public void Step(T gradientScale)
    {
        if (_groups.Length == 0)
        {
            throw new InvalidOperationException("There are no parameter groups to step; Add at least one.");
        }

        T scale = gradientScale;
        if (MaxGradientNorm is { } maxNorm)
        {
            T sum = T.Zero;
            foreach (ParameterGroup<T> group in _groups)
            {
                sum += GradientNorm.SumOfSquaredNorms(group.Parameters);
            }

            T norm = T.Sqrt(sum) * T.Abs(gradientScale);
            LastGradientNorm = double.CreateChecked(norm);
            scale = gradientScale * GradientNorm.ClipCoefficient(norm, maxNorm);
        }

        foreach (ParameterGroup<T> group in _groups)
        {
            group.Optimizer.LearningRate = LearningRate * group.LearningRateMultiplier;
            if (scale == T.One)
            {
                group.Optimizer.Step(group.Parameters);
            }
            else
            {
                group.Optimizer.Step(group.Parameters, scale);
            }
        }
    }

    /// <summary>Resets every group's optimizer (a new instance's state).</summary>
    public void Reset()
    {
        foreach (ParameterGroup<T> group in _groups)
        {
            group.Optimizer.Reset();
        }

        LastGradientNorm = double.NaN;
    }
}

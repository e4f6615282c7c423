using System.Numerics;

namespace OptGen;

/// <summary>
/// One of torch's <c>param_groups</c>: buffers stepped by one generated optimizer — whose compiled-in hyperparameters
/// (weight decay, betas, …) are the group's own — at the base learning rate times <see cref="LearningRateMultiplier"/>.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
public sealed class ParameterGroup<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    internal ParameterGroup(string name, IOptimizer<T> optimizer, ParameterSet<T> parameters, double learningRateMultiplier)
    {
        Name = name;
        Optimizer = optimizer;
        Parameters = parameters;
        LearningRateMultiplier = learningRateMultiplier;
    }

    /// <summary>The group's name (for messages and logs).</summary>
    public string Name { get; }

    /// <summary>The optimizer that steps this group.</summary>
    public IOptimizer<T> Optimizer { get; }

    /// <summary>
    /// The group's buffers. Settable, for a framework whose step decides which buffers take part (the TorchSharp
    /// bridge's <c>Bind()</c> leaves out parameters without a gradient); the set must stay sized to the optimizer.
    /// </summary>
    /// <exception cref="ArgumentException">The set's <see cref="ParameterSet{T}.TotalLength"/> is not the optimizer's <c>ParameterCount</c>.</exception>
    public ParameterSet<T> Parameters
    {
        get;
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            if (value.TotalLength != Optimizer.ParameterCount)
            {
                throw new ArgumentException($"Group '{Name}': the optimizer steps {Optimizer.ParameterCount} parameters, but the set holds {value.TotalLength}.", nameof(Parameters));
            }

            field = value;
        }
    }

    /// <summary>This group's learning rate is the base rate times this (1: the base rate).</summary>
    public double LearningRateMultiplier
    {
        get;
        set
        {
            if (!double.IsFinite(value) || value < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(LearningRateMultiplier), value, $"Group '{Name}': a learning-rate multiplier is a finite number ≥ 0.");
            }

            field = value;
        }
    }
}

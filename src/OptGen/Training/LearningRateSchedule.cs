namespace OptGen.Training;

/// <summary>
/// A learning-rate schedule: the rate of each step, from the optimizer's initial rate, the number of steps
/// already taken and the current epoch. The trainer applies it through the optimizer's
/// <see cref="IOptimizer{T}.LearningRate"/> before every step. A schedule holds no state, so a resumed
/// run gets the same rates as an uninterrupted one.
/// </summary>
public abstract class LearningRateSchedule
{
    /// <summary>The rate for the step that follows <paramref name="completedSteps"/> steps, in 0-based <paramref name="epoch"/>.</summary>
    public abstract double Rate(double initialRate, long completedSteps, int epoch);

    /// <summary>The optimizer's rate unchanged.</summary>
    public static LearningRateSchedule Constant { get; } = new ConstantSchedule();

    /// <summary>torch's StepLR: the rate times <paramref name="gamma"/> every <paramref name="epochsPerDecay"/> epochs.</summary>
    public static LearningRateSchedule StepDecay(int epochsPerDecay, double gamma) => new StepDecaySchedule(epochsPerDecay, gamma);

    /// <summary>torch's ExponentialLR: the rate times <paramref name="gamma"/> every epoch.</summary>
    public static LearningRateSchedule Exponential(double gamma) => new ExponentialSchedule(gamma);

    /// <summary>
    /// A linear warm-up from rate/<paramref name="warmupSteps"/> to the rate over <paramref name="warmupSteps"/>
    /// steps, then a cosine decay to <paramref name="minimumRate"/> at step <paramref name="totalSteps"/> (held after).
    /// </summary>
    public static LearningRateSchedule CosineWithWarmup(long warmupSteps, long totalSteps, double minimumRate = 0) =>
        new CosineSchedule(warmupSteps, totalSteps, minimumRate);

    private protected static void CheckGamma(double gamma)
    {
        if (!(gamma > 0 && gamma <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(gamma), gamma, "The decay factor must be in (0, 1].");
        }
    }
}

/// <summary>The optimizer's rate, unchanged.</summary>
public sealed class ConstantSchedule : LearningRateSchedule
{
    /// <inheritdoc/>
    public override double Rate(double initialRate, long completedSteps, int epoch) => initialRate;
}

/// <summary>The rate times γ^⌊epoch / k⌋ (torch's StepLR).</summary>
public sealed class StepDecaySchedule : LearningRateSchedule
{
    /// <summary>Decays by <paramref name="gamma"/> every <paramref name="epochsPerDecay"/> epochs.</summary>
    public StepDecaySchedule(int epochsPerDecay, double gamma)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(epochsPerDecay);
        CheckGamma(gamma);
        EpochsPerDecay = epochsPerDecay;
        Gamma = gamma;
    }

    /// <summary>The epochs between decays.</summary>
    public int EpochsPerDecay { get; }

    /// <summary>The decay factor.</summary>
    public double Gamma { get; }

    /// <inheritdoc/>
    public override double Rate(double initialRate, long completedSteps, int epoch) =>
        initialRate * Math.Pow(Gamma, epoch / EpochsPerDecay);
}

/// <summary>The rate times γ^epoch (torch's ExponentialLR).</summary>
public sealed class ExponentialSchedule : LearningRateSchedule
{
    /// <summary>Decays by <paramref name="gamma"/> every epoch.</summary>
    public ExponentialSchedule(double gamma)
    {
        CheckGamma(gamma);
        Gamma = gamma;
    }

    /// <summary>The decay factor per epoch.</summary>
    public double Gamma { get; }

    /// <inheritdoc/>
    public override double Rate(double initialRate, long completedSteps, int epoch) => initialRate * Math.Pow(Gamma, epoch);
}

/// <summary>A linear warm-up, then a cosine decay to a floor.</summary>
public sealed class CosineSchedule : LearningRateSchedule
{
    /// <summary>Warms up over <paramref name="warmupSteps"/> steps and reaches <paramref name="minimumRate"/> at <paramref name="totalSteps"/>.</summary>
    public CosineSchedule(long warmupSteps, long totalSteps, double minimumRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(warmupSteps);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(totalSteps, warmupSteps);
        if (!(minimumRate >= 0 && double.IsFinite(minimumRate)))
        {
            throw new ArgumentOutOfRangeException(nameof(minimumRate), minimumRate, "The minimum rate must be a finite number ≥ 0.");
        }

        WarmupSteps = warmupSteps;
        TotalSteps = totalSteps;
        MinimumRate = minimumRate;
    }

    /// <summary>The steps of linear warm-up.</summary>
    public long WarmupSteps { get; }

    /// <summary>The step at which the decay reaches <see cref="MinimumRate"/>.</summary>
    public long TotalSteps { get; }

    /// <summary>The floor of the decay.</summary>
    public double MinimumRate { get; }

    /// <inheritdoc/>
    public override double Rate(double initialRate, long completedSteps, int epoch)
    {
        if (completedSteps < WarmupSteps)
        {
            // Step 1 of the warm-up uses rate/warm-up, never 0 — a zero rate would waste a step.
            return initialRate * (completedSteps + 1) / WarmupSteps;
        }

        double progress = Math.Min(1.0, (double)(completedSteps - WarmupSteps) / (TotalSteps - WarmupSteps));
        return MinimumRate + 0.5 * (initialRate - MinimumRate) * (1 + Math.Cos(Math.PI * progress));
    }
}

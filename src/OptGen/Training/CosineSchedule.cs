namespace OptGen.Training;

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

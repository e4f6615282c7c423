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

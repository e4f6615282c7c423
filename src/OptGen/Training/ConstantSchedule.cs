namespace OptGen.Training;

/// <summary>The optimizer's rate, unchanged.</summary>
public sealed class ConstantSchedule : LearningRateSchedule
{
    /// <inheritdoc/>
    public override double Rate(double initialRate, long completedSteps, int epoch) => initialRate;
}

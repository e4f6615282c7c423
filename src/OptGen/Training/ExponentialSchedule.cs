namespace OptGen.Training;

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

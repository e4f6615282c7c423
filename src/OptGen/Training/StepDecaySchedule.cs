namespace OptGen.Training;

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

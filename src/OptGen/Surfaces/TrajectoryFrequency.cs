namespace OptGen.Surfaces;

/// <summary>When a trainer records a trajectory point.</summary>
public enum TrajectoryFrequency
{
    /// <summary>After every optimizer step (and once before the first).</summary>
    PerStep,

    /// <summary>After every epoch (and once before the first).</summary>
    PerEpoch,
}

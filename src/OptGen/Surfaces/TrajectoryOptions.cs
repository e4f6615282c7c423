namespace OptGen.Surfaces;

/// <summary>What a trainer records: all parameters, or only some (e.g. the two of a contour map), how often.</summary>
/// <param name="Frequency">After every step or every epoch.</param>
/// <param name="Indices">The parameter indices to record; null records all of them.</param>
public sealed record TrajectoryOptions(TrajectoryFrequency Frequency, IReadOnlyList<int>? Indices = null);

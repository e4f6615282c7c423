namespace OptGen.Losses;

/// <summary>How per-sample losses combine over a batch.</summary>
public enum Reduction
{
    /// <summary>The sum over the batch (the tutorial's Σ ½(f − y)²).</summary>
    Sum,

    /// <summary>The mean over the batch (torch's default).</summary>
    Mean,
}

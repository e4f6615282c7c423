namespace OptGen.Data;

/// <summary>How much data each update sees.</summary>
public enum BatchingMode
{
    /// <summary>Gradient descent: the whole dataset, one update per epoch.</summary>
    FullBatch,

    /// <summary>Stochastic gradient descent: one sample per update.</summary>
    Stochastic,

    /// <summary>Mini-batches of <see cref="Batching.BatchSize"/> samples.</summary>
    MiniBatch,
}

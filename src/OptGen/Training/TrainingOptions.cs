using OptGen.Data;
using OptGen.Surfaces;

namespace OptGen.Training;

/// <summary>The settings of a training run. Two runs with equal options, data, model and optimizer are equal bit for bit.</summary>
public sealed class TrainingOptions
{
    /// <summary>The number of epochs (passes over the training data). Default 100.</summary>
    public int Epochs { get; init; } = 100;

    /// <summary>Full batch, stochastic or mini-batch, and whether each epoch is shuffled. Default full batch.</summary>
    public Batching Batching { get; init; } = Batching.FullBatch;

    /// <summary>The seed of the per-epoch shuffle.</summary>
    public ulong Seed { get; init; }

    /// <summary>The learning-rate schedule, applied through the optimizer's <c>LearningRate</c>; null leaves the rate alone.</summary>
    public LearningRateSchedule? Schedule { get; init; }

    /// <summary>Early stopping; null runs every epoch.</summary>
    public EarlyStopping? EarlyStopping { get; init; }

    /// <summary>Whether to keep the loss of every step (the batch loss before the step), besides the per-epoch losses.</summary>
    public bool RecordStepLosses { get; init; }

    /// <summary>Whether and how to record the parameters' trajectory; null records none.</summary>
    public TrajectoryOptions? Trajectory { get; init; }

    /// <summary>
    /// Whether the non-finite guard also checks the optimizer's state after every step. Default true. The check
    /// copies the state into a buffer the trainer allocates at creation and scans it once; that is about 0.5% of a
    /// step of the demo's MLP, but for a huge model with a cheap loss it can cost as much as the optimizer's own
    /// step. Without the check, a state that overflows while the parameters stay finite (Adam's v = ∞ makes every
    /// update 0) silently freezes those parameters.
    /// </summary>
    public bool GuardOptimizerState { get; init; } = true;

    /// <summary>Receives a report after every epoch.</summary>
    public IProgress<EpochReport>? Progress { get; init; }

    /// <summary>Where to write a checkpoint every <see cref="CheckpointEvery"/> epochs (and at the end); null writes none.</summary>
    public string? CheckpointPath { get; init; }

    /// <summary>The epochs between automatic checkpoints. Default 1.</summary>
    public int CheckpointEvery { get; init; } = 1;

    /// <summary>
    /// Clip each step's gradient to this L2 norm, as <c>torch.nn.utils.clip_grad_norm_</c> before <c>step()</c>
    /// (null, the default: no clipping). The coefficient is computed with <see cref="GradientNorm{T}"/> and passed to the
    /// optimizer as its gradient scale, so the gradient is never rewritten.
    /// </summary>
    public double? ClipGradNorm { get; init; }

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Epochs, nameof(Epochs));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(CheckpointEvery, nameof(CheckpointEvery));
        ArgumentNullException.ThrowIfNull(Batching, nameof(Batching));
        if (EarlyStopping is { Patience: <= 0 })
        {
            throw new ArgumentOutOfRangeException(nameof(EarlyStopping), EarlyStopping.Patience, "Early stopping needs a patience of at least one epoch.");
        }
    }
}

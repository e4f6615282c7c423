namespace OptGen.Training;

/// <summary>How a run (or a part of it) ended.</summary>
/// <param name="Reason">Why it stopped (<see cref="StopReason.None"/> when more epochs remain).</param>
/// <param name="Epochs">Epochs completed in total.</param>
/// <param name="Steps">Optimizer steps taken in total.</param>
/// <param name="FinalTrainLoss">The training loss after the last completed epoch (NaN before the first).</param>
/// <param name="Message">A sentence saying what happened (for the non-finite guard: where and what).</param>
/// <param name="FailedEpoch">For <see cref="StopReason.NonFinite"/>: the 1-based epoch of the failing step; else 0.</param>
/// <param name="FailedBatch">For <see cref="StopReason.NonFinite"/>: the 1-based batch within that epoch; else 0.</param>
/// <param name="FailedStep">For <see cref="StopReason.NonFinite"/>: the 1-based step (over the run) that failed; else 0.</param>
public sealed record TrainingResult(
    StopReason Reason,
    int Epochs,
    long Steps,
    double FinalTrainLoss,
    string Message,
    int FailedEpoch = 0,
    int FailedBatch = 0,
    long FailedStep = 0);

namespace OptGen.Training;

/// <summary>What the trainer reports after each epoch (a struct: reporting allocates nothing).</summary>
/// <param name="Epoch">The 1-based epoch just completed.</param>
/// <param name="Epochs">The run's total epochs.</param>
/// <param name="Steps">Optimizer steps taken so far.</param>
/// <param name="TrainLoss">The loss over the whole training set after the epoch.</param>
/// <param name="ValidationLoss">The loss over the validation set, or NaN without one.</param>
/// <param name="ValidationAccuracy">The validation accuracy of a classifier (sigmoid output), or NaN.</param>
/// <param name="LearningRate">The learning rate of the epoch's last step.</param>
public readonly record struct EpochReport(
    int Epoch, int Epochs, long Steps, double TrainLoss, double ValidationLoss, double ValidationAccuracy, double LearningRate);

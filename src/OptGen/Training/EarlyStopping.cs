namespace OptGen.Training;

/// <summary>
/// Stop when the monitored loss (the validation loss if there is validation data, else the training loss)
/// has not improved by more than <paramref name="MinDelta"/> for <paramref name="Patience"/> epochs.
/// </summary>
/// <param name="Patience">Epochs without improvement before stopping.</param>
/// <param name="MinDelta">The smallest decrease that counts as an improvement.</param>
/// <param name="RestoreBest">Whether to put back the parameters of the best epoch when stopping.</param>
public sealed record EarlyStopping(int Patience, double MinDelta = 0, bool RestoreBest = false);

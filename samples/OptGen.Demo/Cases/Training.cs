using OptGen.Data;
using OptGen.Models;
using OptGen.Plotting;
using OptGen.Surfaces;
using OptGen.Training;

namespace OptGen.Demo.Cases;

/// <summary>What one training run produced.</summary>
/// <param name="LearningRate">The optimizer's learning rate when training started (the runtime's <see cref="Trainer{T, TModel, TOptimizer}.InitialLearningRate"/>).</param>
/// <param name="LossHistory">The training loss over the whole data set after each epoch (the runtime's <see cref="LossHistory.TrainLoss"/>).</param>
/// <param name="Updates">Optimizer steps taken.</param>
/// <param name="Parameters">The final parameters.</param>
/// <param name="Path">The tracked pair of parameters: the start, then after each epoch (or step); empty arrays when not tracked.</param>
/// <param name="Elapsed">Wall time of the training.</param>
/// <param name="Stopped">Why training stopped early (the runtime's message), or <see langword="null"/>.</param>
public sealed record TrainingOutcome(double LearningRate, double[] LossHistory, long Updates, double[] Parameters, (double[] First, double[] Second) Path, TimeSpan Elapsed, string? Stopped)
{
    /// <summary>The accuracy on the held-out data after each epoch; empty without held-out data.</summary>
    public double[] ValidationAccuracy { get; init; } = [];
}

/// <summary>One training run of a model with a generated optimizer, through the runtime's <see cref="Trainer"/>.</summary>
public static class Training
{
    /// <summary>
    /// The options every case trains with: <paramref name="epochs"/> epochs of <paramref name="batching"/>,
    /// shuffled from <paramref name="seed"/>, recording the pair <paramref name="track"/> after each epoch (or step).
    /// </summary>
    public static TrainingOptions Options(
        int epochs, Batching batching, ulong seed, (int First, int Second)? track = null, IProgress<double>? progress = null, bool trackEveryStep = false) => new()
    {
        Epochs = epochs,
        Batching = batching,
        Seed = seed,
        Trajectory = track is { } pair
            ? new TrajectoryOptions(trackEveryStep ? TrajectoryFrequency.PerStep : TrajectoryFrequency.PerEpoch, [pair.First, pair.Second])
            : null,
        Progress = progress is null ? null : new EpochProgress(progress),
    };

    /// <summary>
    /// Trains <paramref name="model"/> with <paramref name="optimizer"/> from <paramref name="initial"/> with the
    /// runtime's trainer and <see cref="Options"/>.
    /// </summary>
    public static TrainingOutcome Run<TModel, TOptimizer>(
        TModel model,
        TOptimizer optimizer,
        Dataset<double> data,
        Batching batching,
        int epochs,
        ulong seed,
        ReadOnlySpan<double> initial,
        (int First, int Second)? track = null,
        IProgress<double>? progress = null,
        Dataset<double>? validation = null,
        bool trackEveryStep = false)
        where TModel : IModel<double>
        where TOptimizer : IOptimizer<double>
    {
        WarmUp(model, optimizer, data, batching, seed, initial, validation);
        double[] parameters = initial.ToArray();
        var trainer = Trainer.Create(model, optimizer, data, parameters, Options(epochs, batching, seed, track, progress, trackEveryStep), validation);
        long start = System.Diagnostics.Stopwatch.GetTimestamp();
        TrainingResult result = trainer.Run();
        TimeSpan elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(start);

        (double[], double[]) path = trainer.Trajectory is { } trajectory ? (trajectory.Component(0), trajectory.Component(1)) : ([], []);
        return new TrainingOutcome(
            trainer.InitialLearningRate,
            trainer.History.TrainLoss.ToArray(),
            result.Steps,
            parameters,
            path,
            elapsed,
            result.Reason == StopReason.NonFinite ? result.Message : null)
        {
            ValidationAccuracy = validation is null ? [] : trainer.History.ValidationAccuracy.ToArray(),
        };
    }

    /// <summary>
    /// One epoch on a copy of the parameters, so that the timed run does not pay for compiling the loop; the
    /// optimizer's state is saved before and loaded after, so the timed run starts from a new optimizer's state.
    /// </summary>
    private static void WarmUp<TModel, TOptimizer>(
        TModel model, TOptimizer optimizer, Dataset<double> data, Batching batching, ulong seed, ReadOnlySpan<double> initial, Dataset<double>? validation)
        where TModel : IModel<double>
        where TOptimizer : IOptimizer<double>
    {
        var state = new double[optimizer.StateLength];
        optimizer.SaveState(state);
        Trainer.Create(model, optimizer, data, initial.ToArray(), Options(1, batching, seed), validation).Run();
        optimizer.LoadState(state);
    }

    /// <summary>The runtime's loss surface of <paramref name="model"/> over parameters 0 and 1, as a plotting surface.</summary>
    public static Surface2D SurfaceOf<TModel>(TModel model, Dataset<double> data, ReadOnlySpan<double> at, (double Min, double Max) x, (double Min, double Max) y, int points = 161)
        where TModel : IModel<double> =>
        Surface2D.From(LossSurface<double>.Compute(model, data, at, 0, x.Min, x.Max, points, 1, y.Min, y.Max, points));

    private sealed class EpochProgress(IProgress<double> fraction) : IProgress<EpochReport>
    {
        public void Report(EpochReport value) => fraction.Report(value.Epoch / (double)value.Epochs);
    }
}

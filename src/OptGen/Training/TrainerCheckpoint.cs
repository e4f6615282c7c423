using System.Numerics;
using OptGen.Models;

namespace OptGen.Training;

/// <summary>
/// The body of a trainer's checkpoint (framed and checksummed by <see cref="CheckpointFile"/>): what the
/// run is (element type, optimizer type, sizes — so a checkpoint is never resumed into a different run),
/// how it is configured (trajectory, step losses, a fingerprint of the training and validation data's content — so
/// a run that would end differently refuses it, saying what differs), where it is (epoch, step, batch within the
/// epoch and that epoch's row order, the shuffle generator's state), and everything it has computed.
/// </summary>
/// <remarks>
/// Streamed both ways: the parameters and the optimizer state go straight between the trainer's arrays and the file.
/// A read puts them in the trainer's scratch buffers (the last-finite copy, the gradient, the state buffer), and
/// only the action it returns — run once the file's checksum has matched — changes the trainer.
/// </remarks>
internal static class TrainerCheckpoint
{
    public static void Serialize<T, TModel, TOptimizer>(Trainer<T, TModel, TOptimizer> trainer, Stream stream)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TModel : IModel<T>
        where TOptimizer : IOptimizer<T>
    {
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            ref TOptimizer optimizer = ref trainer.Optimizer;
            writer.Write(typeof(T).FullName!);
            writer.Write(typeof(TOptimizer).FullName!);
            writer.Write(trainer.Parameters.Length);
            writer.Write(optimizer.StateLength);
            writer.Write(trainer.TrainData.Count);
            writer.Write(trainer.TrainData.FeatureCount);
            writer.Write(trainer.Plan.BatchCount);
            writer.Write(Describe(trainer.Options.Batching));
            writer.Write(Describe(trainer.Options.Trajectory, trainer.Parameters.Length));
            writer.Write(DescribeStepLosses(trainer.Options.RecordStepLosses));
            writer.Write(DataFingerprint.Of(trainer.TrainData));
            writer.Write(trainer.ValidationData is null ? NoData : DataFingerprint.Of(trainer.ValidationData));

            trainer.CheckpointPosition.Write(writer, trainer.Plan);

            (double bestLoss, int bestEpoch, int without) = trainer.EarlyStopState;
            writer.Write(bestLoss);
            writer.Write(bestEpoch);
            writer.Write(without);

            TrainingResult? finished = trainer.Finished;
            writer.Write(finished is not null);
            if (finished is not null)
            {
                writer.Write((int)finished.Reason);
                writer.Write(finished.Message);
                writer.Write(finished.FailedEpoch);
                writer.Write(finished.FailedBatch);
                writer.Write(finished.FailedStep);
            }

            trainer.History.Write(writer);

            Surfaces.Trajectory<T>? trajectory = trainer.Trajectory;
            writer.Write(trajectory?.Count ?? 0);
            if (trajectory is not null)
            {
                foreach (long step in trajectory.Steps)
                {
                    writer.Write(step);
                }
            }

            CheckpointValues.Write(writer, trajectory is null ? ReadOnlySpan<T>.Empty : trajectory.Values);

            CheckpointValues.Write<T>(writer, trainer.Parameters);
            T[] state = trainer.StateScratch;
            optimizer.SaveState(state);
            CheckpointValues.Write<T>(writer, state);
            CheckpointValues.Write<T>(writer, trainer.Best);
        }
    }

    /// <summary>
    /// Reads a checkpoint body and checks it against <paramref name="trainer"/>'s run, changing nothing but the
    /// trainer's scratch buffers; returns the action that applies it (which may still refuse an invalid optimizer
    /// state with <see cref="ArgumentException"/>, changing nothing).
    /// </summary>
    public static Action Deserialize<T, TModel, TOptimizer>(Trainer<T, TModel, TOptimizer> trainer, Stream body)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TModel : IModel<T>
        where TOptimizer : IOptimizer<T>
    {
        ref TOptimizer optimizer = ref trainer.Optimizer;
        using var reader = new BinaryReader(body, System.Text.Encoding.UTF8, leaveOpen: true);
        Expect("element type", reader.ReadString(), typeof(T).FullName!);
        Expect("optimizer type", reader.ReadString(), typeof(TOptimizer).FullName!);
        Expect("parameter count", reader.ReadInt32(), trainer.Parameters.Length);
        Expect("optimizer state length", reader.ReadInt32(), optimizer.StateLength);
        Expect("training row count", reader.ReadInt32(), trainer.TrainData.Count);
        Expect("feature count", reader.ReadInt32(), trainer.TrainData.FeatureCount);
        Expect("batches per epoch", reader.ReadInt32(), trainer.Plan.BatchCount);
        Expect("batching", reader.ReadString(), Describe(trainer.Options.Batching));
        Expect("trajectory", reader.ReadString(), Describe(trainer.Options.Trajectory, trainer.Parameters.Length));
        Expect("step losses", reader.ReadString(), DescribeStepLosses(trainer.Options.RecordStepLosses));
        ExpectData("training data", reader.ReadString(), trainer.TrainData);
        ExpectData("validation data", reader.ReadString(), trainer.ValidationData);

        TrainingPosition.Saved saved = TrainingPosition.Read(reader, trainer.Plan, trainer.Options.Epochs);
        (int epoch, long steps) = (saved.Position.Epoch, saved.Position.Steps);
        (double, int, int) earlyStop = (reader.ReadDouble(), reader.ReadInt32(), reader.ReadInt32());
        TrainingResult? finished = null;
        if (reader.ReadBoolean())
        {
            var reason = (StopReason)reader.ReadInt32();
            string message = reader.ReadString();
            int failedEpoch = reader.ReadInt32(), failedBatch = reader.ReadInt32();
            long failedStep = reader.ReadInt64();
            finished = new TrainingResult(reason, epoch, steps, double.NaN, message, failedEpoch, failedBatch, failedStep);
        }

        LossHistory history = trainer.NewHistory();
        history.Read(reader);
        if (finished is not null && history.EpochCount > 0)
        {
            finished = finished with { FinalTrainLoss = history.TrainLoss[^1] };
        }

        int points = reader.ReadInt32();
        if (points != 0 && trainer.Trajectory is null)
        {
            throw new InvalidDataException("it holds a trajectory, but this run records none.");
        }

        if (points < 0 || points > (trainer.Trajectory?.Capacity ?? 0) || points * 8L > reader.BaseStream.Length - reader.BaseStream.Position)
        {
            throw new InvalidDataException($"it holds {points} trajectory points; this run records at most {trainer.Trajectory?.Capacity ?? 0}.");
        }

        var pointSteps = new long[points];
        for (int i = 0; i < points; i++)
        {
            pointSteps[i] = reader.ReadInt64();
        }

        T[] pointValues = CheckpointValues.Read<T>(reader);
        if (pointValues.Length != points * (trainer.Trajectory?.Dimension ?? 0))
        {
            throw new InvalidDataException($"its trajectory has {pointValues.Length} values for {points} points of this run's {trainer.Trajectory?.Dimension ?? 0}.");
        }

        // The large arrays go into scratch space, not yet into the trainer: the checksum is checked after this returns.
        T[] parameters = trainer.ParameterScratch;
        T[] state = trainer.StateScratch;
        Span<T> best = trainer.BestScratch;
        CheckpointValues.ReadInto<T>(reader, parameters, "parameters");
        CheckpointValues.ReadInto<T>(reader, state, "optimizer state values");
        CheckpointValues.ReadInto(reader, best, "best parameters");

        return () =>
        {
            // First the one step that can still refuse (the optimizer validates its state and is then unchanged).
            trainer.Optimizer.LoadState(state);
            saved.ApplyTo(trainer.Plan);
            trainer.Trajectory?.Restore(pointValues, pointSteps);
            parameters.CopyTo(trainer.Parameters, 0);
            trainer.BestScratch.CopyTo(trainer.Best);
            trainer.EarlyStopState = earlyStop;
            trainer.Finished = finished;
            trainer.Restore(saved.Position, history);
        };
    }

    private static string Describe(Data.Batching batching) => batching.Mode switch
    {
        Data.BatchingMode.FullBatch => "full batch",
        Data.BatchingMode.Stochastic => batching.Shuffle ? "stochastic, shuffled" : "stochastic, in order",
        _ => $"mini-batches of {batching.BatchSize}{(batching.Shuffle ? ", shuffled" : ", in order")}{(batching.DropLast ? ", last short one dropped" : "")}",
    };

    private const string NoData = "none";

    private static string Describe(Surfaces.TrajectoryOptions? trajectory, int parameterCount) => trajectory switch
    {
        null => "none",
        _ => $"{(trajectory.Frequency == Surfaces.TrajectoryFrequency.PerStep ? "per step" : "per epoch")}, "
            + (trajectory.Indices is null ? $"all {parameterCount} parameters" : $"parameters {string.Join(", ", trajectory.Indices)}"),
    };

    private static string DescribeStepLosses(bool recorded) => recorded ? "recorded" : "not recorded";

    private static void ExpectData<T>(string what, string found, Data.Dataset<T>? data)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        string expected = data is null ? NoData : DataFingerprint.Of(data);
        if (found == expected)
        {
            return;
        }

        throw new InvalidDataException(found == NoData || expected == NoData
            ? $"it was written for a run {(found == NoData ? "without" : "with")} {what}, but this run has {(expected == NoData ? "none" : "some")}."
            : $"it was written for a run on other {what}: the row and feature counts may match, but the content differs (fingerprint {found}, here {expected}).");
    }

    private static void Expect<TValue>(string what, TValue found, TValue expected)
    {
        if (!EqualityComparer<TValue>.Default.Equals(found, expected))
        {
            throw new InvalidDataException($"it was written for a run with {what} {found}, but this run has {expected}.");
        }
    }
}

using System.Numerics;
using OptGen.Models;

namespace OptGen.Training;

/// <summary>
/// The body of a trainer's checkpoint (framed and checksummed by <see cref="CheckpointFile"/>): what the
/// run is (element type, optimizer type, sizes — so a checkpoint is never resumed into a different run),
/// where it is (epoch, step, batch within the epoch and that epoch's row order, the shuffle generator's state),
/// and everything it has computed.
/// </summary>
internal static class TrainerCheckpoint
{
    public static byte[] Serialize<T, TModel, TOptimizer>(Trainer<T, TModel, TOptimizer> trainer)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TModel : IModel<T>
        where TOptimizer : IOptimizer<T>
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream))
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
            var state = new T[optimizer.StateLength];
            optimizer.SaveState(state);
            CheckpointValues.Write<T>(writer, state);
            CheckpointValues.Write<T>(writer, trainer.Best);
        }

        return stream.ToArray();
    }

    public static void Deserialize<T, TModel, TOptimizer>(Trainer<T, TModel, TOptimizer> trainer, byte[] body)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TModel : IModel<T>
        where TOptimizer : IOptimizer<T>
    {
        ref TOptimizer optimizer = ref trainer.Optimizer;
        using var reader = new BinaryReader(new MemoryStream(body));
        Expect("element type", reader.ReadString(), typeof(T).FullName!);
        Expect("optimizer type", reader.ReadString(), typeof(TOptimizer).FullName!);
        Expect("parameter count", reader.ReadInt32(), trainer.Parameters.Length);
        Expect("optimizer state length", reader.ReadInt32(), optimizer.StateLength);
        Expect("training row count", reader.ReadInt32(), trainer.TrainData.Count);
        Expect("feature count", reader.ReadInt32(), trainer.TrainData.FeatureCount);
        Expect("batches per epoch", reader.ReadInt32(), trainer.Plan.BatchCount);
        Expect("batching", reader.ReadString(), Describe(trainer.Options.Batching));

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

        var pointSteps = new long[points];
        for (int i = 0; i < points; i++)
        {
            pointSteps[i] = reader.ReadInt64();
        }

        T[] pointValues = CheckpointValues.Read<T>(reader);
        T[] parameters = CheckpointValues.Read<T>(reader);
        T[] state = CheckpointValues.Read<T>(reader);
        T[] best = CheckpointValues.Read<T>(reader);
        Expect("stored parameters", parameters.Length, trainer.Parameters.Length);
        Expect("stored optimizer state", state.Length, optimizer.StateLength);
        Expect("stored best parameters", best.Length, trainer.Best.Length);
        if (reader.BaseStream.Position != body.Length)
        {
            throw new InvalidDataException("it has data after its last field.");
        }

        // Everything is read and checked; only now is the trainer changed.
        optimizer.LoadState(state);
        saved.ApplyTo(trainer.Plan);

        trainer.Trajectory?.Restore(pointValues, pointSteps);
        parameters.CopyTo(trainer.Parameters, 0);
        best.CopyTo(trainer.Best, 0);
        trainer.EarlyStopState = earlyStop;
        trainer.Finished = finished;
        trainer.Restore(saved.Position, history);
    }

    private static string Describe(Data.Batching batching) => batching.Mode switch
    {
        Data.BatchingMode.FullBatch => "full batch",
        Data.BatchingMode.Stochastic => batching.Shuffle ? "stochastic, shuffled" : "stochastic, in order",
        _ => $"mini-batches of {batching.BatchSize}{(batching.Shuffle ? ", shuffled" : ", in order")}{(batching.DropLast ? ", last short one dropped" : "")}",
    };

    private static void Expect<TValue>(string what, TValue found, TValue expected)
    {
        if (!EqualityComparer<TValue>.Default.Equals(found, expected))
        {
            throw new InvalidDataException($"it was written for a run with {what} {found}, but this run has {expected}.");
        }
    }
}

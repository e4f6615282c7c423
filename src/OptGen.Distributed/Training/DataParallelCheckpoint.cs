using System.Numerics;
using OptGen.Models;
using OptGen.Training;

namespace OptGen.Distributed.Training;

/// <summary>
/// The body of a data-parallel checkpoint (framed and checksummed by <see cref="CheckpointFile"/>): what the run is
/// (so it is never resumed into another), where it is, and everything it has computed — the parameters and the
/// whole optimizer state, as one optimizer over every parameter would save it, whatever the number of ranks.
/// </summary>
internal static class DataParallelCheckpoint
{
    private const string Format = "OptGen.Distributed data-parallel checkpoint 1";

    public static byte[] Serialize<T, TModel>(DataParallelTrainer<T, TModel> trainer, ReadOnlySpan<T> wholeState)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TModel : IModel<T>
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream))
        {
            writer.Write(Format);
            foreach (string field in Identity(trainer))
            {
                writer.Write(field);
            }

            writer.Write(trainer.Optimizer.RankCount);   // for the record: any number of ranks may load it
            trainer.CheckpointPosition.Write(writer, trainer.Plan);

            TrainingResult? finished = trainer.Finished;
            writer.Write(finished is not null);
            if (finished is not null)
            {
                writer.Write((int)finished.Reason);
                writer.Write(finished.Message);
            }

            trainer.History.Write(writer);
            CheckpointValues.Write<T>(writer, trainer.Parameters);
            CheckpointValues.Write(writer, wholeState);
        }

        return stream.ToArray();
    }

    public static void Deserialize<T, TModel>(DataParallelTrainer<T, TModel> trainer, byte[] body)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TModel : IModel<T>
    {
        using var reader = new BinaryReader(new MemoryStream(body));
        string format = reader.ReadString();
        if (format != Format)
        {
            throw new InvalidDataException($"it is not a data-parallel checkpoint of this version ('{format}').");
        }

        foreach (string expected in Identity(trainer))
        {
            string found = reader.ReadString();
            if (found != expected)
            {
                throw new InvalidDataException($"it was written for a run with {found}, but this run has {expected}.");
            }
        }

        _ = reader.ReadInt32();   // the writer's rank count: the state is whole, so any number of ranks resumes it
        TrainingPosition.Saved saved = TrainingPosition.Read(reader, trainer.Plan, trainer.Options.Epochs);
        (int epoch, long steps) = (saved.Position.Epoch, saved.Position.Steps);
        TrainingResult? finished = null;
        if (reader.ReadBoolean())
        {
            var reason = (StopReason)reader.ReadInt32();
            finished = new TrainingResult(reason, epoch, steps, double.NaN, reader.ReadString());
        }

        LossHistory history = trainer.NewHistory();
        history.Read(reader);
        if (finished is not null && history.EpochCount > 0)
        {
            finished = finished with { FinalTrainLoss = history.TrainLoss[^1] };
        }

        T[] parameters = Expect(CheckpointValues.Read<T>(reader), trainer.Parameters.Length, "parameters");
        T[] state = Expect(CheckpointValues.Read<T>(reader), trainer.Optimizer.WholeStateLength, "optimizer state");
        if (reader.BaseStream.Position != body.Length)
        {
            throw new InvalidDataException("it has data after its last field.");
        }

        // Everything is read and checked; only now is the run changed.
        trainer.Optimizer.LoadWholeState(state);
        saved.ApplyTo(trainer.Plan);
        parameters.CopyTo(trainer.Parameters, 0);
        trainer.Finished = finished;
        trainer.Restore(saved.Position, history);
    }

    // What must be equal between the run that wrote a checkpoint and the one that resumes it, each as "what value".
    private static string[] Identity<T, TModel>(DataParallelTrainer<T, TModel> trainer)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TModel : IModel<T> =>
    [
        $"element type {typeof(T).FullName}",
        $"optimizer {trainer.Optimizer.ShardTypeName}",
        $"parameter count {trainer.Parameters.Length}",
        $"whole optimizer state length {trainer.Optimizer.WholeStateLength}",
        $"training rows {trainer.TrainData.Count} of {trainer.TrainData.FeatureCount} features",
        $"batching {trainer.Options.Batching} ({trainer.Plan.BatchCount} batches per epoch)",
    ];

    private static T[] Expect<T>(T[] values, int expected, string what) =>
        values.Length == expected ? values : throw new InvalidDataException($"it holds {values.Length} values of {what}; this run has {expected}.");
}

using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using OptGen.Data;
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
            writer.Write(trainer.Epoch);
            writer.Write(trainer.Steps);
            (bool started, bool inEpoch, int batch) = trainer.RunPosition;
            writer.Write(started);
            writer.Write(inEpoch);
            writer.Write(batch);
            if (inEpoch)
            {
                foreach (int row in trainer.Plan.Order)
                {
                    writer.Write(row);
                }
            }

            writer.Write(trainer.InitialLearningRate);
            Span<ulong> random = stackalloc ulong[SeededRandom.StateLength];
            trainer.Plan.Random.GetState(random);
            foreach (ulong word in random)
            {
                writer.Write(word);
            }

            TrainingResult? finished = trainer.Finished;
            writer.Write(finished is not null);
            if (finished is not null)
            {
                writer.Write((int)finished.Reason);
                writer.Write(finished.Message);
            }

            trainer.History.Write(writer);
            WriteValues<T>(writer, trainer.Parameters);
            WriteValues(writer, wholeState);
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
        int epoch = reader.ReadInt32();
        long steps = reader.ReadInt64();
        if (epoch < 0 || epoch > trainer.Options.Epochs || steps < 0)
        {
            throw new InvalidDataException($"it is at epoch {epoch}, step {steps}, beyond this run's {trainer.Options.Epochs} epochs.");
        }

        bool started = reader.ReadBoolean(), inEpoch = reader.ReadBoolean();
        int batch = reader.ReadInt32();
        if (inEpoch ? (uint)batch >= (uint)trainer.Plan.BatchCount : batch != 0)
        {
            throw new InvalidDataException($"it is at batch {batch} of an epoch of {trainer.Plan.BatchCount}.");
        }

        int[]? order = null;
        if (inEpoch)
        {
            order = new int[trainer.TrainData.Count];
            var seen = new bool[order.Length];
            for (int i = 0; i < order.Length; i++)
            {
                order[i] = reader.ReadInt32();
                if ((uint)order[i] >= (uint)order.Length || seen[order[i]])
                {
                    throw new InvalidDataException("its row order is not a permutation of the training rows.");
                }

                seen[order[i]] = true;
            }
        }

        double initialRate = reader.ReadDouble();
        Span<ulong> random = stackalloc ulong[SeededRandom.StateLength];
        for (int i = 0; i < random.Length; i++)
        {
            random[i] = reader.ReadUInt64();
        }

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

        T[] parameters = ReadValues<T>(reader, trainer.Parameters.Length, "parameters");
        T[] state = ReadValues<T>(reader, trainer.Optimizer.WholeStateLength, "optimizer state");
        if (reader.BaseStream.Position != body.Length)
        {
            throw new InvalidDataException("it has data after its last field.");
        }

        // Everything is read and checked; only now is the run changed.
        trainer.Optimizer.LoadWholeState(state);
        trainer.Plan.Random.SetState(random);
        if (order is not null)
        {
            trainer.Plan.RestoreOrder(order);
        }

        parameters.CopyTo(trainer.Parameters, 0);
        trainer.Finished = finished;
        trainer.Restore(epoch, steps, started, inEpoch, batch, initialRate, history);
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

    private static void WriteValues<T>(BinaryWriter writer, ReadOnlySpan<T> values)
        where T : unmanaged
    {
        writer.Write(values.Length);
        writer.Write(MemoryMarshal.AsBytes(values));
    }

    private static T[] ReadValues<T>(BinaryReader reader, int expected, string what)
        where T : unmanaged
    {
        int length = reader.ReadInt32();
        if (length != expected)
        {
            throw new InvalidDataException($"it holds {length} values of {what}; this run has {expected}.");
        }

        if ((long)length * Unsafe.SizeOf<T>() > reader.BaseStream.Length - reader.BaseStream.Position)
        {
            throw new InvalidDataException($"it declares {length} values of {what} where fewer remain.");
        }

        var values = new T[length];
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }
}

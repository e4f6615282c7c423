using System.Numerics;
using OptGen.Data;

namespace OptGen.Training;

/// <summary>
/// Where a run stands between two steps — epochs and steps done, the batch reached in the epoch in progress, the
/// schedule's base rate — and the shuffle that goes with it (the epoch's row order, the generator's state), as a
/// checkpoint records them. Shared by the single-process and the data-parallel trainers' checkpoints.
/// </summary>
/// <param name="Epoch">Completed epochs.</param>
/// <param name="Steps">Optimizer steps taken.</param>
/// <param name="Started">Whether the initial losses were taken.</param>
/// <param name="InEpoch">Whether an epoch's order is drawn and some of its batches may be done.</param>
/// <param name="Batch">The next batch of the epoch in progress.</param>
/// <param name="InitialRate">The learning rate the schedule starts from.</param>
internal readonly record struct TrainingPosition(int Epoch, long Steps, bool Started, bool InEpoch, int Batch, double InitialRate)
{
    /// <summary>Writes the position and <paramref name="plan"/>'s shuffle state.</summary>
    public void Write<T>(BinaryWriter writer, BatchPlan<T> plan)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        writer.Write(Epoch);
        writer.Write(Steps);
        writer.Write(Started);
        writer.Write(InEpoch);
        writer.Write(Batch);
        if (InEpoch)
        {
            // The order of the epoch in progress (its shuffle is already drawn from the generator).
            foreach (int row in plan.Order)
            {
                writer.Write(row);
            }
        }

        writer.Write(InitialRate);
        Span<ulong> random = stackalloc ulong[SeededRandom.StateLength];
        plan.Random.GetState(random);
        foreach (ulong word in random)
        {
            writer.Write(word);
        }
    }

    /// <summary>
    /// Reads and checks what <see cref="Write"/> wrote, for a run of <paramref name="epochs"/> epochs over
    /// <paramref name="plan"/>; changes nothing until <see cref="Saved.ApplyTo"/>.
    /// </summary>
    /// <exception cref="InvalidDataException">The position does not fit this run.</exception>
    public static Saved Read<T>(BinaryReader reader, BatchPlan<T> plan, int epochs)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int epoch = reader.ReadInt32();
        long steps = reader.ReadInt64();
        if (epoch < 0 || epoch > epochs || steps < 0)
        {
            throw new InvalidDataException($"it is at epoch {epoch}, step {steps}, beyond this run's {epochs} epochs.");
        }

        bool started = reader.ReadBoolean(), inEpoch = reader.ReadBoolean();
        int batch = reader.ReadInt32();
        if (inEpoch ? (uint)batch >= (uint)plan.BatchCount : batch != 0)
        {
            throw new InvalidDataException($"it is at batch {batch} of an epoch of {plan.BatchCount}.");
        }

        int[]? order = null;
        if (inEpoch)
        {
            order = new int[plan.Data.Count];
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
        var random = new ulong[SeededRandom.StateLength];
        for (int i = 0; i < random.Length; i++)
        {
            random[i] = reader.ReadUInt64();
        }

        return new Saved(new TrainingPosition(epoch, steps, started, inEpoch, batch, initialRate), order, random);
    }

    /// <summary>A position read from a checkpoint, with the shuffle state to put back.</summary>
    /// <param name="Position">The position.</param>
    /// <param name="Order">The row order of the epoch in progress, if one is.</param>
    /// <param name="Random">The shuffle generator's state.</param>
    internal sealed record Saved(TrainingPosition Position, int[]? Order, ulong[] Random)
    {
        /// <summary>Puts the shuffle state back into <paramref name="plan"/>.</summary>
        public void ApplyTo<T>(BatchPlan<T> plan)
            where T : unmanaged, IFloatingPointIeee754<T>
        {
            plan.Random.SetState(Random);
            if (Order is not null)
            {
                plan.RestoreOrder(Order);
            }
        }
    }
}

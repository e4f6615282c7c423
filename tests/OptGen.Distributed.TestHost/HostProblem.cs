using System.Numerics;
using OptGen.Data;
using OptGen.Distributed.Mpi;
using OptGen.Distributed.Sharding;
using OptGen.Distributed.Training;
using OptGen.Losses;
using OptGen.Models;
using OptGen.Training;

namespace OptGen.Distributed.TestHost;

/// <summary>
/// The training problem every scenario shares: a small MLP on two half-moons, in mini-batches of 10 that no rank
/// count up to 3 cuts evenly in every batch (64 rows: six batches of 10 and one of 4), shuffled, with clipping on.
/// </summary>
internal static class HostProblem
{
    public const int Epochs = 3;
    public const int BatchSize = 10;
    public const double ClipGradNorm = 0.5;

    public static Dataset<T> Data<T>()
        where T : unmanaged, IFloatingPointIeee754<T> =>
        SyntheticData.TwoMoons<T>(64, 0.1, seed: 7);

    public static Mlp<T> Model<T>(Reduction reduction = Reduction.Mean)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        reduction == Reduction.Mean
            ? new Mlp<T>(2, [8], Activation.Tanh)
            : new Mlp<T>(2, [8], Activation.Tanh, Activation.Sigmoid, Loss.SquaredError(Reduction.Sum));

    public static TrainingOptions Options(string? checkpoint = null) => new()
    {
        Epochs = Epochs,
        Batching = Batching.MiniBatch(BatchSize, shuffle: true),
        Seed = 11,
        RecordStepLosses = true,
        CheckpointPath = checkpoint,
    };

    /// <summary>A trainer of the problem with <paramref name="model"/>, sharding over <paramref name="ranks"/> (real or simulated).</summary>
    public static DataParallelTrainer<T, TModel> Trainer<T, TModel, TOptimizer>(
        Communicator? world, int ranks, TModel model, Func<int, TOptimizer> create, TrainingOptions? options = null)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TModel : IModel<T>
        where TOptimizer : IOptimizer<T>
    {
        T[] parameters = new T[model.ParameterCount];
        model.Initialize(parameters, seed: 3);
        ShardedOptimizer<T> sharded = ShardedOptimizers.Create<T, TOptimizer>(world, ranks, model.ParameterCount, create, ClipGradNorm);
        return new DataParallelTrainer<T, TModel>(model, sharded, Data<T>(), parameters, options ?? Options());
    }

    /// <summary>The line the tests read: one per case and rank ("sim" for a simulation).</summary>
    public static void Report<T>(Communicator? world, int ranks, string name, ReadOnlySpan<T> parameters, string extra = "")
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Console.WriteLine($"result case={name} rank={(world is null ? "sim" : world.Rank.ToString(System.Globalization.CultureInfo.InvariantCulture))} size={ranks} sha256={ParameterHash.Sha256(parameters)}{extra}");
}

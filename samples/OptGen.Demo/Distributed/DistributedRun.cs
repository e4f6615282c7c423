using System.Globalization;
using OptGen.Data;
using OptGen.Demo.Cases;
using OptGen.Demo.Optimizers;
using OptGen.Distributed;
using OptGen.Distributed.Mpi;
using OptGen.Distributed.Sharding;
using OptGen.Distributed.Training;
using OptGen.Models;
using OptGen.Training;

namespace OptGen.Demo.Distributed;

/// <summary>The settings of the <c>distributed</c> case.</summary>
/// <param name="Epochs">Epochs over the training set.</param>
/// <param name="Seed">Seeds the data, the initialisation and the shuffle.</param>
/// <param name="ClipGradNorm">The global gradient-norm limit, or null for none.</param>
internal sealed record DistributedSettings(int Epochs, int Seed, double? ClipGradNorm);

/// <summary>
/// The MLP case's network and data (2-16-16-1, tanh, two half-moons, mini-batches of 32) trained data-parallel with
/// mini-batch Adam: each global batch cut across the ranks, the optimizer state sharded (ZeRO-1). Rank 0 reports;
/// the last line is the SHA-256 of the final parameters, equal for a real run and its simulation with as many ranks.
/// </summary>
internal static class DistributedRun
{
    /// <summary>Trains as rank <c>world.Rank</c> of a real run (<paramref name="world"/> set) or as all <paramref name="ranks"/> simulated ranks.</summary>
    public static int Train(Communicator? world, int ranks, DistributedSettings settings, TextWriter output)
    {
        (Dataset<double> train, Dataset<double> test) = MlpCase.Data(settings.Seed);
        Mlp<double> model = MlpCase.CreateModel();
        double[] parameters = model.CreateParameters((ulong)settings.Seed);
        ShardedOptimizer<double> optimizer = ShardedOptimizers.Create<double, MlpAdam>(world, ranks, model.ParameterCount, n => new MlpAdam(n), settings.ClipGradNorm);
        var options = new TrainingOptions { Epochs = settings.Epochs, Batching = MlpCase.Batching, Seed = (ulong)settings.Seed };
        var trainer = new DataParallelTrainer<double, Mlp<double>>(model, optimizer, train, parameters, options);
        TrainingResult result = trainer.Run();
        if (!optimizer.IsRoot)
        {
            return result.Reason == StopReason.Completed ? 0 : 1;
        }

        string where = world is null ? $"{ranks} simulated ranks in one process" : $"{ranks} MPI ranks ({MpiFamilyName(world.Family)})";
        string clip = settings.ClipGradNorm is { } c ? $", gradient norm clipped at {c.ToString(CultureInfo.InvariantCulture)} across the ranks" : "";
        int wholeElements = optimizer.WholeStateLength;
        output.WriteLine($"Data-parallel mini-batch Adam on {where}: MLP 2-{string.Join('-', MlpCase.Hidden)}-1 (tanh) on two half-moons, {train.Count} training points.");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Each global batch of {MlpCase.BatchSize} is cut across the ranks{clip}; each rank keeps at most {optimizer.StateBytesPerRank / sizeof(double):N0} of the {wholeElements:N0} optimizer-state elements (ZeRO-1)."));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{result.Message} Final training loss {result.FinalTrainLoss:0.0000e+0}, test accuracy {Evaluation.Accuracy(model, parameters, test):P1}."));
        output.WriteLine($"parameters sha256: {ParameterHash.Sha256<double>(parameters)}");
        return result.Reason == StopReason.Completed ? 0 : 1;
    }

    private static string MpiFamilyName(MpiFamily family) => family == MpiFamily.OpenMpi ? "Open MPI" : "MPICH";
}

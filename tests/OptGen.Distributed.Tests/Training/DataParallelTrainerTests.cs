using OptGen.Data;
using OptGen.Distributed.Sharding;
using OptGen.Distributed.TestHost;
using OptGen.Distributed.Training;
using OptGen.Models;
using OptGen.Training;

namespace OptGen.Distributed.Tests.Training;

/// <summary>The data-parallel trainer, with simulated ranks, against the single-process trainer and on its own.</summary>
public sealed class DataParallelTrainerTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("optgen-dp-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static Dataset<double> Data => SyntheticData.TwoMoons<double>(50, 0.1, seed: 4);

    private static Mlp<double> Model() => new(2, [6], Activation.Tanh);

    private static TrainingOptions Options(int epochs = 3, string? checkpoint = null) => new()
    {
        Epochs = epochs,
        Batching = Batching.MiniBatch(8, shuffle: true),   // 50 rows: six batches of 8, one of 2
        Seed = 9,
        RecordStepLosses = true,
        CheckpointPath = checkpoint,
    };

    private static DataParallelTrainer<double, TModel> Simulated<TModel>(int ranks, TModel model, TrainingOptions? options = null)
        where TModel : IModel<double>
    {
        double[] parameters = new double[model.ParameterCount];
        model.Initialize(parameters, 1);
        var sharded = new SimulatedShardedOptimizer<double, AdamDouble>(ranks, model.ParameterCount, n => new AdamDouble(n));
        return new DataParallelTrainer<double, TModel>(model, sharded, Data, parameters, options ?? Options());
    }

    [Fact]
    public void OneRank_EqualsTheSingleProcessTrainer_BitForBit()
    {
        Mlp<double> model = Model();
        var dataParallel = Simulated(1, model);
        double[] parameters = model.CreateParameters(1);
        var trainer = Trainer.Create(model, new AdamDouble(model.ParameterCount), Data, parameters, Options());

        Assert.Equal(StopReason.Completed, dataParallel.Run().Reason);
        trainer.Run();

        Assert.Equal(parameters, dataParallel.Parameters);
        Assert.Equal(trainer.History.StepLoss.ToArray(), dataParallel.History.StepLoss.ToArray());
        Assert.Equal(trainer.History.TrainLoss.ToArray(), dataParallel.History.TrainLoss.ToArray());
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]   // uneven cuts: 8 rows as 2 + 3 + 3, the last batch as 0 + 1 + 1
    public void ManyRanks_TrainTheSameGlobalBatches_AsTheSingleProcessTrainer(int ranks)
    {
        Mlp<double> model = Model();
        var dataParallel = Simulated(ranks, model);
        double[] parameters = model.CreateParameters(1);
        var trainer = Trainer.Create(model, new AdamDouble(model.ParameterCount), Data, parameters, Options());

        dataParallel.Run();
        trainer.Run();

        // Only the rounding of the partial means differs.
        for (int i = 0; i < parameters.Length; i++)
        {
            Assert.Equal(parameters[i], dataParallel.Parameters[i], 1e-9);
        }

        for (int s = 0; s < trainer.History.StepCount; s++)
        {
            Assert.Equal(trainer.History.StepLoss[s], dataParallel.History.StepLoss[s], 1e-12);
        }
    }

    [Fact]
    public void ANonFiniteGradientOnOneRank_StopsEveryRank_WithTheLastFiniteParameters()
    {
        Mlp<double> inner = Model();
        var model = new PoisonedModel(inner, poisonCall: 5);   // step 2, rank 1 (each step calls ranks 0, 1, 2 in turn)
        var trainer = Simulated(3, model);

        trainer.RunSteps(1);
        double[] afterOne = (double[])trainer.Parameters.Clone();
        TrainingResult result = trainer.Run();

        Assert.Equal(StopReason.NonFinite, result.Reason);
        Assert.Equal(2, result.FailedStep);
        Assert.Contains("rank 1's part of the batch is not finite", result.Message, StringComparison.Ordinal);
        Assert.Equal(afterOne, trainer.Parameters);
        Assert.Equal(1, trainer.Steps);
    }

    [Fact]
    public void ACheckpoint_ResumesBitForBit_AndIsRefusedByAnotherOptimizer()
    {
        string path = Path.Combine(_folder, "dp.ckpt");
        var uninterrupted = Simulated(2, Model());
        uninterrupted.Run();
        var first = Simulated(2, Model());
        first.RunSteps(10);   // mid-epoch
        first.SaveCheckpoint(path);

        var resumed = Simulated(2, Model());
        resumed.LoadCheckpoint(path);
        resumed.Run();

        Assert.Equal(uninterrupted.Parameters, resumed.Parameters);
        Assert.Equal(uninterrupted.History.StepLoss.ToArray(), resumed.History.StepLoss.ToArray());

        Mlp<double> model = Model();
        var other = new DataParallelTrainer<double, Mlp<double>>(
            model, new SimulatedShardedOptimizer<double, RMSPropDouble>(2, model.ParameterCount, n => new RMSPropDouble(n)), Data, model.CreateParameters(1), Options());
        var error = Assert.Throws<CheckpointException>(() => other.LoadCheckpoint(path));
        Assert.Contains("optimizer OptGen.Distributed.Tests.AdamDouble", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingCheckpoint_IsACheckpointExceptionNamingTheFile()
    {
        string path = Path.Combine(_folder, "missing.ckpt");

        var error = Assert.Throws<CheckpointException>(() => Simulated(2, Model()).LoadCheckpoint(path));

        Assert.StartsWith($"The checkpoint '{path}' cannot be resumed: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("cannot be resumed: The checkpoint", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnsupportedOptions_AreRefusedByName()
    {
        var options = new TrainingOptions { EarlyStopping = new EarlyStopping(3) };

        var error = Assert.Throws<NotSupportedException>(() => Simulated(2, Model(), options));

        Assert.Contains("EarlyStopping", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Writes a NaN into the gradient on its n-th gradient call.</summary>
    private sealed class PoisonedModel(Mlp<double> inner, int poisonCall) : WrappedModel<double>(inner)
    {
        protected override void AfterGradient(int call, Span<double> gradient)
        {
            if (call == poisonCall)
            {
                gradient[0] = double.NaN;
            }
        }
    }
}

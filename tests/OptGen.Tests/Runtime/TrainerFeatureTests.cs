using OptGen.Data;
using OptGen.Models;
using OptGen.Surfaces;
using OptGen.Training;
using Xunit;

namespace OptGen.Tests.Runtime;

/// <summary>Schedules, early stopping, progress, trajectories, surfaces and the data helpers.</summary>
public class TrainerFeatureTests
{
    [Fact]
    public void SchedulesGiveTheDocumentedRates()
    {
        Assert.Equal(0.1, LearningRateSchedule.Constant.Rate(0.1, 1000, 7));
        var step = LearningRateSchedule.StepDecay(3, 0.5);
        Assert.Equal([1, 1, 1, 0.5, 0.5, 0.5, 0.25], Enumerable.Range(0, 7).Select(e => step.Rate(1, 0, e)));
        Assert.Equal(0.81, LearningRateSchedule.Exponential(0.9).Rate(1, 0, 2), 15);
        var cosine = LearningRateSchedule.CosineWithWarmup(4, 14, 0.1);
        Assert.Equal([0.25, 0.5, 0.75, 1.0], Enumerable.Range(0, 4).Select(s => cosine.Rate(1, s, 0)));
        Assert.Equal(1.0, cosine.Rate(1, 4, 0), 15);
        Assert.Equal(0.55, cosine.Rate(1, 9, 0), 15);
        Assert.Equal(0.1, cosine.Rate(1, 14, 0), 15);
        Assert.Equal(0.1, cosine.Rate(1, 100, 0), 15);
    }

    [Fact]
    public void TheTrainerAppliesTheScheduleThroughTheOptimizer()
    {
        var seen = new List<double>();
        var trainer = Trainer.Create(new SigmoidNeuron<double>(), new NeuronSgd(), TestData.NeuronPoints(), [-2.0, -2.0], new TrainingOptions
        {
            Epochs = 6,
            Batching = Batching.MiniBatch(5),
            Schedule = LearningRateSchedule.StepDecay(2, 0.1),
            Progress = new Recorder(r => seen.Add(r.LearningRate)),
        });
        trainer.Run();
        Assert.Equal([1, 1, 0.1, 0.1, 0.01, 0.01], seen.Select(r => Math.Round(r, 12)));
        Assert.Equal(trainer.History.LearningRate.ToArray(), seen);
    }

    [Fact]
    public void EarlyStoppingStopsAndRestoresTheBest()
    {
        // RMSProp-like oscillation is not needed: a learning rate of 1e3 on the neuron makes the loss jump about.
        var (train, test) = TestData.Moons<double>(120, seed: 8);
        var model = new Mlp<double>(2, [4], Activation.Tanh);
        double[] parameters = model.CreateParameters(9);
        var trainer = Trainer.Create(model, new MlpAdam(model.ParameterCount) { LearningRate = 0.5 }, train, parameters, new TrainingOptions
        {
            Epochs = 200,
            Batching = Batching.MiniBatch(8),
            EarlyStopping = new EarlyStopping(Patience: 3, RestoreBest: true),
        }, validation: test);
        TrainingResult result = trainer.Run();
        Assert.Equal(StopReason.EarlyStopped, result.Reason);
        Assert.True(result.Epochs < 200);
        Assert.Equal(result.Epochs - 3, trainer.BestEpoch);
        double best = trainer.History.ValidationLoss[trainer.BestEpoch - 1];
        Assert.Equal(best, Evaluation.Loss(model, parameters, test));
    }

    [Fact]
    public void EarlyStoppingWithoutRestoreKeepsTheLastParameters()
    {
        // The same run as above with RestoreBest off: it stops at the same epoch, and the parameters are the last ones.
        var (train, test) = TestData.Moons<double>(120, seed: 8);
        var model = new Mlp<double>(2, [4], Activation.Tanh);
        double[] restored = model.CreateParameters(9);
        var options = new TrainingOptions { Epochs = 200, Batching = Batching.MiniBatch(8), EarlyStopping = new EarlyStopping(Patience: 3, RestoreBest: true) };
        TrainingResult withRestore = Trainer.Create(model, new MlpAdam(model.ParameterCount) { LearningRate = 0.5 }, train, restored, options, validation: test).Run();

        double[] parameters = model.CreateParameters(9);
        var trainer = Trainer.Create(model, new MlpAdam(model.ParameterCount) { LearningRate = 0.5 }, train, parameters, new TrainingOptions
        {
            Epochs = 200,
            Batching = Batching.MiniBatch(8),
            EarlyStopping = new EarlyStopping(Patience: 3),
        }, validation: test);
        TrainingResult result = trainer.Run();
        Assert.Equal(StopReason.EarlyStopped, result.Reason);
        Assert.Equal(withRestore.Epochs, result.Epochs);
        Assert.Equal(result.Epochs - 3, trainer.BestEpoch);
        Assert.DoesNotContain("restored", result.Message);
        Assert.Equal(trainer.History.ValidationLoss[^1], Evaluation.Loss(model, parameters, test));
    }

    [Fact]
    public void ProgressReportsEveryEpoch()
    {
        var reports = new List<EpochReport>();
        var (train, test) = TestData.Moons<double>(80, seed: 3);
        var model = new LogisticRegression<double>(2);
        Trainer.Create(model, new MlpAdam(3), train, new double[3], new TrainingOptions
        {
            Epochs = 5,
            Batching = Batching.MiniBatch(10),
            Progress = new Recorder(reports.Add),
        }, validation: test).Run();
        Assert.Equal([1, 2, 3, 4, 5], reports.Select(r => r.Epoch));
        Assert.All(reports, r => Assert.Equal(5, r.Epochs));
        Assert.Equal(30, reports[^1].Steps); // 60 rows / 10 = 6 steps per epoch
        Assert.All(reports, r => Assert.InRange(r.ValidationAccuracy, 0, 1));
    }

    [Fact]
    public void CancellationStopsBetweenEpochs()
    {
        using var source = new CancellationTokenSource();
        var trainer = Trainer.Create(new SigmoidNeuron<double>(), new NeuronSgd(), TestData.NeuronPoints(), [-2.0, -2.0], new TrainingOptions
        {
            Epochs = 100,
            Progress = new Recorder(r => { if (r.Epoch == 4) source.Cancel(); }),
        });
        TrainingResult result = trainer.Run(source.Token);
        Assert.Equal(StopReason.Cancelled, result.Reason);
        Assert.Equal(4, result.Epochs);
        Assert.False(trainer.IsFinished);

        // Running again continues where it stopped, to the same end as an uninterrupted run.
        Assert.Equal(StopReason.Completed, trainer.Run().Reason);
        double[] uninterrupted = [-2.0, -2.0];
        Trainer.Create(new SigmoidNeuron<double>(), new NeuronSgd(), TestData.NeuronPoints(), uninterrupted, new TrainingOptions { Epochs = 100 }).Run();
        Assert.Equal(TestData.Bits(uninterrupted), TestData.Bits(trainer.Parameters));
    }

    [Fact]
    public void TrajectoryRecordsChosenParametersPerEpoch()
    {
        var trainer = Trainer.Create(new SigmoidNeuron<double>(), new NeuronSgd(), TestData.NeuronPoints(), [-2.0, -2.0], new TrainingOptions
        {
            Epochs = 5,
            Batching = Batching.MiniBatch(4),
            Trajectory = new TrajectoryOptions(TrajectoryFrequency.PerEpoch, [SigmoidNeuron<double>.B]),
        });
        trainer.Run();
        Trajectory<double> path = trainer.Trajectory!;
        Assert.Equal(6, path.Count);
        Assert.Equal(1, path.Dimension);
        Assert.Equal([0L, 3, 6, 9, 12, 15], path.Steps.ToArray());
        Assert.Equal(-2.0, path[0][0]);
        Assert.Equal(trainer.Parameters[1], path[5][0]);
        Assert.Equal(path.Count, path.Component(0).Length);
    }

    [Fact]
    public void TrajectoryRefusesToGrowPastItsCapacity()
    {
        var path = new Trajectory<double>(2, 1);
        path.Record([1.0, 2.0], 0);
        Assert.Throws<InvalidOperationException>(() => path.Record([1.0, 2.0], 1));
    }

    [Fact]
    public void LossSurfaceIsTheLossOnAGrid()
    {
        var model = new SigmoidNeuron<double>();
        Dataset<double> data = SyntheticData.TutorialNeuron<double>();
        var surface = LossSurface<double>.Compute(model, data, [0.0, 0.0], 0, -6.0, 6.0, 13, 1, -6.0, 6.0, 7);
        Assert.Equal(13, surface.Width);
        Assert.Equal(7, surface.Height);
        Assert.Equal(-6.0, surface.XValues[0]);
        Assert.Equal(6.0, surface.XValues[^1]);
        Assert.Equal(2.0, surface.YValues[4]);
        Assert.Equal(model.ComputeLoss([1.0, 2.0], data.All), surface[7, 4]);
        Assert.Equal(surface.Values.ToArray().Min(), surface.Minimum);
    }

    [Fact]
    public void SplitAndStandardisationAreSeededAndFittedOnTrain()
    {
        var data = SyntheticData.TwoMoons<double>(100, 0.1, 1);
        var (train, test) = DatasetSplit.TrainTest(data, 0.2, 7);
        var (train2, test2) = DatasetSplit.TrainTest(data, 0.2, 7);
        Assert.Equal((80, 20), (train.Count, test.Count));
        Assert.Equal(train.AllFeatures.ToArray(), train2.AllFeatures.ToArray());
        Assert.Equal(test.Targets.ToArray(), test2.Targets.ToArray());

        var scaler = Standardizer<double>.Fit(train);
        var scaled = scaler.Transform(train);
        for (int j = 0; j < 2; j++)
        {
            var column = Enumerable.Range(0, scaled.Count).Select(i => scaled.Features(i)[j]).ToArray();
            Assert.Equal(0, column.Average(), 12);
            Assert.Equal(1, Math.Sqrt(column.Select(v => v * v).Average()), 12);
        }
    }

    [Fact]
    public void TheGeneratorIsDeterministicAndResumable()
    {
        var a = new SeededRandom(123);
        var b = new SeededRandom(123);
        Assert.Equal(Enumerable.Range(0, 10).Select(_ => a.NextUInt64()), Enumerable.Range(0, 10).Select(_ => b.NextUInt64()));
        var state = new ulong[SeededRandom.StateLength];
        a.GetState(state);
        var c = new SeededRandom(state);
        Assert.Equal(a.NextDouble(), c.NextDouble());
        var counts = new int[5];
        for (int i = 0; i < 50_000; i++)
        {
            counts[a.NextInt(5)]++;
        }

        Assert.All(counts, n => Assert.InRange(n, 9_500, 10_500));
        Span<int> order = [0, 1, 2, 3, 4, 5, 6, 7];
        a.Shuffle(order);
        Assert.Equal(Enumerable.Range(0, 8), order.ToArray().Order());
    }

    [Fact]
    public void MismatchedSizesAreRefusedUpFront()
    {
        var e = Assert.Throws<ArgumentException>(() => Trainer.Create(new Mlp<double>(2, [3]), new MlpAdam(5), TestData.Moons<double>(20, 1).Train, new double[13], new TrainingOptions()));
        Assert.Contains("optimizer 5", e.Message);
        Assert.Throws<ArgumentException>(() => Trainer.Create(new SigmoidNeuron<double>(), new NeuronSgd(), TestData.Moons<double>(20, 1).Train, [0.0, 0.0], new TrainingOptions()));
    }

    private sealed class Recorder(Action<EpochReport> action) : IProgress<EpochReport>
    {
        public void Report(EpochReport value) => action(value);
    }
}

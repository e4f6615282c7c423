using OptGen.Data;
using OptGen.Models;
using OptGen.Training;
using Xunit;

namespace OptGen.Tests.Runtime;

/// <summary>The MLP learns a non-linear boundary with mini-batch Adam.</summary>
public class MoonsTests
{
    [Fact]
    public void MlpLearnsHalfMoonsWithMiniBatchAdam()
    {
        var (train, test) = TestData.Moons<double>(600, seed: 1);
        var model = new Mlp<double>(2, [16, 16], Activation.Tanh);
        double[] parameters = model.CreateParameters(seed: 2);
        var trainer = Trainer.Create(model, new MlpAdam(model.ParameterCount), train, parameters,
            new TrainingOptions { Epochs = 60, Batching = Batching.MiniBatch(32), Seed = 3 }, validation: test);

        TrainingResult result = trainer.Run();

        Assert.Equal(StopReason.Completed, result.Reason);
        double accuracy = Evaluation.Accuracy(model, parameters, test);
        Assert.True(accuracy >= 0.95, $"test accuracy {accuracy:P1} after {result.Epochs} epochs (train loss {result.FinalTrainLoss})");
        Assert.Equal(accuracy, trainer.History.ValidationAccuracy[^1]);
        Assert.True(trainer.History.TrainLoss[^1] < trainer.History.InitialTrainLoss / 5);
    }

    [Fact]
    public void FloatMlpLearnsHalfMoonsToo()
    {
        var (train, test) = TestData.Moons<float>(600, seed: 1);
        var model = new Mlp<float>(2, [16, 16], Activation.ReLU);
        float[] parameters = model.CreateParameters(seed: 2);
        Trainer.Create(model, new MlpAdamF(model.ParameterCount), train, parameters,
            new TrainingOptions { Epochs = 60, Batching = Batching.MiniBatch(32), Seed = 3 }).Run();
        Assert.True(Evaluation.Accuracy(model, parameters, test) >= 0.95);
    }

    [Fact]
    public void LogisticRegressionSeparatesSparseData()
    {
        var data = SyntheticData.SparseLinearlySeparable<double>(400, 20, density: 0.2, seed: 4);
        var (train, test) = DatasetSplit.TrainTest(data, 0.25, seed: 5);
        var model = new LogisticRegression<double>(20);
        var parameters = new double[model.ParameterCount];
        Trainer.Create(model, new MlpAdam(model.ParameterCount) { LearningRate = 0.1 }, train, parameters,
            new TrainingOptions { Epochs = 100, Batching = Batching.MiniBatch(16) }).Run();
        Assert.True(Evaluation.Accuracy(model, parameters, test) >= 0.9);
    }
}

using OptGen.Data;
using OptGen.Losses;
using OptGen.Models;
using OptGen.Training;
using Xunit;

namespace OptGen.Tests.Runtime;

/// <summary>Initialisation, layout and prediction of the models.</summary>
public class ModelTests
{
    [Fact]
    public void XavierWeightsAreUniformWithinTheBoundAndBiasesZero()
    {
        var model = new Mlp<double>(30, [40], Activation.Tanh);
        double[] p = model.CreateParameters(1);
        double bound = Math.Sqrt(6.0 / (30 + 40));
        var weights = p.AsSpan(model.WeightOffset(0), 30 * 40).ToArray();
        Assert.All(weights, w => Assert.InRange(w, -bound, bound));
        Assert.Equal(bound * bound / 3, weights.Select(w => w * w).Average(), 2); // variance of U(−a, a) is a²/3
        Assert.All(p.AsSpan(model.WeightOffset(0) + 30 * 40, 40).ToArray(), b => Assert.Equal(0.0, b));
        Assert.Equal(p, model.CreateParameters(1));
        Assert.NotEqual(p, model.CreateParameters(2));
    }

    [Fact]
    public void HeWeightsHaveVarianceTwoOverFanIn()
    {
        var model = new Mlp<double>(50, [80], Activation.ReLU);
        double[] p = model.CreateParameters(3);
        var weights = p.AsSpan(0, 50 * 80).ToArray();
        Assert.Equal(2.0 / 50, weights.Select(w => w * w).Average(), 3);
        Assert.Equal(0.0, weights.Average(), 2);
        Assert.Equal(Initialization.He, new Mlp<double>(2, [3], Activation.Tanh, initialization: Initialization.He).Initialization);
    }

    [Fact]
    public void MlpLayoutIsTorchsLinearLayerAfterLayer()
    {
        var model = new Mlp<float>(3, [5, 4]);
        Assert.Equal(3 * 5 + 5 + 5 * 4 + 4 + 4 * 1 + 1, model.ParameterCount);
        Assert.Equal([0, 20, 44], Enumerable.Range(0, model.LayerCount).Select(model.WeightOffset));
        Assert.Equal([3, 5, 4, 1], model.Widths);
    }

    [Fact]
    public void PredictionsAreTheActivatedOutput()
    {
        var neuron = new SigmoidNeuron<double>();
        Assert.Equal(1 / (1 + Math.Exp(-(1.5 * 2 - 0.5))), neuron.Predict([1.5, -0.5], [2.0]));
        var line = new LinearRegression<double>(2);
        Assert.Equal(3 * 1 + 4 * 2 + 5, line.Predict([3.0, 4.0, 5.0], [1.0, 2.0]));
        var logistic = new LogisticRegression<float>(1);
        Assert.Equal(0.5f, logistic.Predict([0f, 0f], [7f]));
        Assert.Throws<ArgumentException>(() => line.Predict([1.0, 2.0], [1.0, 2.0]));
    }

    [Fact]
    public void LinearRegressionFindsTheLine()
    {
        var random = new SeededRandom(4);
        var x = Enumerable.Range(0, 40).Select(_ => random.NextGaussian()).ToArray();
        var y = x.Select(v => 3 * v - 1).ToArray();
        var model = new LinearRegression<double>(1);
        var parameters = new double[2];
        Trainer.Create(model, new MlpAdam(2) { LearningRate = 0.05 }, Dataset<double>.FromColumn(x, y), parameters,
            new TrainingOptions { Epochs = 2000 }).Run();
        Assert.Equal(3.0, parameters[0], 6);
        Assert.Equal(-1.0, parameters[1], 6);
    }

    [Fact]
    public void MeanIsTheSumOverTheBatchSize()
    {
        var data = TestData.NeuronPoints();
        double[] p = [0.7, -0.3];
        var sum = new double[2];
        var mean = new double[2];
        double lossSum = new SigmoidNeuron<double>().ComputeLossAndGradient(p, data.All, sum);
        double lossMean = new SigmoidNeuron<double>(Loss.SquaredError(Reduction.Mean)).ComputeLossAndGradient(p, data.All, mean);
        Assert.Equal(lossSum / data.Count, lossMean, 15);
        Assert.Equal(sum[0] / data.Count, mean[0], 15);
        Assert.Equal(sum[1] / data.Count, mean[1], 15);
    }
}

using OptGen.Data;
using OptGen.Losses;
using OptGen.Models;
using OptGen.Training;
using Xunit;

namespace OptGen.Tests.Runtime;

/// <summary>The guard stops at the first non-finite loss, gradient or parameter, says where, and keeps finite parameters.</summary>
public class NonFiniteGuardTests
{
    private static Dataset<double> Line() => Dataset<double>.FromColumn([1, 2, 3, 4, 5], [2, 4, 6, 8, 10]);

    [Fact]
    public void StopsAtTheStepWhoseLossOverflows()
    {
        // Gradient descent with η = 10 on Σ½(wx + b − y)² multiplies the error by about −550 per step, so the
        // loss overflows after about a hundred steps. A plain loop finds the step independently.
        var (failingStep, lastW, lastB) = PlainLoopUntilNonFinite(Line(), learningRate: 10);

        double[] parameters = [0, 0];
        var model = new LinearRegression<double>(1, Loss.SquaredError(Reduction.Sum));
        var trainer = Trainer.Create(model, new DivergingSgd(), Line(), parameters,
            new TrainingOptions { Epochs = 1000, RecordStepLosses = true });
        TrainingResult result = trainer.Run();

        Assert.Equal(StopReason.NonFinite, result.Reason);
        Assert.Equal(failingStep, result.FailedStep);
        Assert.Equal((int)failingStep, result.FailedEpoch); // full batch: one step per epoch
        Assert.Equal(1, result.FailedBatch);
        Assert.Equal(failingStep - 1, trainer.Steps);
        Assert.Contains($"epoch {failingStep}, batch 1 (step {failingStep})", result.Message);
        Assert.Contains("loss", result.Message);
        Assert.True(double.IsFinite(parameters[0]) && double.IsFinite(parameters[1]));
        Assert.Equal(lastW, parameters[0]);
        Assert.Equal(lastB, parameters[1]);
        Assert.True(trainer.IsFinished);
        Assert.Same(result, trainer.Run()); // a stopped run stays stopped
    }

    [Fact]
    public void StopsWhenAnUpdateOverflowsAndRestoresTheParameters()
    {
        // lr = 1e308: the loss and gradient at the start are finite, the first update is not.
        double[] parameters = [0.5, -0.25];
        var model = new LinearRegression<double>(1, Loss.SquaredError(Reduction.Sum));
        var trainer = Trainer.Create(model, new OverflowingSgd(), Line(), parameters, new TrainingOptions { Epochs = 10 });
        TrainingResult result = trainer.Run();

        Assert.Equal(StopReason.NonFinite, result.Reason);
        Assert.Equal(1, result.FailedStep);
        Assert.Contains("restored", result.Message);
        Assert.Equal([0.5, -0.25], parameters);
    }

    [Fact]
    public void FloatOverflowIsCaughtToo()
    {
        float[] parameters = [0, 0];
        var data = Dataset<float>.FromColumn([1, 2, 3, 4, 5], [2, 4, 6, 8, 10]);
        var model = new LinearRegression<float>(1, Loss.SquaredError(Reduction.Sum));
        var optimizer = new MlpAdamF(2) { LearningRate = 1e30 };
        TrainingResult result = Trainer.Create(model, optimizer, data, parameters, new TrainingOptions { Epochs = 100 }).Run();
        Assert.Equal(StopReason.NonFinite, result.Reason);
        Assert.True(float.IsFinite(parameters[0]) && float.IsFinite(parameters[1]));
    }

    [Fact]
    public void StopsWhenAdamsSecondMomentOverflowsAndSaysWhichParameter()
    {
        // x = 1e160 and a residual of 1: the loss (½) and the gradient (−1e160) are finite, but g² = 1e320 is not,
        // so Adam's v for w becomes ∞, w's update is m / ∞ = 0, and w never moves again — a frozen run that used
        // to report "Completed". The guard stops at that step and keeps the parameters from before it.
        double[] parameters = [0, 0];
        var data = Dataset<double>.FromColumn([1e160], [1]);
        var model = new LinearRegression<double>(1, Loss.SquaredError(Reduction.Sum));
        var trainer = Trainer.Create(model, new MlpAdam(2), data, parameters, new TrainingOptions { Epochs = 50 });
        TrainingResult result = trainer.Run();

        Assert.Equal(StopReason.NonFinite, result.Reason);
        Assert.Equal(1, result.FailedStep);
        Assert.Equal(0, trainer.Steps);
        Assert.Contains("optimizer's state", result.Message);
        Assert.Contains("second moments (v), parameter 0", result.Message);
        Assert.Matches("∞|Infinity", result.Message);
        Assert.Equal([0.0, 0.0], parameters);
    }

    [Fact]
    public void WithoutTheStateGuardTheSameRunFreezesAndCompletes()
    {
        // What the guard prevents, shown with it switched off: w never moves, and the run says "Completed".
        double[] parameters = [0, 0];
        var data = Dataset<double>.FromColumn([1e160], [1]);
        var model = new LinearRegression<double>(1, Loss.SquaredError(Reduction.Sum));
        var trainer = Trainer.Create(model, new MlpAdam(2), data, parameters, new TrainingOptions { Epochs = 50, GuardOptimizerState = false });
        Assert.Equal(StopReason.Completed, trainer.Run().Reason);
        Assert.Equal(0.0, parameters[0]);
        Assert.NotEqual(0.0, parameters[1]);
    }

    [Fact]
    public void StopsWhenAFloatAdamStateOverflows()
    {
        // The same in float: g = 1e30 is finite, g² (and 0.001·g·g) is not.
        float[] parameters = [0, 0];
        var data = Dataset<float>.FromColumn([1e30f], [1]);
        var model = new LinearRegression<float>(1, Loss.SquaredError(Reduction.Sum));
        TrainingResult result = Trainer.Create(model, new MlpAdamF(2), data, parameters, new TrainingOptions { Epochs = 50 }).Run();
        Assert.Equal(StopReason.NonFinite, result.Reason);
        Assert.Equal(1, result.FailedStep);
        Assert.Contains("second moments (v), parameter 0", result.Message);
        Assert.Equal([0f, 0f], parameters);
    }

    private static (long Step, double W, double B) PlainLoopUntilNonFinite(Dataset<double> data, double learningRate)
    {
        double w = 0, b = 0;
        for (long step = 1; ; step++)
        {
            double loss = 0, dw = 0, db = 0;
            for (int i = 0; i < data.Count; i++)
            {
                double x = data.Features(i)[0];
                double difference = b + w * x - data.Target(i);
                loss += 0.5 * difference * difference;
                dw += difference * x;
                db += difference;
            }

            if (!double.IsFinite(loss) || !double.IsFinite(dw) || !double.IsFinite(db))
            {
                return (step, w, b);
            }

            double nextW = w - learningRate * dw, nextB = b - learningRate * db;
            if (!double.IsFinite(nextW) || !double.IsFinite(nextB))
            {
                return (step, w, b);
            }

            (w, b) = (nextW, nextB);
        }
    }
}

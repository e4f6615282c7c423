using OptGen.Data;
using OptGen.Models;
using OptGen.Surfaces;
using OptGen.Training;
using Xunit;

namespace OptGen.Tests.Runtime;

/// <summary>
/// The trainer on the tutorial's neuron against a plain loop written here from the tutorial's formulas:
/// full batch, stochastic and mini-batch, equal step for step, bit for bit.
/// </summary>
public class NeuronTrainingTests
{
    [Fact]
    public void FullBatchEqualsPlainGradientDescent()
    {
        // The tutorial's two points, 100 epochs of w ← w − η·Σ(f−y)f(1−f)x with η = 1.
        Dataset<double> data = SyntheticData.TutorialNeuron<double>();
        AssertSameAsPlainLoop(data, Batching.FullBatch, epochs: 100);
    }

    [Fact]
    public void StochasticEqualsPlainLoopInOrder() =>
        AssertSameAsPlainLoop(TestData.NeuronPoints(), Batching.Stochastic(), epochs: 20);

    [Fact]
    public void StochasticShuffledEqualsPlainLoop() =>
        AssertSameAsPlainLoop(TestData.NeuronPoints(), Batching.Stochastic(shuffle: true), epochs: 20);

    [Theory]
    [InlineData(3, false, false)]
    [InlineData(3, true, false)]
    [InlineData(3, true, true)]
    [InlineData(4, false, true)]
    [InlineData(10, false, false)]
    [InlineData(25, false, false)]
    public void MiniBatchEqualsPlainLoop(int batchSize, bool shuffle, bool dropLast) =>
        AssertSameAsPlainLoop(TestData.NeuronPoints(), Batching.MiniBatch(batchSize, shuffle, dropLast), epochs: 15);

    [Fact]
    public void TheTutorialsFirstStepMatchesHandWork()
    {
        // At w = b = −2: z₁ = −3, z₂ = −7; f = σ(z). The first step of η = 1 gradient descent:
        // ∂/∂w = Σ (f−y)f(1−f)x, ∂/∂b = Σ (f−y)f(1−f).
        double f1 = 1 / (1 + Math.Exp(3)), f2 = 1 / (1 + Math.Exp(7));
        double d1 = (f1 - 0.2) * f1 * (1 - f1), d2 = (f2 - 0.9) * f2 * (1 - f2);
        var model = new SigmoidNeuron<double>();
        double[] p = [-2, -2];
        var trainer = Trainer.Create(model, new NeuronSgd(), SyntheticData.TutorialNeuron<double>(), p, new TrainingOptions { Epochs = 1 });
        trainer.Run();
        Assert.Equal(-2 - (d1 * 0.5 + d2 * 2.5), p[0], 15);
        Assert.Equal(-2 - (d1 + d2), p[1], 15);
    }

    [Fact]
    public void SameSeedSameRunDifferentSeedDifferentRun()
    {
        double[] Run(ulong seed)
        {
            double[] p = [-2, -2];
            Trainer.Create(new SigmoidNeuron<double>(), new NeuronSgd(), TestData.NeuronPoints(), p,
                new TrainingOptions { Epochs = 10, Batching = Batching.MiniBatch(3), Seed = seed }).Run();
            return p;
        }

        Assert.Equal(TestData.Bits(Run(5)), TestData.Bits(Run(5)));
        Assert.NotEqual(TestData.Bits(Run(5)), TestData.Bits(Run(6)));
    }

    [Fact]
    public void FloatTrainingFollowsDouble()
    {
        float[] pF = [-2, -2];
        Trainer.Create(new SigmoidNeuron<float>(), new NeuronSgdF(), SyntheticData.TutorialNeuron<float>(), pF, new TrainingOptions { Epochs = 200 }).Run();
        double[] p = [-2, -2];
        Trainer.Create(new SigmoidNeuron<double>(), new NeuronSgd(), SyntheticData.TutorialNeuron<double>(), p, new TrainingOptions { Epochs = 200 }).Run();
        Assert.Equal(p[0], pF[0], 3);
        Assert.Equal(p[1], pF[1], 3);
    }

    private static void AssertSameAsPlainLoop(Dataset<double> data, Batching batching, int epochs)
    {
        const ulong seed = 42;
        var model = new SigmoidNeuron<double>();
        double[] parameters = [-2, -2];
        var trainer = Trainer.Create(model, new NeuronSgd(), data, parameters, new TrainingOptions
        {
            Epochs = epochs,
            Batching = batching,
            Seed = seed,
            RecordStepLosses = true,
            Trajectory = new TrajectoryOptions(TrajectoryFrequency.PerStep),
        });
        TrainingResult result = trainer.Run();
        Assert.Equal(StopReason.Completed, result.Reason);

        // The plain loop: the tutorial's formulas, written out. Only the shuffle comes from the library's
        // public generator (the order of each epoch: the identity, shuffled).
        var (ws, bs, losses) = PlainLoop(data, batching, epochs, seed, learningRate: 1.0);
        Trajectory<double> path = trainer.Trajectory!;
        Assert.Equal(ws.Count, path.Count);
        for (int s = 0; s < ws.Count; s++)
        {
            Assert.True(ws[s] == path[s][0] && bs[s] == path[s][1],
                $"step {s}: plain loop (w, b) = ({ws[s]:R}, {bs[s]:R}), trainer ({path[s][0]:R}, {path[s][1]:R})");
        }

        Assert.Equal(TestData.Bits(losses.ToArray()), TestData.Bits(trainer.History.StepLoss));
        Assert.Equal(ws[^1], parameters[0]);
        Assert.Equal(bs[^1], parameters[1]);
    }

    private static (List<double> W, List<double> B, List<double> Loss) PlainLoop(
        Dataset<double> data, Batching batching, int epochs, ulong seed, double learningRate)
    {
        int n = data.Count;
        int size = batching.Mode switch { BatchingMode.FullBatch => n, BatchingMode.Stochastic => 1, _ => batching.BatchSize };
        var random = new SeededRandom(seed);
        var order = new int[n];
        double w = -2, b = -2;
        var ws = new List<double> { w };
        var bs = new List<double> { b };
        var losses = new List<double>();
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            for (int i = 0; i < n; i++)
            {
                order[i] = i;
            }

            if (batching.Shuffle)
            {
                random.Shuffle(order.AsSpan());
            }

            for (int start = 0; start < n; start += size)
            {
                int end = Math.Min(n, start + size);
                if (end - start < size && batching.DropLast)
                {
                    break;
                }

                // The gradient is reset for every batch (the tutorial's code forgets to).
                double dw = 0, db = 0, loss = 0;
                for (int k = start; k < end; k++)
                {
                    double x = data.Features(order[k])[0], y = data.Target(order[k]);
                    double f = 1 / (1 + Math.Exp(-(w * x + b)));
                    loss += 0.5 * (f - y) * (f - y);
                    double d = (f - y) * f * (1 - f);
                    dw += d * x;
                    db += d;
                }

                losses.Add(loss);
                w -= learningRate * dw;
                b -= learningRate * db;
                ws.Add(w);
                bs.Add(b);
            }
        }

        return (ws, bs, losses);
    }
}

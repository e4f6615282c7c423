using OptGen.Data;
using OptGen.Losses;
using OptGen.Models;
using Xunit;

namespace OptGen.Tests.Runtime;

/// <summary>Every model's analytic gradient against central finite differences of its own loss.</summary>
public class GradientTests
{
    public static TheoryData<string> Models => new()
    {
        "neuron", "neuron-mean", "neuron-bce", "linear", "linear-sum", "logistic", "logistic-sum",
        "mlp-tanh", "mlp-sigmoid", "mlp-relu", "mlp-regression", "mlp-deep", "mlp-no-hidden",
    };

    [Theory]
    [MemberData(nameof(Models))]
    public void GradientEqualsCentralFiniteDifferences(string name)
    {
        var (model, data) = Create(name);
        var parameters = new double[model.ParameterCount];
        model.Initialize(parameters, seed: 11);
        var random = new SeededRandom(12);
        for (int i = 0; i < parameters.Length; i++)
        {
            parameters[i] += 0.3 * random.NextGaussian(); // away from zero biases, so every path is exercised
        }

        var gradient = new double[model.ParameterCount];
        double loss = model.ComputeLossAndGradient(parameters, data.All, gradient);
        Assert.Equal(loss, model.ComputeLoss(parameters, data.All));

        const double h = 1e-6;
        for (int i = 0; i < parameters.Length; i++)
        {
            double saved = parameters[i];
            parameters[i] = saved + h;
            double plus = model.ComputeLoss(parameters, data.All);
            parameters[i] = saved - h;
            double minus = model.ComputeLoss(parameters, data.All);
            parameters[i] = saved;
            double numeric = (plus - minus) / (2 * h);
            double tolerance = 1e-6 * Math.Max(1, Math.Abs(numeric));
            Assert.True(Math.Abs(gradient[i] - numeric) <= tolerance,
                $"{name}: ∂L/∂θ{i} is {gradient[i]:R} analytically, {numeric:R} by finite differences.");
        }
    }

    [Fact]
    public void FloatGradientAgreesWithDouble()
    {
        var data = SyntheticData.TwoMoons<double>(40, 0.1, 3);
        var dataF = new Dataset<float>(data.AllFeatures.ToArray().Select(v => (float)v).ToArray(), data.Targets.ToArray().Select(v => (float)v).ToArray(), 2);
        var model = new Mlp<double>(2, [6, 5], Activation.Tanh);
        var modelF = new Mlp<float>(2, [6, 5], Activation.Tanh);
        double[] p = model.CreateParameters(5);
        float[] pF = p.Select(v => (float)v).ToArray();
        var g = new double[p.Length];
        var gF = new float[p.Length];
        double loss = model.ComputeLossAndGradient(p, data.All, g);
        float lossF = modelF.ComputeLossAndGradient(pF, dataF.All, gF);
        Assert.Equal(loss, lossF, 1e-5);
        for (int i = 0; i < g.Length; i++)
        {
            Assert.True(Math.Abs(g[i] - gF[i]) <= 1e-5 * Math.Max(1, Math.Abs(g[i])), $"θ{i}: {g[i]} vs {gF[i]}");
        }
    }

    [Fact]
    public void CrossEntropyIsStableForLargeLogits()
    {
        // log σ(z) of a rounded-to-zero probability would be −∞; the logit form stays finite and exact.
        Assert.Equal(1000.0, Loss.CrossEntropyFromLogit(1000.0, 0.0));
        Assert.Equal(1000.0, Loss.CrossEntropyFromLogit(-1000.0, 1.0));
        Assert.Equal(0.0, Loss.CrossEntropyFromLogit(1000.0, 1.0));
        Assert.Equal(Math.Log(2), Loss.CrossEntropyFromLogit(0.0, 1.0), 15);
        Assert.Equal(100f, Loss.CrossEntropyFromLogit(100f, 0f));
    }

    [Fact]
    public void CrossEntropyNeedsASigmoidOutput() =>
        Assert.Throws<ArgumentException>(() => new Mlp<double>(2, [3], outputActivation: Activation.Identity, loss: Loss.BinaryCrossEntropy()));

    private static (IModel<double> Model, Dataset<double> Data) Create(string name)
    {
        Dataset<double> neuron = TestData.NeuronPoints();
        Dataset<double> regression = Regression();
        Dataset<double> moons = SyntheticData.TwoMoons<double>(24, 0.2, 9);
        return name switch
        {
            "neuron" => (new SigmoidNeuron<double>(), neuron),
            "neuron-mean" => (new SigmoidNeuron<double>(Loss.SquaredError(Reduction.Mean)), neuron),
            "neuron-bce" => (new SigmoidNeuron<double>(Loss.BinaryCrossEntropy()), neuron),
            "linear" => (new LinearRegression<double>(3), regression),
            "linear-sum" => (new LinearRegression<double>(3, Loss.SquaredError(Reduction.Sum)), regression),
            "logistic" => (new LogisticRegression<double>(2), moons),
            "logistic-sum" => (new LogisticRegression<double>(2, Loss.BinaryCrossEntropy(Reduction.Sum)), moons),
            "mlp-tanh" => (new Mlp<double>(2, [5, 4], Activation.Tanh), moons),
            "mlp-sigmoid" => (new Mlp<double>(2, [5, 4], Activation.Sigmoid), moons),
            "mlp-relu" => (new Mlp<double>(2, [7, 6], Activation.ReLU), moons),
            "mlp-regression" => (new Mlp<double>(3, [4], Activation.Tanh, Activation.Identity), regression),
            "mlp-deep" => (new Mlp<double>(2, [4, 3, 3, 2], Activation.Tanh, loss: Loss.SquaredError(Reduction.Sum)), moons),
            "mlp-no-hidden" => (new Mlp<double>(2, [], Activation.Tanh), moons),
            _ => throw new ArgumentException(name),
        };
    }

    private static Dataset<double> Regression()
    {
        var random = new SeededRandom(21);
        const int n = 15, d = 3;
        var x = new double[n * d];
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < d; j++)
            {
                x[i * d + j] = random.NextGaussian();
            }

            y[i] = 1.5 * x[i * d] - 2 * x[i * d + 1] + 0.5 + 0.1 * random.NextGaussian();
        }

        return new Dataset<double>(x, y, d);
    }
}

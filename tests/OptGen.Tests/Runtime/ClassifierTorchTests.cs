using OptGen.Data;
using OptGen.Losses;
using OptGen.Models;
using OptGen.Reference;
using TorchSharp;
using TorchSharp.Modules;
using Xunit;
using static TorchSharp.torch;

namespace OptGen.Tests.Runtime;

/// <summary>The k-class models' softmax cross-entropy and mini-batch gradient against TorchSharp's autograd, in double.</summary>
public class ClassifierTorchTests
{
    public static TheoryData<Activation, Reduction, int, int> Cases => new()
    {
        // hidden activation, reduction, rows per block, batch rows: blocks smaller than, equal to and larger than the batch.
        { Activation.ReLU, Reduction.Mean, 4, 11 },
        { Activation.ReLU, Reduction.Sum, 128, 11 },
        { Activation.Tanh, Reduction.Mean, 11, 11 },
        { Activation.Sigmoid, Reduction.Mean, 3, 10 },
        { Activation.Identity, Reduction.Sum, 5, 9 },
    };

    [Theory]
    [InlineData(4, 13)]  // the dense kernels' register tiles (4 rows × 2 vectors) and every kind of remainder
    [InlineData(16, 16)]
    [InlineData(7, 5)]
    public void WideLayersExerciseEveryTileAndRemainderOfTheDenseKernels(int blockRows, int rows)
    {
        // 19 inputs and 21, 18 hidden: whole tiles of columns (two vectors of 4 doubles, 8 columns) plus 3 and 5
        // left over, output rows in tiles of 4 plus 1, and batch rows in tiles of 4 plus the rest.
        var model = new MlpClassifier<double>(19, [21, 18], classes: 6, Activation.ReLU, Reduction.Mean, blockRows: blockRows);
        double[] parameters = Perturbed(model.CreateParameters(seed: 6), seed: 7);
        AssertEqualsTorch(model, parameters, RandomData(rows, 19, 6, seed: 8), scale: 1);
    }

    [Fact]
    public void TheBlockSizeNeverChangesTheGradient()
    {
        // Rows inside a register tile and rows left over are summed in the same order, so the gradient is the same
        // bits whatever block size cuts the batch.
        Dataset<double> data = RandomData(23, 19, 6, seed: 9);
        double[]? first = null;
        foreach (int blockRows in new[] { 1, 3, 4, 8, 23, 128 })
        {
            var model = new MlpClassifier<double>(19, [21, 18], classes: 6, Activation.ReLU, Reduction.Mean, blockRows: blockRows);
            double[] parameters = Perturbed(model.CreateParameters(seed: 6), seed: 7);
            var gradient = new double[model.ParameterCount];
            model.ComputeLossAndGradient(parameters, new Batch<double>(data, 0, data.Count), gradient);
            first ??= gradient;
            Assert.Equal(first, gradient);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void MlpClassifierLossAndGradientEqualAutograd(Activation hidden, Reduction reduction, int blockRows, int rows)
    {
        var model = new MlpClassifier<double>(6, [7, 5], classes: 4, hidden, reduction, blockRows: blockRows);
        double[] parameters = Perturbed(model.CreateParameters(seed: 3), seed: 4);
        AssertEqualsTorch(model, parameters, RandomData(rows, 6, 4, seed: 5), scale: 1);
    }

    [Theory]
    [InlineData(Reduction.Mean)]
    [InlineData(Reduction.Sum)]
    public void SoftmaxRegressionLossAndGradientEqualAutograd(Reduction reduction)
    {
        var model = new SoftmaxRegression<double>(5, 3, reduction, blockRows: 4);
        double[] parameters = Perturbed(model.CreateParameters(seed: 0), seed: 6);
        Assert.Equal(5 * 3 + 3, model.ParameterCount);
        AssertEqualsTorch(model, parameters, RandomData(13, 5, 3, seed: 7), scale: 1);
    }

    [Fact]
    public void HugeLogitsStayFiniteAndEqualAutograd()
    {
        // Logits in the hundreds: e^z overflows unless the maximum is subtracted first.
        var model = new SoftmaxRegression<double>(3, 5);
        double[] parameters = Perturbed(new double[model.ParameterCount], seed: 8, deviation: 1);
        AssertEqualsTorch(model, parameters, RandomData(6, 3, 5, seed: 9), scale: 300);
    }

    [Fact]
    public void PredictIsTheArgMaxOfTheLogitsAndAccuracyCountsIt()
    {
        var model = new MlpClassifier<double>(4, [6], 3, blockRows: 2);
        double[] parameters = Perturbed(model.CreateParameters(seed: 10), seed: 11);
        Dataset<double> data = RandomData(9, 4, 3, seed: 12);
        var logits = new double[3];
        int correct = 0;
        for (int i = 0; i < data.Count; i++)
        {
            model.Logits(parameters, data.Features(i), logits);
            int best = Array.IndexOf(logits, logits.Max());
            Assert.Equal(best, model.Predict(parameters, data.Features(i)));
            correct += best == (int)data.Target(i) ? 1 : 0;
        }

        Assert.Equal((double)correct / data.Count, Training.Evaluation.Accuracy(model, parameters, data));
    }

    [Fact]
    public void BadTargetsAndShapesAreRefusedClearly()
    {
        var model = new MlpClassifier<double>(2, [3], 3);
        double[] parameters = model.CreateParameters(1);
        var gradient = new double[model.ParameterCount];
        var outOfRange = new Dataset<double>([0.1, 0.2, 0.3, 0.4], [1, 3], 2);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => model.ComputeLossAndGradient(parameters, outOfRange.All, gradient));
        Assert.Contains("from 0 to 2", error.Message);
        var fractional = new Dataset<double>([0.1, 0.2], [1.5], 2);
        Assert.Throws<ArgumentOutOfRangeException>(() => model.ComputeLoss(parameters, fractional.All));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MlpClassifier<double>(2, [3], classes: 1));
        Assert.Throws<ArgumentException>(() => new MlpClassifier<double>(2, [3], 3, Activation.Softmax));
        var softmaxMlp = Assert.Throws<ArgumentException>(() => new Mlp<double>(2, [3], Activation.Tanh, Activation.Softmax, Loss.SoftmaxCrossEntropy()));
        Assert.Contains("MlpClassifier", softmaxMlp.Message);
        Assert.Throws<InvalidOperationException>(() => Loss.SoftmaxCrossEntropy().Value(0.0, 1.0, Activation.Softmax));
    }

    [Fact]
    public void BuffersNameEveryWeightAndBiasInOrder()
    {
        var model = new MlpClassifier<float>(784, [256, 128], 10);
        Assert.Equal(235_146, model.ParameterCount);
        IReadOnlyList<ParameterBuffer> buffers = model.ParameterBuffers;
        Assert.Equal(["layer0.weight", "layer0.bias", "layer1.weight", "layer1.bias", "layer2.weight", "layer2.bias"], buffers.Select(b => b.Name));
        Assert.Equal([784 * 256, 256, 256 * 128, 128, 128 * 10, 10], buffers.Select(b => b.Length));
        int offset = 0;
        foreach (ParameterBuffer buffer in buffers)
        {
            Assert.Equal(offset, buffer.Offset);
            Assert.Equal(buffer.Name.EndsWith(".bias", StringComparison.Ordinal) ? ParameterRole.Bias : ParameterRole.Weight, buffer.Role);
            offset += buffer.Length;
        }

        Assert.Equal(model.ParameterCount, offset);
    }

    [Fact]
    public void GradientAllocatesNothing()
    {
        var model = new MlpClassifier<float>(20, [16], 5, blockRows: 8);
        float[] parameters = model.CreateParameters(2);
        var gradient = new float[model.ParameterCount];
        var data = RandomData(30, 20, 5, seed: 13);
        var floats = new Dataset<float>([.. data.AllFeatures.ToArray().Select(v => (float)v)], [.. data.Targets.ToArray().Select(v => (float)v)], 20);
        var rows = new int[] { 3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 3, 2, 3, 8, 4, 6, 2, 6, 4, 3 };
        for (int i = 0; i < 200; i++)
        {
            model.ComputeLossAndGradient(parameters, new Batch<float>(floats, rows), gradient);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            model.ComputeLossAndGradient(parameters, new Batch<float>(floats, rows), gradient);
            model.ComputeLoss(parameters, floats.All);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    internal static Dataset<double> RandomData(int rows, int features, int classes, ulong seed)
    {
        var random = new SeededRandom(seed);
        var x = new double[rows * features];
        var y = new double[rows];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = random.NextGaussian();
        }

        for (int i = 0; i < rows; i++)
        {
            y[i] = i % classes;
        }

        return new Dataset<double>(x, y, features);
    }

    private static double[] Perturbed(double[] parameters, ulong seed, double deviation = 0.3)
    {
        var random = new SeededRandom(seed);
        for (int i = 0; i < parameters.Length; i++)
        {
            parameters[i] += deviation * random.NextGaussian(); // non-zero biases too
        }

        return parameters;
    }

    private static void AssertEqualsTorch(MlpClassifier<double> model, double[] parameters, Dataset<double> data, double scale)
    {
        TorchSharpNative.EnsureLoaded();
        double[] x = [.. data.AllFeatures.ToArray().Select(v => v * scale)];
        var scaled = new Dataset<double>(x, data.Targets.ToArray(), data.FeatureCount);
        var gradient = new double[model.ParameterCount];
        double ours = model.ComputeLossAndGradient(parameters, scaled.All, gradient);
        Assert.Equal(ours, model.ComputeLoss(parameters, scaled.All));

        (double theirs, double[] torchGradient) = TorchLossAndGradient(model, parameters, x, data.Targets.ToArray());
        Assert.True(double.IsFinite(theirs));
        Assert.True(Math.Abs(ours - theirs) <= Tolerance(theirs), $"loss: ours {ours:R}, torch {theirs:R}");
        for (int i = 0; i < gradient.Length; i++)
        {
            Assert.True(Math.Abs(gradient[i] - torchGradient[i]) <= Tolerance(torchGradient[i]),
                $"∂L/∂θ{i}: ours {gradient[i]:R}, torch {torchGradient[i]:R}");
        }
    }

    private static double Tolerance(double reference) => 1e-12 * Math.Max(1, Math.Abs(reference));

    private static (double Loss, double[] Gradient) TorchLossAndGradient(MlpClassifier<double> model, double[] parameters, double[] x, double[] y)
    {
        using var scope = NewDisposeScope();
        var layers = new List<(Parameter Weight, Parameter Bias)>();
        Tensor h = tensor(x, dtype: ScalarType.Float64).reshape(y.Length, model.InputCount);
        foreach ((ParameterBuffer weight, ParameterBuffer bias) in model.ParameterBuffers.Chunk(2).Select(p => (p[0], p[1])))
        {
            int fanOut = bias.Length, fanIn = weight.Length / fanOut;
            var w = new Parameter(tensor(parameters[weight.Offset..(weight.Offset + weight.Length)], dtype: ScalarType.Float64).reshape(fanOut, fanIn), requires_grad: true);
            var b = new Parameter(tensor(parameters[bias.Offset..(bias.Offset + bias.Length)], dtype: ScalarType.Float64), requires_grad: true);
            layers.Add((w, b));
            h = h.matmul(w.t()) + b;
            if (layers.Count < model.LayerCount)
            {
                h = model.HiddenActivation switch
                {
                    Activation.Tanh => h.tanh(),
                    Activation.Sigmoid => h.sigmoid(),
                    Activation.ReLU => h.relu(),
                    _ => h,
                };
            }
        }

        Tensor target = tensor(y.Select(v => (long)v).ToArray(), dtype: ScalarType.Int64);
        Tensor value = nn.functional.cross_entropy(h, target,
            reduction: model.Loss.Reduction == Reduction.Mean ? nn.Reduction.Mean : nn.Reduction.Sum);
        value.backward();
        var gradient = new List<double>();
        foreach ((Parameter w, Parameter b) in layers)
        {
            gradient.AddRange(w.grad!.data<double>().ToArray());
            gradient.AddRange(b.grad!.data<double>().ToArray());
        }

        return (value.item<double>(), gradient.ToArray());
    }
}

using OptGen.Data;
using OptGen.Losses;
using OptGen.Models;
using OptGen.Reference;
using TorchSharp;
using TorchSharp.Modules;
using Xunit;
using static TorchSharp.torch;

namespace OptGen.Tests.Runtime;

/// <summary>The MLP's loss and backpropagated gradient against TorchSharp's autograd on the same weights and batch.</summary>
public class MlpTorchTests
{
    public static TheoryData<Activation, Activation, string> Cases => new()
    {
        { Activation.Tanh, Activation.Sigmoid, "bce-mean" },
        { Activation.Sigmoid, Activation.Sigmoid, "bce-sum" },
        { Activation.ReLU, Activation.Sigmoid, "bce-mean" },
        { Activation.Tanh, Activation.Identity, "se-sum" },
        { Activation.ReLU, Activation.Identity, "se-mean" },
        { Activation.Sigmoid, Activation.Sigmoid, "se-sum" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void LossAndGradientEqualAutograd(Activation hidden, Activation output, string lossName)
    {
        TorchSharpNative.EnsureLoaded();
        Loss loss = lossName switch
        {
            "bce-mean" => Loss.BinaryCrossEntropy(Reduction.Mean),
            "bce-sum" => Loss.BinaryCrossEntropy(Reduction.Sum),
            "se-sum" => Loss.SquaredError(Reduction.Sum),
            _ => Loss.SquaredError(Reduction.Mean),
        };
        var model = new Mlp<double>(3, [5, 4], hidden, output, loss);
        double[] parameters = model.CreateParameters(seed: 17);
        var random = new SeededRandom(18);
        for (int i = 0; i < parameters.Length; i++)
        {
            parameters[i] += 0.2 * random.NextGaussian(); // non-zero biases too
        }

        const int n = 7;
        var x = new double[n * 3];
        var y = new double[n];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = random.NextGaussian();
        }

        for (int i = 0; i < n; i++)
        {
            y[i] = i % 2;
        }

        var data = new Dataset<double>(x, y, 3);
        var gradient = new double[model.ParameterCount];
        double ours = model.ComputeLossAndGradient(parameters, data.All, gradient);

        var (theirs, torchGradient) = TorchLossAndGradient(model, parameters, x, y, loss);
        Assert.Equal(theirs, ours, Tolerance(theirs));
        for (int i = 0; i < gradient.Length; i++)
        {
            Assert.True(Math.Abs(gradient[i] - torchGradient[i]) <= Tolerance(torchGradient[i]),
                $"∂L/∂θ{i}: ours {gradient[i]:R}, torch {torchGradient[i]:R}");
        }
    }

    private static double Tolerance(double reference) => 1e-12 * Math.Max(1, Math.Abs(reference));

    private static (double Loss, double[] Gradient) TorchLossAndGradient(Mlp<double> model, double[] parameters, double[] x, double[] y, Loss loss)
    {
        using var scope = NewDisposeScope();
        var weights = new List<Parameter>();
        var biases = new List<Parameter>();
        Tensor h = tensor(x, dtype: ScalarType.Float64).reshape(y.Length, model.InputCount);
        for (int l = 0; l < model.LayerCount; l++)
        {
            int fanIn = model.Widths[l], fanOut = model.Widths[l + 1];
            int offset = model.WeightOffset(l);
            var w = new Parameter(tensor(parameters[offset..(offset + fanIn * fanOut)], dtype: ScalarType.Float64).reshape(fanOut, fanIn), requires_grad: true);
            var b = new Parameter(tensor(parameters[(offset + fanIn * fanOut)..(offset + fanIn * fanOut + fanOut)], dtype: ScalarType.Float64), requires_grad: true);
            weights.Add(w);
            biases.Add(b);
            h = h.matmul(w.t()) + b;
            if (l < model.LayerCount - 1)
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

        Tensor z = h.reshape(y.Length);
        Tensor target = tensor(y, dtype: ScalarType.Float64);
        Tensor value;
        if (loss.Kind == LossKind.BinaryCrossEntropy)
        {
            value = nn.functional.binary_cross_entropy_with_logits(z, target,
                reduction: loss.Reduction == Reduction.Mean ? nn.Reduction.Mean : nn.Reduction.Sum);
        }
        else
        {
            Tensor a = model.OutputActivation == Activation.Sigmoid ? z.sigmoid() : z;
            Tensor perSample = 0.5 * (a - target).pow(2);
            value = loss.Reduction == Reduction.Mean ? perSample.mean() : perSample.sum();
        }

        value.backward();
        var gradient = new List<double>();
        for (int l = 0; l < model.LayerCount; l++)
        {
            gradient.AddRange(weights[l].grad!.data<double>().ToArray());
            gradient.AddRange(biases[l].grad!.data<double>().ToArray());
        }

        return (value.item<double>(), gradient.ToArray());
    }
}

using TorchSharp.Modules;
using OptGen.Reference;
using static TorchSharp.torch;

namespace OptGen.Tests.Reference;

/// <summary>A trajectory on the tutorial's neuron: index e holds the state after e epochs (index 0 is the start).</summary>
/// <param name="W">The weight after each epoch.</param>
/// <param name="B">The bias after each epoch.</param>
/// <param name="Loss">The loss at (W[e], B[e]).</param>
internal sealed record NeuronTrajectory(double[] W, double[] B, double[] Loss)
{
    public int Epochs => W.Length - 1;
}

/// <summary>
/// The tutorial's sigmoid neuron <c>f(x) = 1 / (1 + e^-(w·x + b))</c> on X = [0.5, 2.5], Y = [0.2, 0.9] with the
/// loss <c>Σ ½(f(x) − y)²</c>, trained full batch in float64 by TorchSharp: autograd computes the gradient and a
/// torch.optim optimizer takes the step.
/// </summary>
internal static class TorchNeuron
{
    public static readonly double[] X = [0.5, 2.5];
    public static readonly double[] Y = [0.2, 0.9];

    public static NeuronTrajectory Train(TorchOptimizerOptions options, int epochs, double w0 = -2.0, double b0 = -2.0)
    {
        TorchSharpNative.EnsureLoaded();
        bool negate = TorchReference.NegatesGradientForMaximize(options);
        using var x = tensor(X, dtype: ScalarType.Float64);
        using var y = tensor(Y, dtype: ScalarType.Float64);
        using var w = new Parameter(tensor(new[] { w0 }, dtype: ScalarType.Float64), requires_grad: true);
        using var b = new Parameter(tensor(new[] { b0 }, dtype: ScalarType.Float64), requires_grad: true);
        using var optimizer = TorchReference.Create(options, [w, b]);

        var ws = new double[epochs + 1];
        var bs = new double[epochs + 1];
        var losses = new double[epochs + 1];
        for (int e = 0; ; e++)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            Tensor f = (w * x + b).sigmoid();
            Tensor loss = (0.5 * (f - y).pow(2)).sum();
            ws[e] = w.data<double>()[0];
            bs[e] = b.data<double>()[0];
            losses[e] = loss.item<double>();
            if (e == epochs)
            {
                break;
            }

            loss.backward();
            if (negate)
            {
                using var noGrad = no_grad();
                w.grad!.neg_();
                b.grad!.neg_();
            }

            optimizer.step();
        }

        return new NeuronTrajectory(ws, bs, losses);
    }
}

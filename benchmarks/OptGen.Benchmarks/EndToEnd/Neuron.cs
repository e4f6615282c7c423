using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using OptGen.Benchmarks.Optimizers;
using OptGen.Data;
using OptGen.Models;
using OptGen.Training;

namespace OptGen.Benchmarks.EndToEnd;

/// <summary>
/// The tutorial's experiment end to end: the sigmoid neuron on X = [0.5, 2.5], Y = [0.2, 0.9] from w = b = −2,
/// summed squared error, 1,000 epochs of full-batch gradient descent, for each of the six update rules — with the
/// runtime (a generated optimizer, <see cref="SigmoidNeuron{T}"/>, <see cref="Trainer{T, TModel, TOptimizer}"/>,
/// which also records the loss per epoch and guards against non-finite values) against a hand-written loop that
/// does only the arithmetic (the baseline), and against the same hand-written loop with the generated optimizer's
/// <c>Step</c> in place of the written-out update (which separates the optimizer's cost from the trainer's).
/// Each invocation is a whole training run from the start, set-up included.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class Neuron
{
    public const int Epochs = 1_000;

    private readonly SigmoidNeuron<double> _model = new();
    private readonly Dataset<double> _data = Dataset<double>.FromColumn(HandNeuron.X, HandNeuron.Y);
    private readonly TrainingOptions _options = new() { Epochs = Epochs, Batching = Batching.FullBatch };

    /// <summary>The runtime's trainer for one training run from w = b = −2, not yet run (verify runs it too).</summary>
    internal Trainer<double, SigmoidNeuron<double>, TOptimizer> CreateTrainer<TOptimizer>(TOptimizer optimizer)
        where TOptimizer : IOptimizer<double> =>
        Trainer.Create(_model, optimizer, _data, [-2, -2], _options);

    private double Train<TOptimizer>(TOptimizer optimizer)
        where TOptimizer : IOptimizer<double> =>
        CreateTrainer(optimizer).Run().FinalTrainLoss;

    [Benchmark(Description = "Runtime trainer + generated"), BenchmarkCategory("Sgd")]
    public double TrainerSgd() => Train(new NeuronSgd());

    [Benchmark(Baseline = true, Description = "Hand-written loop"), BenchmarkCategory("Sgd")]
    public double LoopSgd() => HandNeuron.Sgd(Epochs).Loss;

    [Benchmark(Description = "Hand-written loop + generated"), BenchmarkCategory("Sgd")]
    public double LoopGeneratedSgd() => HandNeuron.WithOptimizer(new NeuronSgd(), Epochs).Loss;

    [Benchmark(Description = "Runtime trainer + generated"), BenchmarkCategory("Momentum")]
    public double TrainerMomentum() => Train(new NeuronMomentum());

    [Benchmark(Baseline = true, Description = "Hand-written loop"), BenchmarkCategory("Momentum")]
    public double LoopMomentum() => HandNeuron.Momentum(Epochs).Loss;

    [Benchmark(Description = "Hand-written loop + generated"), BenchmarkCategory("Momentum")]
    public double LoopGeneratedMomentum() => HandNeuron.WithOptimizer(new NeuronMomentum(), Epochs).Loss;

    [Benchmark(Description = "Runtime trainer + generated"), BenchmarkCategory("Nesterov")]
    public double TrainerNesterov() => Train(new NeuronNesterov());

    [Benchmark(Baseline = true, Description = "Hand-written loop"), BenchmarkCategory("Nesterov")]
    public double LoopNesterov() => HandNeuron.Nesterov(Epochs).Loss;

    [Benchmark(Description = "Hand-written loop + generated"), BenchmarkCategory("Nesterov")]
    public double LoopGeneratedNesterov() => HandNeuron.WithOptimizer(new NeuronNesterov(), Epochs).Loss;

    [Benchmark(Description = "Runtime trainer + generated"), BenchmarkCategory("Adagrad")]
    public double TrainerAdagrad() => Train(new NeuronAdagrad());

    [Benchmark(Baseline = true, Description = "Hand-written loop"), BenchmarkCategory("Adagrad")]
    public double LoopAdagrad() => HandNeuron.Adagrad(Epochs).Loss;

    [Benchmark(Description = "Hand-written loop + generated"), BenchmarkCategory("Adagrad")]
    public double LoopGeneratedAdagrad() => HandNeuron.WithOptimizer(new NeuronAdagrad(), Epochs).Loss;

    [Benchmark(Description = "Runtime trainer + generated"), BenchmarkCategory("RMSProp")]
    public double TrainerRMSProp() => Train(new NeuronRMSProp());

    [Benchmark(Baseline = true, Description = "Hand-written loop"), BenchmarkCategory("RMSProp")]
    public double LoopRMSProp() => HandNeuron.RMSProp(Epochs).Loss;

    [Benchmark(Description = "Hand-written loop + generated"), BenchmarkCategory("RMSProp")]
    public double LoopGeneratedRMSProp() => HandNeuron.WithOptimizer(new NeuronRMSProp(), Epochs).Loss;

    [Benchmark(Description = "Runtime trainer + generated"), BenchmarkCategory("Adam")]
    public double TrainerAdam() => Train(new NeuronAdam());

    [Benchmark(Baseline = true, Description = "Hand-written loop"), BenchmarkCategory("Adam")]
    public double LoopAdam() => HandNeuron.Adam(Epochs).Loss;

    [Benchmark(Description = "Hand-written loop + generated"), BenchmarkCategory("Adam")]
    public double LoopGeneratedAdam() => HandNeuron.WithOptimizer(new NeuronAdam(), Epochs).Loss;
}

/// <summary>
/// The tutorial's neuron trained by hand: gradient and update written out, nothing else — the fastest honest version
/// of the experiment. Update rules as torch's (and the generated optimizers'); the loss is computed once at the end.
/// </summary>
public static class HandNeuron
{
    /// <summary>The tutorial's data (the runtime's <see cref="Dataset{T}"/> in <see cref="Neuron"/> is made from it too).</summary>
    internal static readonly double[] X = [0.5, 2.5];
    internal static readonly double[] Y = [0.2, 0.9];

    public readonly record struct Result(double W, double B, double Loss);

    private static void Gradient(double w, double b, out double dw, out double db)
    {
        dw = 0;
        db = 0;
        for (int i = 0; i < X.Length; i++)
        {
            double f = 1 / (1 + Math.Exp(-(w * X[i] + b)));
            double d = (f - Y[i]) * f * (1 - f);
            dw += d * X[i];
            db += d;
        }
    }

    public static double Loss(double w, double b)
    {
        double loss = 0;
        for (int i = 0; i < X.Length; i++)
        {
            double f = 1 / (1 + Math.Exp(-(w * X[i] + b)));
            loss += 0.5 * (f - Y[i]) * (f - Y[i]);
        }

        return loss;
    }

    /// <summary>The hand-written loop, with the update done by a generated optimizer.</summary>
    public static Result WithOptimizer<TOptimizer>(TOptimizer optimizer, int epochs)
        where TOptimizer : IOptimizer<double>
    {
        Span<double> parameters = [-2, -2];
        Span<double> gradient = stackalloc double[2];
        for (int e = 0; e < epochs; e++)
        {
            Gradient(parameters[0], parameters[1], out gradient[0], out gradient[1]);
            optimizer.Step(parameters, gradient);
        }

        return new(parameters[0], parameters[1], Loss(parameters[0], parameters[1]));
    }

    public static Result Sgd(int epochs)
    {
        double w = -2, b = -2;
        for (int e = 0; e < epochs; e++)
        {
            Gradient(w, b, out double dw, out double db);
            w -= 1.0 * dw;
            b -= 1.0 * db;
        }

        return new(w, b, Loss(w, b));
    }

    public static Result Momentum(int epochs)
    {
        double w = -2, b = -2, vw = 0, vb = 0;
        for (int e = 0; e < epochs; e++)
        {
            Gradient(w, b, out double dw, out double db);
            vw = 0.9 * vw + dw;
            vb = 0.9 * vb + db;
            w -= 1.0 * vw;
            b -= 1.0 * vb;
        }

        return new(w, b, Loss(w, b));
    }

    public static Result Nesterov(int epochs)
    {
        double w = -2, b = -2, vw = 0, vb = 0;
        for (int e = 0; e < epochs; e++)
        {
            Gradient(w, b, out double dw, out double db);
            vw = 0.9 * vw + dw;
            vb = 0.9 * vb + db;
            w -= 1.0 * (dw + 0.9 * vw);
            b -= 1.0 * (db + 0.9 * vb);
        }

        return new(w, b, Loss(w, b));
    }

    public static Result Adagrad(int epochs)
    {
        double w = -2, b = -2, sw = 0, sb = 0;
        for (int e = 0; e < epochs; e++)
        {
            Gradient(w, b, out double dw, out double db);
            sw += dw * dw;
            sb += db * db;
            w -= 1.0 * dw / (Math.Sqrt(sw) + 1e-8);
            b -= 1.0 * db / (Math.Sqrt(sb) + 1e-8);
        }

        return new(w, b, Loss(w, b));
    }

    public static Result RMSProp(int epochs)
    {
        double w = -2, b = -2, vw = 0, vb = 0;
        for (int e = 0; e < epochs; e++)
        {
            Gradient(w, b, out double dw, out double db);
            vw = 0.9 * vw + (1 - 0.9) * dw * dw;
            vb = 0.9 * vb + (1 - 0.9) * db * db;
            w -= 0.1 * dw / (Math.Sqrt(vw) + 1e-8);
            b -= 0.1 * db / (Math.Sqrt(vb) + 1e-8);
        }

        return new(w, b, Loss(w, b));
    }

    public static Result Adam(int epochs)
    {
        double w = -2, b = -2, mw = 0, mb = 0, vw = 0, vb = 0, beta1Power = 1, beta2Power = 1;
        for (int e = 0; e < epochs; e++)
        {
            Gradient(w, b, out double dw, out double db);
            beta1Power *= 0.9;
            beta2Power *= 0.999;
            double stepSize = 0.1 / (1 - beta1Power);
            double invSqrtBc2 = 1 / Math.Sqrt(1 - beta2Power);
            mw = 0.9 * mw + (1 - 0.9) * dw;
            mb = 0.9 * mb + (1 - 0.9) * db;
            vw = 0.999 * vw + (1 - 0.999) * dw * dw;
            vb = 0.999 * vb + (1 - 0.999) * db * db;
            w -= stepSize * mw / (Math.Sqrt(vw) * invSqrtBc2 + 1e-8);
            b -= stepSize * mb / (Math.Sqrt(vb) * invSqrtBc2 + 1e-8);
        }

        return new(w, b, Loss(w, b));
    }
}

using System.Numerics;
using OptGen.Benchmarks.EndToEnd;
using OptGen.Benchmarks.HandWritten;
using OptGen.Benchmarks.Optimizers;
using OptGen.Benchmarks.Torch;

namespace OptGen.Benchmarks.Infrastructure;

/// <summary>
/// <c>dotnet run -c Release --project benchmarks/OptGen.Benchmarks -- verify</c>: the comparisons are only fair if every
/// competitor computes the same thing. Checks, over 300 steps of seeded random gradients, that the hand-written
/// straight-line, for-loop, Vector256 and runtime versions equal the generated optimizers bit for bit (N = 2 and
/// N = 1,003, an odd size that exercises the vector tails), that TorchSharp agrees within the parity tolerances
/// (1e-5 float, 1e-11 double, relative to max(1, |torch|)), and that the hand-written neuron loop ends where the
/// runtime's trainer does.
/// </summary>
internal static class Verify
{
    private const int Steps = 300;

    public static bool Run(TextWriter output)
    {
        var failures = new List<string>();
        void Check(string name, bool ok, string detail)
        {
            output.WriteLine($"{(ok ? "ok  " : "FAIL")} {name}{(ok ? "" : ": " + detail)}");
            if (!ok)
            {
                failures.Add(name);
            }
        }

        foreach (Kind kind in new[] { Kind.Sgd, Kind.Momentum, Kind.RMSProp, Kind.Adam })
        {
            // N = 2: generated vs straight-line vs for-loop vs runtime.
            Compare<float>(kind, 2, "float, N = 2", SmallGenerated<float>(kind), SmallStraight<float>(kind), Check);
            Compare<double>(kind, 2, "double, N = 2", SmallGenerated<double>(kind), SmallStraight<double>(kind), Check);

            // N = 1,003: generated (one core and Parallel) vs scalar loop vs Vector256 loop vs runtime; then torch.
            Compare<float>(kind, 1_003, "float, N = 1003", LargeGenerated<float>(kind, 1_003, parallel: false), LargeGenerated<float>(kind, 1_003, parallel: true), Check);
            Compare<double>(kind, 1_003, "double, N = 1003", LargeGenerated<double>(kind, 1_003, parallel: false), LargeGenerated<double>(kind, 1_003, parallel: true), Check);
            CompareTorch<float>(kind, 1_003, 1e-5, Check);
            CompareTorch<double>(kind, 1_003, 1e-11, Check);
        }

        // Parallel = true really splits only from 32,768 parameters on; check one size above that too.
        Compare<float>(Kind.Adam, 100_003, "float, N = 100003", LargeGenerated<float>(Kind.Adam, 100_003, false), LargeGenerated<float>(Kind.Adam, 100_003, true), Check);

        CompareNeuron(Check);

        output.WriteLine(failures.Count == 0 ? "All versions agree." : $"{failures.Count} check(s) failed.");
        return failures.Count == 0;
    }

    private delegate void Stepper<T>(T[] p, T[] g);

    private static void Compare<T>(Kind kind, int n, string label, Stepper<T> generated, Stepper<T> other, Action<string, bool, string> check)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var competitors = new List<(string Name, Stepper<T> Step)>
        {
            ("generated", generated),
            (n == 2 ? "straight-line" : "generated Parallel", other),
            ("for-loop", Wrap<T>(HandOptimizer<T>.Create(kind, n, vector: false).Step)),
            ("Vector256 loop", Wrap<T>(HandOptimizer<T>.Create(kind, n, vector: true).Step)),
            ("runtime", RuntimeOptimizer<T>.Create(kind, n).Step),
        };

        var random = new Random(7);
        T[] start = Random<T>(random, n);
        var parameters = competitors.Select(_ => (T[])start.Clone()).ToArray();
        for (int t = 0; t < Steps; t++)
        {
            T[] g = Random<T>(random, n);
            for (int c = 0; c < competitors.Count; c++)
            {
                competitors[c].Step(parameters[c], g);
            }
        }

        for (int c = 1; c < competitors.Count; c++)
        {
            int firstDifference = Enumerable.Range(0, n).FirstOrDefault(i => parameters[c][i] != parameters[0][i], -1);
            check($"{kind} {label}: {competitors[c].Name} = generated, bit for bit", firstDifference < 0,
                firstDifference < 0 ? "" : $"parameter {firstDifference}: {parameters[c][firstDifference]} vs {parameters[0][firstDifference]}");
        }
    }

    private static void CompareTorch<T>(Kind kind, int n, double tolerance, Action<string, bool, string> check)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var random = new Random(11);
        T[] p = Random<T>(random, n);
        T[] g = Random<T>(random, n);
        var generated = LargeGenerated<T>(kind, n, parallel: false);
        T[] mine = (T[])p.Clone();
        using var torch = TorchStep.Create(kind, (T[])p.Clone(), g);
        double worst = 0;
        for (int t = 0; t < Steps; t++)
        {
            generated(mine, g);
            torch.Step();
        }

        T[] theirs = torch.Parameters<T>();
        for (int i = 0; i < n; i++)
        {
            double a = double.CreateChecked(mine[i]), b = double.CreateChecked(theirs[i]);
            worst = Math.Max(worst, Math.Abs(a - b) / Math.Max(1, Math.Abs(b)));
        }

        check($"{kind} {typeof(T).Name}, N = {n}: TorchSharp within {tolerance:g2} after {Steps} steps", worst <= tolerance, $"worst relative difference {worst:g3}");
    }

    private static void CompareNeuron(Action<string, bool, string> check)
    {
        var neuron = new Neuron();
        (double W, double B) Train<TOptimizer>(TOptimizer optimizer)
            where TOptimizer : IOptimizer<double>
        {
            var trainer = neuron.CreateTrainer(optimizer);
            trainer.Run();
            return (trainer.Parameters[0], trainer.Parameters[1]);
        }

        var cases = new (string Name, (double W, double B) Trainer, HandNeuron.Result WithOptimizer, HandNeuron.Result Hand)[]
        {
            ("Sgd", Train(new NeuronSgd()), HandNeuron.WithOptimizer(new NeuronSgd(), Neuron.Epochs), HandNeuron.Sgd(Neuron.Epochs)),
            ("Momentum", Train(new NeuronMomentum()), HandNeuron.WithOptimizer(new NeuronMomentum(), Neuron.Epochs), HandNeuron.Momentum(Neuron.Epochs)),
            ("Nesterov", Train(new NeuronNesterov()), HandNeuron.WithOptimizer(new NeuronNesterov(), Neuron.Epochs), HandNeuron.Nesterov(Neuron.Epochs)),
            ("Adagrad", Train(new NeuronAdagrad()), HandNeuron.WithOptimizer(new NeuronAdagrad(), Neuron.Epochs), HandNeuron.Adagrad(Neuron.Epochs)),
            ("RMSProp", Train(new NeuronRMSProp()), HandNeuron.WithOptimizer(new NeuronRMSProp(), Neuron.Epochs), HandNeuron.RMSProp(Neuron.Epochs)),
            ("Adam", Train(new NeuronAdam()), HandNeuron.WithOptimizer(new NeuronAdam(), Neuron.Epochs), HandNeuron.Adam(Neuron.Epochs)),
        };
        foreach (var (name, trainer, _, hand) in cases)
        {
            double difference = Math.Max(Math.Abs(trainer.W - hand.W), Math.Abs(trainer.B - hand.B));
            check($"Neuron {name}: hand-written loop ends where the trainer does (within 1e-9)", difference <= 1e-9,
                $"trainer (w, b) = ({trainer.W}, {trainer.B}), hand-written ({hand.W}, {hand.B})");
        }

        foreach (var (name, _, result, hand) in cases)
        {
            double difference = Math.Max(Math.Abs(result.W - hand.W), Math.Abs(result.B - hand.B));
            check($"Neuron {name}: hand-written loop with the generated optimizer = written-out update (within 1e-9)", difference <= 1e-9,
                $"({result.W}, {result.B}) vs ({hand.W}, {hand.B})");
        }
    }

    private static T[] Random<T>(Random random, int n)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Enumerable.Range(0, n).Select(_ => T.CreateTruncating(random.NextDouble() * 2 - 1)).ToArray();

    private delegate void SpanStep<T>(Span<T> p, ReadOnlySpan<T> g);

    /// <summary>A step over spans (a generated or hand-written optimizer's) as a step over the arrays verify keeps.</summary>
    private static Stepper<T> Wrap<T>(SpanStep<T> step) => (p, g) => step(p, g);

    private static Stepper<T> Cast<T, TOther>(Stepper<TOther> stepper)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TOther : unmanaged, IFloatingPointIeee754<TOther> =>
        (Stepper<T>)(object)stepper;

    private static Stepper<T> SmallGenerated<T>(Kind kind)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        typeof(T) == typeof(float)
            ? Cast<T, float>(kind switch
            {
                Kind.Sgd => Wrap<float>(new SgdFloat2().Step),
                Kind.Momentum => Wrap<float>(new MomentumFloat2().Step),
                Kind.RMSProp => Wrap<float>(new RMSPropFloat2().Step),
                _ => Wrap<float>(new AdamFloat2().Step),
            })
            : Cast<T, double>(kind switch
            {
                Kind.Sgd => Wrap<double>(new SgdDouble2().Step),
                Kind.Momentum => Wrap<double>(new MomentumDouble2().Step),
                Kind.RMSProp => Wrap<double>(new RMSPropDouble2().Step),
                _ => Wrap<double>(new AdamDouble2().Step),
            });

    private static Stepper<T> SmallStraight<T>(Kind kind)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        typeof(T) == typeof(float)
            ? Cast<T, float>(kind switch
            {
                Kind.Sgd => Wrap<float>(new SgdFloatStraight().Step),
                Kind.Momentum => Wrap<float>(new MomentumFloatStraight().Step),
                Kind.RMSProp => Wrap<float>(new RMSPropFloatStraight().Step),
                _ => Wrap<float>(new AdamFloatStraight().Step),
            })
            : Cast<T, double>(kind switch
            {
                Kind.Sgd => Wrap<double>(new SgdDoubleStraight().Step),
                Kind.Momentum => Wrap<double>(new MomentumDoubleStraight().Step),
                Kind.RMSProp => Wrap<double>(new RMSPropDoubleStraight().Step),
                _ => Wrap<double>(new AdamDoubleStraight().Step),
            });

    private static Stepper<T> LargeGenerated<T>(Kind kind, int n, bool parallel)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        typeof(T) == typeof(float)
            ? Cast<T, float>((kind, parallel) switch
            {
                (Kind.Sgd, false) => Wrap<float>(new SgdFloatN(n).Step),
                (Kind.Momentum, false) => Wrap<float>(new MomentumFloatN(n).Step),
                (Kind.RMSProp, false) => Wrap<float>(new RMSPropFloatN(n).Step),
                (Kind.Adam, false) => Wrap<float>(new AdamFloatN(n).Step),
                (Kind.Sgd, true) => Wrap<float>(new SgdFloatNParallel(n).Step),
                (Kind.Momentum, true) => Wrap<float>(new MomentumFloatNParallel(n).Step),
                (Kind.RMSProp, true) => Wrap<float>(new RMSPropFloatNParallel(n).Step),
                _ => Wrap<float>(new AdamFloatNParallel(n).Step),
            })
            : Cast<T, double>((kind, parallel) switch
            {
                (Kind.Sgd, false) => Wrap<double>(new SgdDoubleN(n).Step),
                (Kind.Momentum, false) => Wrap<double>(new MomentumDoubleN(n).Step),
                (Kind.RMSProp, false) => Wrap<double>(new RMSPropDoubleN(n).Step),
                (Kind.Adam, false) => Wrap<double>(new AdamDoubleN(n).Step),
                (Kind.Sgd, true) => Wrap<double>(new SgdDoubleNParallel(n).Step),
                (Kind.Momentum, true) => Wrap<double>(new MomentumDoubleNParallel(n).Step),
                (Kind.RMSProp, true) => Wrap<double>(new RMSPropDoubleNParallel(n).Step),
                _ => Wrap<double>(new AdamDoubleNParallel(n).Step),
            });
}

using System.Numerics;
using OptGen.Benchmarks.EndToEnd;
using OptGen.Benchmarks.HandWritten;
using OptGen.Benchmarks.Investigation;
using OptGen.Benchmarks.Optimizers;
using OptGen.Benchmarks.Torch;

namespace OptGen.Benchmarks.Infrastructure;

/// <summary>
/// <c>dotnet run -c Release --project benchmarks/OptGen.Benchmarks -- verify</c>: the comparisons are only fair if every
/// competitor computes the same thing. Checks, over 300 steps of seeded random gradients, that the hand-written
/// straight-line, for-loop, Vector256 and runtime versions equal the generated optimizers bit for bit (N = 2 for
/// every kind; N = 1,003, an odd size that exercises the vector tails, and 100,003 for the large-N kinds), that TorchSharp agrees within the parity tolerances
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

        foreach (Kind kind in new[] { Kind.Sgd, Kind.Momentum, Kind.RMSProp, Kind.Adam, Kind.AdamW })
        {
            // N = 2: generated vs straight-line vs for-loop vs Vector256 loop vs runtime.
            Compare(kind, 2, "float, N = 2", Check, [Small<float>(kind).Generated, Small<float>(kind).Straight, .. HandWritten<float>(kind, 2)]);
            Compare(kind, 2, "double, N = 2", Check, [Small<double>(kind).Generated, Small<double>(kind).Straight, .. HandWritten<double>(kind, 2)]);

            // N = 1,003: generated (one core and Parallel) vs scalar loop vs Vector256 loop vs runtime; then torch.
            Compare(kind, 1_003, "float, N = 1003", Check, [.. LargeGenerated<float>(kind, 1_003), .. HandWritten<float>(kind, 1_003)]);
            Compare(kind, 1_003, "double, N = 1003", Check, [.. LargeGenerated<double>(kind, 1_003), .. HandWritten<double>(kind, 1_003)]);
            CompareTorch<float>(kind, 1_003, 1e-5, Check);
            CompareTorch<double>(kind, 1_003, 1e-11, Check);
        }

        // The kinds benchmarked at N = 2 against the straight-line baseline alone (Small/KindsSmall.cs).
        foreach (Kind kind in new[] { Kind.Nesterov, Kind.Adagrad, Kind.Adamax, Kind.NAdam, Kind.RAdam, Kind.Adadelta, Kind.Rprop })
        {
            Compare(kind, 2, "float, N = 2", Check, [Small<float>(kind).Generated, Small<float>(kind).Straight]);
            Compare(kind, 2, "double, N = 2", Check, [Small<double>(kind).Generated, Small<double>(kind).Straight]);
        }

        // The float Adam gap investigation's pasted and varied copies (Investigation/).
        Compare(Kind.Adam, 2, "float, N = 2", Check,
        [
            Small<float>(Kind.Adam).Generated,
            new("pasted generated Step", Wrap<float>(new AdamFloat2Pasted().Step)),
            new("pasted with one length check", Wrap<float>(new AdamFloat2OneCheck().Step)),
            new("straight-line with StepCount", Wrap<float>(new AdamFloatStraightCounting().Step)),
        ]);

        Compare(Kind.Adam, 2, "double, N = 2", Check,
        [
            Small<double>(Kind.Adam).Generated,
            new("pasted with one length check", Wrap<double>(new AdamDouble2OneCheck().Step)),
        ]);
        Compare(Kind.NAdam, 2, "float, N = 2, 3000 steps", Check,
        [
            Small<float>(Kind.NAdam).Generated,
            new("straight-line with the μ-product flushed", Wrap<float>(new NAdamFloatStraightFlushed().Step)),
        ], steps: 3_000);
        Compare(Kind.RMSProp, 2, "float, N = 2", Check,
        [
            Small<float>(Kind.RMSProp).Generated,
            new("pasted, side by side", Wrap<float>(new RMSPropFloat2SideBySide().Step)),
            new("pasted, one after the other", Wrap<float>(new RMSPropFloat2OneAfterTheOther().Step)),
        ]);
        Compare(Kind.Adamax, 2, "double, N = 2", Check,
        [
            Small<double>(Kind.Adamax).Generated,
            new("pasted generated Step", Wrap<double>(new AdamaxDouble2Pasted().Step)),
            new("pasted without the counter", Wrap<double>(new AdamaxDouble2NoCounter().Step)),
            new("pasted, interleaved", Wrap<double>(new AdamaxDouble2Interleaved().Step)),
        ]);
        Compare(Kind.Adamax, 2, "float, N = 2", Check,
        [
            Small<float>(Kind.Adamax).Generated,
            new("pasted generated Step", Wrap<float>(new AdamaxFloat2Pasted().Step)),
            new("pasted with locals", Wrap<float>(new AdamaxFloat2Locals().Step)),
        ]);
        Compare(Kind.Rprop, 2, "float, N = 2", Check,
        [
            Small<float>(Kind.Rprop).Generated,
            new("pasted generated Step", Wrap<float>(new RpropFloat2Pasted().Step)),
            new("pasted with the comparison clamp", Wrap<float>(new RpropFloat2Clamp().Step)),
            new("pasted with fewer branches", Wrap<float>(new RpropFloat2Lean().Step)),
        ]);

        // Parallel = true really splits only from 32,768 parameters on; check one size above that too.
        Compare(Kind.Adam, 100_003, "float, N = 100003", Check, [.. LargeGenerated<float>(Kind.Adam, 100_003), .. HandWritten<float>(Kind.Adam, 100_003)]);
        Compare(Kind.AdamW, 100_003, "float, N = 100003", Check, [.. LargeGenerated<float>(Kind.AdamW, 100_003), .. HandWritten<float>(Kind.AdamW, 100_003)]);

        CompareNeuron(Check);

        output.WriteLine(failures.Count == 0 ? "All versions agree." : $"{failures.Count} check(s) failed.");
        return failures.Count == 0;
    }

    private delegate void Stepper<T>(T[] p, T[] g);

    private readonly record struct Competitor<T>(string Name, Stepper<T> Step);

    /// <summary>Steps every competitor on the same gradients; each must end bit for bit where the first does.</summary>
    private static void Compare<T>(Kind kind, int n, string label, Action<string, bool, string> check, Competitor<T>[] competitors, int steps = Steps)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var random = new Random(7);
        T[] start = Random<T>(random, n);
        var parameters = competitors.Select(_ => (T[])start.Clone()).ToArray();
        for (int t = 0; t < steps; t++)
        {
            T[] g = Random<T>(random, n);
            for (int c = 0; c < competitors.Length; c++)
            {
                competitors[c].Step(parameters[c], g);
            }
        }

        for (int c = 1; c < competitors.Length; c++)
        {
            int firstDifference = Enumerable.Range(0, n).FirstOrDefault(i => parameters[c][i] != parameters[0][i], -1);
            check($"{kind} {label}: {competitors[c].Name} = {competitors[0].Name}, bit for bit", firstDifference < 0,
                firstDifference < 0 ? "" : $"parameter {firstDifference}: {parameters[c][firstDifference]} vs {parameters[0][firstDifference]}");
        }
    }

    private static void CompareTorch<T>(Kind kind, int n, double tolerance, Action<string, bool, string> check)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var random = new Random(11);
        T[] p = Random<T>(random, n);
        T[] g = Random<T>(random, n);
        var generated = LargeGenerated<T>(kind, n)[0].Step;
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

    /// <summary>A step over spans (a generated or hand-written optimizer's) as a step over the arrays verify keeps.</summary>
    private static Stepper<T> Wrap<T>(SpanStep<T> step) => (p, g) => step(p, g);

    private static Stepper<T> Cast<T, TOther>(Stepper<TOther> stepper)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TOther : unmanaged, IFloatingPointIeee754<TOther> =>
        (Stepper<T>)(object)stepper;

    private static (Stepper<T>, Stepper<T>) Both<T, TOther>((Stepper<TOther> First, Stepper<TOther> Second) pair)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TOther : unmanaged, IFloatingPointIeee754<TOther> =>
        (Cast<T, TOther>(pair.First), Cast<T, TOther>(pair.Second));

    /// <summary>The hand-written loops and the runtime optimizer of <paramref name="kind"/> over <paramref name="n"/> parameters.</summary>
    private static Competitor<T>[] HandWritten<T>(Kind kind, int n)
        where T : unmanaged, IFloatingPointIeee754<T> =>
    [
        new("for-loop", Wrap<T>(HandOptimizer<T>.Create(kind, n, vector: false).Step)),
        new("Vector256 loop", Wrap<T>(HandOptimizer<T>.Create(kind, n, vector: true).Step)),
        new("runtime", RuntimeOptimizer<T>.Create(kind, n).Step),
    ];

    /// <summary>The N = 2 generated optimizer of <paramref name="kind"/> and its hand-written straight-line baseline.</summary>
    private static (Competitor<T> Generated, Competitor<T> Straight) Small<T>(Kind kind)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        (SpanStep<T> generated, SpanStep<T> straight) = SmallPairs.For<T>(kind);
        return (new("generated", Wrap(generated)), new("straight-line", Wrap(straight)));
    }

    /// <summary>The constructor-sized generated optimizer of <paramref name="kind"/> and its <c>Parallel = true</c> twin.</summary>
    private static Competitor<T>[] LargeGenerated<T>(Kind kind, int n)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        (Stepper<T> one, Stepper<T> parallel) = typeof(T) == typeof(float) ? Both<T, float>(LargeFloat(kind, n)) : Both<T, double>(LargeDouble(kind, n));
        return [new("generated", one), new("generated Parallel", parallel)];
    }

    private static (Stepper<float>, Stepper<float>) LargeFloat(Kind kind, int n) => kind switch
    {
        Kind.Sgd => (Wrap<float>(new SgdFloatN(n).Step), Wrap<float>(new SgdFloatNParallel(n).Step)),
        Kind.Momentum => (Wrap<float>(new MomentumFloatN(n).Step), Wrap<float>(new MomentumFloatNParallel(n).Step)),
        Kind.RMSProp => (Wrap<float>(new RMSPropFloatN(n).Step), Wrap<float>(new RMSPropFloatNParallel(n).Step)),
        Kind.Adam => (Wrap<float>(new AdamFloatN(n).Step), Wrap<float>(new AdamFloatNParallel(n).Step)),
        Kind.AdamW => (Wrap<float>(new AdamWFloatN(n).Step), Wrap<float>(new AdamWFloatNParallel(n).Step)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No large-N benchmark for this kind."),
    };

    private static (Stepper<double>, Stepper<double>) LargeDouble(Kind kind, int n) => kind switch
    {
        Kind.Sgd => (Wrap<double>(new SgdDoubleN(n).Step), Wrap<double>(new SgdDoubleNParallel(n).Step)),
        Kind.Momentum => (Wrap<double>(new MomentumDoubleN(n).Step), Wrap<double>(new MomentumDoubleNParallel(n).Step)),
        Kind.RMSProp => (Wrap<double>(new RMSPropDoubleN(n).Step), Wrap<double>(new RMSPropDoubleNParallel(n).Step)),
        Kind.Adam => (Wrap<double>(new AdamDoubleN(n).Step), Wrap<double>(new AdamDoubleNParallel(n).Step)),
        Kind.AdamW => (Wrap<double>(new AdamWDoubleN(n).Step), Wrap<double>(new AdamWDoubleNParallel(n).Step)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No large-N benchmark for this kind."),
    };
}

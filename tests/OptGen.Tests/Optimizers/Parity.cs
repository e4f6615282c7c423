using System.Numerics;
using System.Reflection;
using OptGen.Tests.Reference;
using Xunit;

namespace OptGen.Tests.Optimizers;

/// <summary>Runs a generated optimizer beside TorchSharp's on the same seeded gradients and compares every step.</summary>
internal static class Parity
{
    /// <summary>Steps per parity run (the issue asks for at least 100).</summary>
    public const int Steps = 120;

    /// <summary>Relative tolerance in double: |generated − torch| ≤ 1e-11 · max(1, |torch|).</summary>
    public const double DoubleTolerance = 1e-11;

    /// <summary>Relative tolerance in float: |generated − torch| ≤ 1e-5 · max(1, |torch|).</summary>
    public const double FloatTolerance = 1e-5;

    public const int DefaultSeed = 20261128;

    public static double ToleranceOf<T>() => typeof(T) == typeof(float) ? FloatTolerance : DoubleTolerance;

    /// <summary>Starting parameters, uniform in [−2, 2), from <paramref name="seed"/>.</summary>
    public static T[] InitialParameters<T>(int count, int seed)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var random = new Random(seed);
        var values = new T[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = T.CreateChecked(4.0 * random.NextDouble() - 2.0);
        }

        return values;
    }

    /// <summary>
    /// Gaussian gradients from <paramref name="seed"/> whose scale swings between 0.05 and 2.05 over the run
    /// (so that second-moment estimates both grow and shrink, and AMSGrad's maximum matters), with now and then
    /// an exact zero.
    /// </summary>
    public static T[][] Gradients<T>(int count, int steps, int seed)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var random = new Random(seed + 1);
        var gradients = new T[steps][];
        for (int t = 0; t < steps; t++)
        {
            double scale = 0.05 + 2.0 * Math.Abs(Math.Sin(t / 13.0));
            gradients[t] = new T[count];
            for (int i = 0; i < count; i++)
            {
                double u1 = 1.0 - random.NextDouble();
                double u2 = random.NextDouble();
                double normal = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
                gradients[t][i] = random.Next(40) == 0 ? T.Zero : T.CreateChecked(normal * scale);
            }
        }

        return gradients;
    }

    /// <summary>Steps <paramref name="optimizer"/> from <paramref name="initial"/> and returns the parameters after every step.</summary>
    public static T[][] Run<TOptimizer, T>(
        ref TOptimizer optimizer,
        T[] initial,
        IReadOnlyList<T[]> gradients,
        Func<int, double>? learningRateAtStep = null)
        where TOptimizer : IOptimizer<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var parameters = (T[])initial.Clone();
        if (optimizer is ITrainEvalOptimizer<T> modes)
        {
            modes.Train(parameters); // as a training loop calls the reference's optimizer.train() first
        }

        var trajectory = new T[gradients.Count][];
        for (int t = 0; t < gradients.Count; t++)
        {
            if (learningRateAtStep is not null)
            {
                optimizer.LearningRate = learningRateAtStep(t);
            }

            optimizer.Step(parameters, gradients[t]);
            trajectory[t] = (T[])parameters.Clone();
        }

        return trajectory;
    }

    /// <summary>
    /// Runs <paramref name="optimizer"/> and the torch optimizer its <see cref="OptimizerAttribute"/> describes
    /// (or <paramref name="torchOptions"/>) on the same seeded gradients, and asserts that every parameter at every
    /// step is within the tolerance of the element type.
    /// </summary>
    public static void Check<TOptimizer, T>(
        TOptimizer optimizer,
        TorchOptimizerOptions? torchOptions = null,
        int steps = Steps,
        int seed = DefaultSeed,
        Func<int, double>? learningRateAtStep = null)
        where TOptimizer : IOptimizer<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        TorchOptimizerOptions options = torchOptions ?? TorchOptimizerOptions.For<TOptimizer>();
        int count = optimizer.ParameterCount;
        Assert.True(count >= 3, $"parity runs need at least 3 parameters, {typeof(TOptimizer).Name} has {count}");
        T[] initial = InitialParameters<T>(count, seed);
        T[][] gradients = Gradients<T>(count, steps, seed);

        T[][] torch = TorchReference.Trajectory(options, initial, gradients, learningRateAtStep);
        T[][] generated = Run(ref optimizer, initial, gradients, learningRateAtStep);

        Assert.Equal(steps, optimizer.StepCount);
        AssertClose(torch, generated, ToleranceOf<T>(), $"{typeof(TOptimizer).Name} vs torch ({options})");

        // The run must have gone somewhere, or agreeing would prove nothing.
        double moved = 0;
        for (int i = 0; i < count; i++)
        {
            moved = Math.Max(moved, Math.Abs(double.CreateChecked(torch[^1][i]) - double.CreateChecked(initial[i])));
        }

        Assert.True(moved > 1e-4, $"torch's parameters moved only {moved:R} in {steps} steps; the test proves nothing");
    }

    /// <summary>Asserts |actual − expected| ≤ tolerance · max(1, |expected|) for every parameter at every step.</summary>
    public static void AssertClose<T>(T[][] expected, T[][] actual, double tolerance, string what)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int t = 0; t < expected.Length; t++)
        {
            AssertCloseAfterStep(expected[t], actual[t], tolerance, what, t + 1);
        }
    }

    /// <summary>Asserts |actual − expected| ≤ tolerance · max(1, |expected|) for every parameter after (1-based) <paramref name="step"/>.</summary>
    public static void AssertCloseAfterStep<T>(T[] expected, T[] actual, double tolerance, string what, int step)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            double e = double.CreateChecked(expected[i]);
            double a = double.CreateChecked(actual[i]);
            double bound = tolerance * Math.Max(1.0, Math.Abs(e));
            if (!(Math.Abs(a - e) <= bound))
            {
                Assert.Fail(
                    $"{what}: after step {step}, parameter {i}: expected {e:R}, got {a:R} " +
                    $"(|difference| {Math.Abs(a - e):R} > {bound:R} = {tolerance:R} · max(1, |expected|)).");
            }
        }
    }

    /// <summary>The element type T of the <see cref="IOptimizer{T}"/> that <paramref name="optimizerType"/> implements.</summary>
    public static Type ElementTypeOf(Type optimizerType) =>
        optimizerType.GetInterfaces()
            .Single(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IOptimizer<>))
            .GetGenericArguments()[0];

    /// <summary>
    /// Calls the static generic method <paramref name="method"/>&lt;TOptimizer, T&gt;(Func&lt;TOptimizer&gt;) of
    /// <paramref name="owner"/> for <paramref name="optimizerType"/>, with a factory that calls its constructor
    /// with <paramref name="constructorArguments"/>. Lets a theory take the optimizer type as data.
    /// </summary>
    public static void Invoke(Type owner, string method, Type optimizerType, params object[] constructorArguments)
    {
        Type elementType = ElementTypeOf(optimizerType);
        object factory = typeof(Parity).GetMethod(nameof(Factory), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(optimizerType)
            .Invoke(null, [constructorArguments])!;
        MethodInfo target = owner.GetMethod(method, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            ?? throw new MissingMethodException(owner.Name, method);
        target.MakeGenericMethod(optimizerType, elementType)
            .Invoke(null, BindingFlags.DoNotWrapExceptions, binder: null, [factory], culture: null);
    }

    private static Func<TOptimizer> Factory<TOptimizer>(object[] constructorArguments) =>
        () => (TOptimizer)Activator.CreateInstance(typeof(TOptimizer), constructorArguments)!;

    /// <summary><see cref="Check{TOptimizer, T}"/> for an optimizer type given as theory data.</summary>
    public static void CheckType(Type optimizerType, params object[] constructorArguments) =>
        Invoke(typeof(Parity), nameof(CheckWithFactory), optimizerType, constructorArguments);

    private static void CheckWithFactory<TOptimizer, T>(Func<TOptimizer> create)
        where TOptimizer : IOptimizer<T>
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Check<TOptimizer, T>(create());
}

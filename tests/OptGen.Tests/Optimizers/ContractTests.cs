using OptGen.CompilerServices;
using System.Numerics;
using System.Text.RegularExpressions;
using Xunit;

namespace OptGen.Tests.Optimizers;

[Optimizer(Kind.NAdam, Params = 3, LearningRate = 0.05, WeightDecay = 0.1, DecoupledWeightDecay = true)]
internal partial struct NAdamStructD;

[Optimizer(Kind.Rprop, Params = 40, LearningRate = 0.05, ElementType = typeof(float))]
internal partial struct RpropLargeStructF;

/// <summary>
/// The contract every generated optimizer keeps, whatever its kind, element type or shape: <c>Step</c> allocates
/// nothing and checks its spans; a saved state resumes bit for bit; <c>Reset</c> is a new instance; a struct's
/// <c>new X()</c> is ready to use.
/// </summary>
public class ContractTests
{
    /// <summary>Every kind in float and double, with every buffer the kind can have switched on, and every shape.</summary>
    public static TheoryData<Type> Fixed => new()
    {
        typeof(SgdAllD), typeof(SgdAllF),
        typeof(MomentumAllD), typeof(MomentumAllF),
        typeof(NesterovAllD), typeof(NesterovAllF),
        typeof(AdagradAllD), typeof(AdagradAllF),
        typeof(RmsPropAllD), typeof(RmsPropAllF),
        typeof(AdamAllD), typeof(AdamAllF),
        typeof(RmsPropPlainD), typeof(AdamPlainF),
        typeof(SgdLargeD), typeof(MomentumLargeF), typeof(NesterovLargeD),
        typeof(AdagradLargeF), typeof(RmsPropLargeD), typeof(AdamLargeF),
        typeof(AdamStructD), typeof(MomentumStructF), typeof(RmsPropLargeStructD),
        typeof(AdamWAllD), typeof(AdamWAllF), typeof(AdamaxAllD), typeof(AdamaxAllF),
        typeof(NAdamAllD), typeof(NAdamAllF), typeof(RAdamAllD), typeof(RAdamAllF),
        typeof(AdadeltaAllD), typeof(AdadeltaAllF), typeof(RpropAllD), typeof(RpropAllF),
        typeof(AdamWLargeF), typeof(AdamaxLargeD), typeof(NAdamLargeF), typeof(RAdamLargeD),
        typeof(AdadeltaLargeF), typeof(RpropLargeD),
        typeof(NAdamStructD), typeof(RpropLargeStructF),
    };

    /// <summary>Optimizers whose constructor takes the size, every kind in float and double.</summary>
    public static TheoryData<Type> Sized => new()
    {
        typeof(SgdSizedD), typeof(SgdSizedF),
        typeof(MomentumSizedD), typeof(MomentumSizedF),
        typeof(NesterovSizedD), typeof(NesterovSizedF),
        typeof(AdagradSizedD), typeof(AdagradSizedF),
        typeof(RmsPropSizedD), typeof(RmsPropSizedF),
        typeof(AdamSizedD), typeof(AdamSizedF),
        typeof(AdamWSizedD), typeof(AdamWSizedF), typeof(AdamaxSizedD), typeof(AdamaxSizedF),
        typeof(NAdamSizedD), typeof(NAdamSizedF), typeof(RAdamSizedD), typeof(RAdamSizedF),
        typeof(AdadeltaSizedD), typeof(AdadeltaSizedF), typeof(RpropSizedD), typeof(RpropSizedF),
    };

    private const int SizedCount = 9;

    // ---- Step allocates nothing -------------------------------------------------------------------------------

    [Theory]
    [MemberData(nameof(Fixed))]
    public void Step_allocates_nothing(Type optimizer) =>
        Parity.Invoke(typeof(ContractTests), nameof(StepAllocatesNothing), optimizer);

    [Theory]
    [MemberData(nameof(Sized))]
    public void Step_of_a_constructor_sized_optimizer_allocates_nothing(Type optimizer) =>
        Parity.Invoke(typeof(ContractTests), nameof(StepAllocatesNothing), optimizer, SizedCount);

    [Fact]
    public void Step_called_directly_on_a_struct_allocates_nothing()
    {
        var optimizer = new AdamStructD();
        Span<double> parameters = [1.0, -2.0, 0.5];
        ReadOnlySpan<double> gradients = [0.1, -0.2, 0.3];
        for (int i = 0; i < 100; i++)
        {
            optimizer.Step(parameters, gradients);
        }

        long fewest = long.MaxValue;
        int steps = 100;
        for (int attempt = 0; attempt < Attempts && fewest > 0; attempt++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 10_000; i++)
            {
                optimizer.Step(parameters, gradients);
            }

            fewest = Math.Min(fewest, GC.GetAllocatedBytesForCurrentThread() - before);
            steps += 10_000;
        }

        Assert.Equal(0, fewest);
        Assert.Equal(steps, optimizer.StepCount);
    }

    /// <summary>
    /// Measurements of a loop of steps. The runtime itself may allocate on the test's thread now and then (tiered
    /// compilation starts counting calls 100 ms after start-up and promotes methods in the middle of a loop), so the
    /// assertion is that some whole loop allocated nothing, which a Step that allocates could never do.
    /// </summary>
    private const int Attempts = 5;

    private static void StepAllocatesNothing<TOptimizer, T>(Func<TOptimizer> create)
        where TOptimizer : IOptimizer<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        TOptimizer optimizer = create();
        int count = optimizer.ParameterCount;
        T[] parameters = Parity.InitialParameters<T>(count, 7);
        T[] gradients = Parity.Gradients<T>(count, 1, 7)[0];
        T[] negated = Array.ConvertAll(gradients, g => -g);
        for (int i = 0; i < 200; i++)
        {
            optimizer.Step(parameters, i % 2 == 0 ? gradients : negated);
        }

        long fewest = long.MaxValue;
        long steps = 200;
        for (int attempt = 0; attempt < Attempts && fewest > 0; attempt++)
        {
            fewest = Math.Min(fewest, AllocatedBySteps(ref optimizer, parameters, gradients, negated, 5_000));
            steps += 5_000;
        }

        Assert.True(fewest == 0, $"{typeof(TOptimizer).Name}: every loop of 5000 steps allocated, the fewest {fewest} bytes");
        Assert.Equal(steps, optimizer.StepCount);
    }

    private static long AllocatedBySteps<TOptimizer, T>(ref TOptimizer optimizer, T[] parameters, T[] gradients, T[] negated, int steps)
        where TOptimizer : IOptimizer<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < steps; i++)
        {
            optimizer.Step(parameters, i % 2 == 0 ? gradients : negated);
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    // ---- Spans of the wrong length -----------------------------------------------------------------------------

    [Theory]
    [MemberData(nameof(Fixed))]
    public void A_span_of_the_wrong_length_throws_naming_both_lengths(Type optimizer) =>
        Parity.Invoke(typeof(ContractTests), nameof(WrongLengthsThrow), optimizer);

    [Theory]
    [MemberData(nameof(Sized))]
    public void A_span_of_the_wrong_length_throws_for_a_constructor_sized_optimizer(Type optimizer) =>
        Parity.Invoke(typeof(ContractTests), nameof(WrongLengthsThrow), optimizer, SizedCount);

    private static void WrongLengthsThrow<TOptimizer, T>(Func<TOptimizer> create)
        where TOptimizer : IOptimizer<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        TOptimizer optimizer = create();
        int n = optimizer.ParameterCount;
        T[] parameters = Parity.InitialParameters<T>(n, 3);
        T[] original = (T[])parameters.Clone();

        AssertLengthError(() => optimizer.Step(new T[n + 1], new T[n]), "parameters", n + 1, n);
        AssertLengthError(() => optimizer.Step(new T[n - 1], new T[n]), "parameters", n - 1, n);
        AssertLengthError(() => optimizer.Step(parameters, new T[n + 2]), "gradients", n + 2, n);
        AssertLengthError(() => optimizer.Step(parameters, ReadOnlySpan<T>.Empty), "gradients", 0, n);

        // A rejected step changes nothing.
        Assert.Equal(0, optimizer.StepCount);
        Assert.Equal(original, parameters);

        int stateLength = optimizer.StateLength;
        Assert.Throws<ArgumentException>(() => optimizer.SaveState(new T[stateLength + 1]));
        Assert.Throws<ArgumentException>(() => optimizer.SaveState(new T[stateLength - 1]));
        Assert.Throws<ArgumentException>(() => optimizer.LoadState(new T[stateLength + 1]));
        Assert.Throws<ArgumentException>(() => optimizer.LoadState(new T[stateLength - 1]));
    }

    private static void AssertLengthError(Action step, string spanName, int wrongLength, int parameterCount)
    {
        var exception = Assert.Throws<ArgumentException>(step);
        string message = exception.Message;
        Assert.Contains(spanName, message, StringComparison.Ordinal);
        Assert.Matches(new Regex($@"(?<![\d.]){wrongLength}(?![\d.])"), message);
        Assert.Matches(new Regex($@"(?<![\d.]){parameterCount}(?![\d.])"), message);
    }

    // ---- SaveState / LoadState ---------------------------------------------------------------------------------

    [Theory]
    [MemberData(nameof(Fixed))]
    public void SaveState_then_LoadState_into_a_new_instance_continues_bit_for_bit(Type optimizer) =>
        Parity.Invoke(typeof(ContractTests), nameof(SaveLoadContinuesBitForBit), optimizer);

    [Theory]
    [MemberData(nameof(Sized))]
    public void SaveState_then_LoadState_continues_bit_for_bit_for_a_constructor_sized_optimizer(Type optimizer) =>
        Parity.Invoke(typeof(ContractTests), nameof(SaveLoadContinuesBitForBit), optimizer, SizedCount);

    private static void SaveLoadContinuesBitForBit<TOptimizer, T>(Func<TOptimizer> create)
        where TOptimizer : IOptimizer<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        TOptimizer original = create();
        int n = original.ParameterCount;
        T[][] gradients = Parity.Gradients<T>(n, 80, 11);
        T[] parameters = Parity.InitialParameters<T>(n, 11);

        // An odd learning rate, so that an inexact copy of it would show.
        original.LearningRate *= 0.7310585786300049;
        for (int t = 0; t < 40; t++)
        {
            original.Step(parameters, gradients[t]);
        }

        Assert.True(original.StateLength >= OptimizerState.HeaderLength<T>(0));
        var state = new T[original.StateLength];
        original.SaveState(state);

        TOptimizer resumed = create();
        Assert.Equal(original.StateLength, resumed.StateLength);
        resumed.LoadState(state);
        Assert.Equal(40, resumed.StepCount);
        Assert.Equal(BitConverter.DoubleToInt64Bits(original.LearningRate), BitConverter.DoubleToInt64Bits(resumed.LearningRate));

        // Saving what was loaded gives the same state back.
        var again = new T[resumed.StateLength];
        resumed.SaveState(again);
        AssertBitwiseEqual(state, again, "state saved after LoadState");

        var resumedParameters = (T[])parameters.Clone();
        for (int t = 40; t < gradients.Length; t++)
        {
            original.Step(parameters, gradients[t]);
            resumed.Step(resumedParameters, gradients[t]);
            AssertBitwiseEqual(parameters, resumedParameters, $"{typeof(TOptimizer).Name} after step {t + 1}");
        }

        Assert.Equal(original.StepCount, resumed.StepCount);

        // A state that SaveState did not write is refused.
        var garbage = new T[original.StateLength];
        garbage.AsSpan().Fill(T.NaN);
        Assert.Throws<ArgumentException>(() => resumed.LoadState(garbage));
    }

    [Theory]
    [InlineData(typeof(AdamAllD))]
    [InlineData(typeof(AdamAllF))]
    [InlineData(typeof(AdagradAllF))]
    [InlineData(typeof(MomentumStructF))]
    public void A_large_step_count_survives_SaveState_and_LoadState_exactly(Type optimizer) =>
        Parity.Invoke(typeof(ContractTests), nameof(LargeStepCountSurvives), optimizer);

    private static void LargeStepCountSurvives<TOptimizer, T>(Func<TOptimizer> create)
        where TOptimizer : IOptimizer<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        // 2^53 + 1 is not a double and far from a float: only an exact encoding brings it back.
        const long stepCount = (1L << 53) + 1;
        TOptimizer optimizer = create();
        var state = new T[optimizer.StateLength];
        optimizer.SaveState(state);
        (long kind, long fingerprint, _, _) = StateReader<T>.PeekHeader(state);
        _ = new StateWriter<T>(state, (int)kind, fingerprint, stepCount, 0.0123);

        optimizer.LoadState(state);
        Assert.Equal(stepCount, optimizer.StepCount);
        Assert.Equal(0.0123, optimizer.LearningRate);

        T[] parameters = Parity.InitialParameters<T>(optimizer.ParameterCount, 2);
        optimizer.Step(parameters, Parity.Gradients<T>(optimizer.ParameterCount, 1, 2)[0]);
        Assert.Equal(stepCount + 1, optimizer.StepCount);
        optimizer.SaveState(state);
        (_, _, long savedStepCount, double savedLearningRate) = StateReader<T>.PeekHeader(state);
        Assert.Equal(stepCount + 1, savedStepCount);
        Assert.Equal(0.0123, savedLearningRate);
        foreach (T p in parameters)
        {
            Assert.True(T.IsFinite(p));
        }
    }

    [Fact]
    public void A_state_of_another_size_is_refused()
    {
        var small = new AdamSizedD(4);
        var large = new AdamSizedD(5);
        var state = new double[small.StateLength];
        small.SaveState(state);
        Assert.NotEqual(small.StateLength, large.StateLength);
        Assert.Throws<ArgumentException>(() => large.LoadState(state));
    }

    // ---- Reset -------------------------------------------------------------------------------------------------

    [Theory]
    [MemberData(nameof(Fixed))]
    public void Reset_equals_a_new_instance(Type optimizer) =>
        Parity.Invoke(typeof(ContractTests), nameof(ResetEqualsNew), optimizer);

    [Theory]
    [MemberData(nameof(Sized))]
    public void Reset_equals_a_new_instance_for_a_constructor_sized_optimizer(Type optimizer) =>
        Parity.Invoke(typeof(ContractTests), nameof(ResetEqualsNew), optimizer, SizedCount);

    private static void ResetEqualsNew<TOptimizer, T>(Func<TOptimizer> create)
        where TOptimizer : IOptimizer<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        TOptimizer used = create();
        int n = used.ParameterCount;
        T[][] gradients = Parity.Gradients<T>(n, 50, 5);
        T[] scratch = Parity.InitialParameters<T>(n, 5);
        for (int t = 0; t < 25; t++)
        {
            used.Step(scratch, gradients[t]);
        }

        used.LearningRate = 0.123;
        used.Reset();

        TOptimizer fresh = create();
        Assert.Equal(0, used.StepCount);
        Assert.Equal(BitConverter.DoubleToInt64Bits(fresh.LearningRate), BitConverter.DoubleToInt64Bits(used.LearningRate));
        Assert.Equal(fresh.StateLength, used.StateLength);
        var usedState = new T[used.StateLength];
        var freshState = new T[fresh.StateLength];
        used.SaveState(usedState);
        fresh.SaveState(freshState);
        AssertBitwiseEqual(freshState, usedState, "state after Reset vs a new instance");

        T[] a = Parity.InitialParameters<T>(n, 6);
        T[] b = (T[])a.Clone();
        for (int t = 0; t < gradients.Length; t++)
        {
            used.Step(a, gradients[t]);
            fresh.Step(b, gradients[t]);
            AssertBitwiseEqual(b, a, $"{typeof(TOptimizer).Name} after Reset, step {t + 1}");
        }
    }

    // ---- Structs -----------------------------------------------------------------------------------------------

    [Fact]
    public void A_struct_from_new_is_ready_to_use()
    {
        var adam = new AdamStructD();
        Assert.Equal(0.05, adam.LearningRate);
        Assert.Equal(0, adam.StepCount);
        Assert.Equal(3, AdamStructD.ParameterCount);

        // One step of Adam from a fresh state moves every parameter by lr·g/(|g| + ε) (m̂ = g, √v̂ = |g|): by
        // lr·sign(g) to within lr·ε/|g| = 0.05·1e-8/0.25 = 2e-9.
        Span<double> parameters = [1.0, 2.0, 3.0];
        adam.Step(parameters, [0.5, -0.25, 2.0]);
        Assert.Equal(1, adam.StepCount);
        Assert.Equal(1.0 - 0.05, parameters[0], tolerance: 1e-8);
        Assert.Equal(2.0 + 0.05, parameters[1], tolerance: 1e-8);
        Assert.Equal(3.0 - 0.05, parameters[2], tolerance: 1e-8);

        var momentum = new MomentumStructF();
        Assert.Equal(0.05, momentum.LearningRate);
        Span<float> p = [1f, 1f, 1f, 1f];
        momentum.Step(p, [1f, -1f, 2f, 0f]);
        // The first step of SGD with momentum uses the gradient itself as the buffer: θ ← θ − lr·g.
        Assert.Equal([1f - 0.05f, 1f + 0.05f, 1f - 0.1f, 1f], p.ToArray());
    }

    [Fact]
    public void Copies_of_a_struct_optimizer_do_not_share_state()
    {
        var first = new MomentumStructF();
        Span<float> p = [0f, 0f, 0f, 0f];
        first.Step(p, [1f, 1f, 1f, 1f]);
        MomentumStructF copy = first;
        Span<float> q = [0f, 0f, 0f, 0f];
        copy.Step(q, [1f, 1f, 1f, 1f]);
        Assert.Equal(1, first.StepCount);
        Assert.Equal(2, copy.StepCount);

        // Stepping the copy left the original's buffer alone: its second step equals the copy's.
        Span<float> r = [0f, 0f, 0f, 0f];
        first.Step(r, [1f, 1f, 1f, 1f]);
        Assert.Equal(q.ToArray(), r.ToArray());
    }

    private static void AssertBitwiseEqual<T>(T[] expected, T[] actual, string what)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            long e = BitsOf(expected[i]);
            long a = BitsOf(actual[i]);
            if (e != a)
            {
                Assert.Fail($"{what}: element {i} differs: expected {expected[i]} (bits {e:X}), got {actual[i]} (bits {a:X}).");
            }
        }
    }

    private static long BitsOf<T>(T value)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        typeof(T) == typeof(float)
            ? BitConverter.SingleToInt32Bits((float)(object)value)
            : BitConverter.DoubleToInt64Bits((double)(object)value);
}

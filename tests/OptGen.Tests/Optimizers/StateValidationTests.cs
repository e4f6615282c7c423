using OptGen.CompilerServices;
using Xunit;

namespace OptGen.Tests.Optimizers;

[Optimizer(Kind.AdamW, Params = 5, LearningRate = 0.05)]
internal partial class AdamWSameShapeD;

[Optimizer(Kind.Adam, Params = 5, LearningRate = 0.05, Beta1 = 0.8)]
internal partial class AdamOtherBetaD;

/// <summary>
/// A saved state says what wrote it: LoadState refuses another kind's, another configuration's and a corrupted
/// state with a message that says which, and leaves the optimizer as it was.
/// </summary>
public class StateValidationTests
{
    [Fact]
    public void Another_kinds_state_of_the_same_length_is_refused_naming_both_kinds()
    {
        var adamW = Trained(new AdamWSameShapeD());
        var adam = new AdamPlainD();
        Assert.Equal(adamW.StateLength, adam.StateLength);
        var state = new double[adamW.StateLength];
        adamW.SaveState(state);

        var error = Assert.Throws<ArgumentException>(() => adam.LoadState(state));
        Assert.Contains("Kind.AdamW", error.Message);
        Assert.Contains("Kind.Adam.", error.Message);
        Assert.Equal(0, adam.StepCount);
    }

    [Fact]
    public void A_state_saved_with_other_compiled_in_hyperparameters_is_refused()
    {
        var other = Trained(new AdamOtherBetaD());
        var adam = new AdamPlainD();
        var state = new double[other.StateLength];
        other.SaveState(state);

        var error = Assert.Throws<ArgumentException>(() => adam.LoadState(state));
        Assert.Contains("other compiled-in hyperparameters", error.Message);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(-1e-3)]
    [InlineData(double.PositiveInfinity)]
    public void A_second_moment_that_no_run_can_produce_is_refused_and_nothing_changes(double corrupt)
    {
        var source = Trained(new AdamPlainD());
        var state = new double[source.StateLength];
        source.SaveState(state);
        // Layout: header, two running powers, m (5), v (5). Corrupt v₂.
        int v2 = OptimizerState.HeaderLength<double>(2) + 5 + 2;
        state[v2] = corrupt;

        var target = Trained(new AdamPlainD(), steps: 3);
        var before = new double[target.StateLength];
        target.SaveState(before);
        var error = Assert.Throws<ArgumentException>(() => target.LoadState(state));
        Assert.Contains("second moments", error.Message);
        Assert.Contains("parameter 2", error.Message);

        var after = new double[target.StateLength];
        target.SaveState(after);
        Assert.Equal(before, after);
    }

    [Fact]
    public void A_running_power_outside_zero_to_one_is_refused()
    {
        var source = Trained(new AdamPlainD());
        var state = new double[source.StateLength];
        source.SaveState(state);
        // β₁ᵗ is the first scalar state after the header, as its 64 bits in two 32-bit chunks: make it 2.0.
        long bits = BitConverter.DoubleToInt64Bits(2.0);
        int at = OptimizerState.HeaderLength<double>(0);
        state[at] = bits & 0xFFFF_FFFF;
        state[at + 1] = (bits >> 32) & 0xFFFF_FFFF;

        var error = Assert.Throws<ArgumentException>(() => new AdamPlainD().LoadState(state));
        Assert.Contains("0.9ᵗ", error.Message);
    }

    [Fact]
    public void A_crafted_huge_step_count_loads_at_once_because_the_running_powers_are_saved()
    {
        var source = Trained(new AdamPlainD());
        var state = new double[source.StateLength];
        source.SaveState(state);
        (long kind, long fingerprint, _, double learningRate) = StateReader<double>.PeekHeader(state);
        _ = new StateWriter<double>(state, (int)kind, fingerprint, long.MaxValue - 1, learningRate);

        var target = new AdamPlainD();
        target.LoadState(state); // used to recompute βᵗ one multiplication per step: minutes
        Assert.Equal(long.MaxValue - 1, target.StepCount);
    }

    private static TOptimizer Trained<TOptimizer>(TOptimizer optimizer, int steps = 20)
        where TOptimizer : IOptimizer<double>
    {
        double[] parameters = Parity.InitialParameters<double>(optimizer.ParameterCount, 3);
        foreach (double[] gradients in Parity.Gradients<double>(optimizer.ParameterCount, steps, 3))
        {
            optimizer.Step(parameters, gradients);
        }

        return optimizer;
    }
}

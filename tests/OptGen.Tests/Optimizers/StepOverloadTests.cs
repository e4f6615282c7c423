using System.Numerics;
using Xunit;

namespace OptGen.Tests.Optimizers;

/// <summary>
/// The scaled and multi-buffer steps are the plain step, bit for bit: <c>Step(p, g, s)</c> is <c>Step(p, g·s)</c>, and
/// <c>Step(ParameterSet)</c> over buffers is <c>Step</c> over their concatenation. Neither allocates.
/// </summary>
public class StepOverloadTests
{
    public static TheoryData<Type> Fixed => ContractTests.Fixed;

    public static TheoryData<Type> Sized => ContractTests.Sized;

    [Theory]
    [MemberData(nameof(Fixed))]
    public void Scaled_and_multi_buffer_steps_equal_the_plain_step_bit_for_bit(Type optimizer) =>
        Parity.Invoke(typeof(StepOverloadTests), nameof(OverloadsEqualPlainStep), optimizer);

    [Theory]
    [MemberData(nameof(Sized))]
    public void Scaled_and_multi_buffer_steps_equal_the_plain_step_bit_for_bit_when_constructor_sized(Type optimizer) =>
        Parity.Invoke(typeof(StepOverloadTests), nameof(OverloadsEqualPlainStep), optimizer, 41);

    private static void OverloadsEqualPlainStep<TOptimizer, T>(Func<TOptimizer> create)
        where TOptimizer : IOptimizer<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        TOptimizer plain = create(), scaled = create(), multi = create();
        int n = plain.ParameterCount;
        T[] p1 = Parity.InitialParameters<T>(n, 5), p2 = [.. p1], p3 = [.. p1];
        T scale = T.CreateChecked(0.37);

        // Three buffers of uneven lengths (one may be empty-free only when n ≥ 3).
        int first = Math.Max(1, n / 3), second = Math.Max(1, (n - first) / 2);
        int[] lengths = n >= 3 ? [first, second, n - first - second] : [n];
        T[][] bufferParameters = lengths.Select(_ => Array.Empty<T>()).ToArray();
        T[][] bufferGradients = lengths.Select(length => new T[length]).ToArray();
        int offset = 0;
        for (int k = 0; k < lengths.Length; k++)
        {
            bufferParameters[k] = p3.AsSpan(offset, lengths[k]).ToArray();
            offset += lengths[k];
        }

        var set = new ParameterSet<T>([.. lengths.Select((_, k) => ((Memory<T>)bufferParameters[k], (Memory<T>)bufferGradients[k]))]);
        Assert.Equal(n, set.TotalLength);

        foreach (T[] gradients in Parity.Gradients<T>(n, 30, 5))
        {
            T[] prescaled = [.. gradients.Select(g => g * scale)];
            plain.Step(p1, prescaled);
            scaled.Step(p2, gradients, scale);
            offset = 0;
            for (int k = 0; k < lengths.Length; k++)
            {
                gradients.AsSpan(offset, lengths[k]).CopyTo(bufferGradients[k]);
                offset += lengths[k];
            }

            multi.Step(set, scale);
            Assert.True(p1.AsSpan().SequenceEqual(p2), $"{typeof(TOptimizer).Name}: Step(p, g, s) differs from Step(p, g·s)");
            T[] joined = [.. bufferParameters.SelectMany(buffer => buffer)];
            Assert.True(p1.AsSpan().SequenceEqual(joined), $"{typeof(TOptimizer).Name}: Step(ParameterSet) differs from the flat step");
        }

        // Allocation-free once warm: some round of steps allocated nothing.
        long fewest = long.MaxValue;
        T[] someGradients = Parity.Gradients<T>(n, 1, 9)[0];
        for (int attempt = 0; attempt < 5 && fewest > 0; attempt++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 100; i++)
            {
                scaled.Step(p2, someGradients, scale);
                multi.Step(set, scale);
            }

            fewest = Math.Min(fewest, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        Assert.Equal(0, fewest);
    }

    [Fact]
    public void A_parameter_set_of_another_size_is_refused_naming_both_sizes()
    {
        var optimizer = new AdamPlainD();
        var set = new ParameterSet<double>((new double[3], new double[3]), (new double[3], new double[3]));
        var error = Assert.Throws<ArgumentException>(() => optimizer.Step(set));
        Assert.Contains("6 parameters", error.Message);
        Assert.Contains("ParameterCount = 5", error.Message);
    }

    [Fact]
    public void A_parameter_set_refuses_buffers_of_unequal_length()
    {
        var error = Assert.Throws<ArgumentException>(() => new ParameterSet<float>((new float[3], new float[2])));
        Assert.Contains("3 parameters but 2 gradients", error.Message);
    }

    [Fact]
    public void A_struct_made_with_default_refuses_to_step_and_says_to_use_new()
    {
        AdamStructD[] array = new AdamStructD[2];
        double[] parameters = [1, 2, 3];
        var error = Assert.Throws<InvalidOperationException>(() => array[0].Step(parameters, [0.1, 0.2, 0.3]));
        Assert.Contains("new AdamStructD()", error.Message);
        Assert.Equal([1.0, 2, 3], parameters);

        array[1] = new AdamStructD();
        array[1].Step(parameters, [0.1, 0.2, 0.3]);
        Assert.NotEqual([1.0, 2, 3], parameters);
    }
}

using OptGen.Generator.Tests.Infrastructure;

namespace OptGen.Generator.Tests;

/// <summary>
/// Runs generated code. Every parameter is updated independently of the others, so a vectorized optimizer
/// over N parameters must give, bit for bit, what N straight-line optimizers over one parameter give:
/// this checks the SIMD loops and the scalar tail against the unrolled code, in every kind and option.
/// </summary>
public sealed class CompileAndRunTests
{
    private const int Count = 37; // several vectors of every width, and a tail

    [Theory]
    [InlineData("Sgd", "WeightDecay = 0.01")]
    [InlineData("Momentum", "Dampening = 0.2, Maximize = true")]
    [InlineData("Nesterov", "Momentum = 0.7")]
    [InlineData("Adagrad", "LrDecay = 0.05, InitialAccumulatorValue = 0.1")]
    [InlineData("RMSProp", "Centered = true, Momentum = 0.5")]
    [InlineData("RMSProp", "Alpha = 0.9")]
    [InlineData("Adam", "Amsgrad = true, WeightDecay = 0.1")]
    [InlineData("Adam", "Beta1 = 0.5, Beta2 = 0.9")]
    [InlineData("AdamW", "Amsgrad = true, WeightDecay = 0.1, Maximize = true")]
    [InlineData("Adamax", "WeightDecay = 0.1, Epsilon = 1e-3")]
    [InlineData("NAdam", "MomentumDecay = 0.05, WeightDecay = 0.1, DecoupledWeightDecay = true")]
    [InlineData("NAdam", "WeightDecay = 0.1, Maximize = true")]
    [InlineData("RAdam", "Beta2 = 0.9, WeightDecay = 0.1")]
    [InlineData("RAdam", "Beta2 = 0.9, WeightDecay = 0.1, DecoupledWeightDecay = true, Maximize = true")]
    [InlineData("Adadelta", "Rho = 0.8, WeightDecay = 0.1")]
    [InlineData("Rprop", "EtaMinus = 0.3, EtaPlus = 1.5, MinStepSize = 1e-3, MaxStepSize = 0.2, Maximize = true")]
    public void Vector_loops_equal_straight_line_code_bit_for_bit(string kind, string options)
    {
        foreach (string element in new[] { "double", "float" })
        {
            string common = $"Kind.{kind}, LearningRate = 0.05, ElementType = typeof({element}), {options}";
            (_, var output) = GeneratorHarness.GenerateAndCompile(
                $"using OptGen; [Optimizer({common})] public partial class Wide; [Optimizer({common}, Params = 1)] public partial class Single;");

            // The JIT keeps only the widest accelerated branch, so the narrower ones run only with the wider ones
            // switched off: the same generated code with its dispatch conditions set to false.
            foreach (string[] disabled in s_narrowerWidths)
            {
                using LoadedAssembly assembly = GeneratorHarness.Load(GeneratorHarness.WithVectorWidthsDisabled(output, disabled));
                if (element == "double")
                {
                    Compare<double>(assembly);
                }
                else
                {
                    Compare<float>(assembly);
                }
            }
        }
    }

    /// <summary>The machine's widest vectors; then at most 256 bits; then at most 128 bits.</summary>
    private static readonly string[][] s_narrowerWidths = [[], ["Vector512"], ["Vector512", "Vector256"]];

    private static void Compare<T>(LoadedAssembly assembly)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        var wide = assembly.Create<IOptimizer<T>>("Wide", Count);
        var singles = Enumerable.Range(0, Count).Select(_ => assembly.Create<IOptimizer<T>>("Single")).ToArray();
        var random = new Random(7);
        T[] parameters = [.. Enumerable.Range(0, Count).Select(_ => T.CreateChecked(random.NextDouble() * 4 - 2))];
        T[] separate = [.. parameters];
        var gradients = new T[Count];

        for (int step = 0; step < 50; step++)
        {
            for (int i = 0; i < Count; i++)
            {
                gradients[i] = T.CreateChecked(random.NextDouble() * 2 - 1);
            }

            wide.Step(parameters, gradients);
            for (int i = 0; i < Count; i++)
            {
                singles[i].Step(separate.AsSpan(i, 1), gradients.AsSpan(i, 1));
            }

            Assert.Equal(separate, parameters);
        }
    }

    [Theory]
    [InlineData("Adam", "float", "Amsgrad = true")]
    [InlineData("Momentum", "double", "Dampening = 0.5")]
    [InlineData("RMSProp", "float", "Centered = true, Momentum = 0.5")]
    [InlineData("NAdam", "double", "WeightDecay = 0.1, DecoupledWeightDecay = true")]
    [InlineData("Rprop", "float", "Maximize = true")]
    [InlineData("RAdam", "float", "Beta2 = 0.9")]
    public void Parallel_steps_equal_single_threaded_steps_bit_for_bit_and_allocate_nothing(string kind, string element, string options)
    {
        const int count = 100_003; // several chunks per core, and an odd tail
        string common = $"Kind.{kind}, LearningRate = 0.01, ElementType = typeof({element}), {options}";
        (_, var output) = GeneratorHarness.GenerateAndCompile(
            $"using OptGen; [Optimizer({common}, Parallel = true)] public partial class Split; [Optimizer({common})] public partial class Whole;");
        using LoadedAssembly assembly = GeneratorHarness.Load(output);
        if (element == "double")
        {
            CompareParallel<double>(assembly, count);
        }
        else
        {
            CompareParallel<float>(assembly, count);
        }
    }

    private static void CompareParallel<T>(LoadedAssembly assembly, int count)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        var split = assembly.Create<IOptimizer<T>>("Split", count);
        var whole = assembly.Create<IOptimizer<T>>("Whole", count);
        var random = new Random(11);
        T[] parallel = [.. Enumerable.Range(0, count).Select(_ => T.CreateChecked(random.NextDouble() - 0.5))];
        T[] serial = [.. parallel];
        var gradients = new T[count];
        // The runtime itself may allocate on a thread now and then (tiered compilation, a busy machine), so the
        // assertion is that some step after the first allocated nothing, which an allocation per step never could.
        long fewest = long.MaxValue;
        for (int step = 0; step < 6; step++)
        {
            for (int i = 0; i < count; i++)
            {
                gradients[i] = T.CreateChecked(random.NextDouble() * 2 - 1);
            }

            long before = GC.GetAllocatedBytesForCurrentThread();
            split.Step(parallel, gradients);
            if (step > 0)
            {
                fewest = Math.Min(fewest, GC.GetAllocatedBytesForCurrentThread() - before);
            }

            whole.Step(serial, gradients);
            Assert.True(serial.AsSpan().SequenceEqual(parallel), $"The parallel step differs at step {step + 1}.");
        }

        Assert.Equal(0, fewest);
    }
}

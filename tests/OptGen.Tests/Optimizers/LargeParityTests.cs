using System.Numerics;
using OptGen.Tests.Reference;
using TorchSharp.Modules;
using Xunit;

namespace OptGen.Tests.Optimizers;

[Optimizer(Kind.Adam, LearningRate = 0.03, Amsgrad = true, WeightDecay = 0.01, ElementType = typeof(float), Parallel = true)]
internal partial class AdamParallelF;

[Optimizer(Kind.RMSProp, LearningRate = 0.01, Centered = true, Momentum = 0.4, Parallel = true)]
internal partial class RmsPropParallelD;

/// <summary>
/// Parity at large sizes, where generated code is one vectorized pass (and, with Parallel, split across the
/// cores): 10,000 parameters, and 1,000,003, an odd size that leaves a scalar tail after the vectors. The
/// generated optimizer and torch step in lockstep; every parameter is compared after every step.
/// </summary>
public class LargeParityTests
{
    [Theory]
    [InlineData(typeof(SgdSizedD))]
    [InlineData(typeof(SgdSizedF))]
    [InlineData(typeof(MomentumSizedD))]
    [InlineData(typeof(MomentumSizedF))]
    [InlineData(typeof(NesterovSizedD))]
    [InlineData(typeof(NesterovSizedF))]
    [InlineData(typeof(AdagradSizedD))]
    [InlineData(typeof(AdagradSizedF))]
    [InlineData(typeof(RmsPropSizedD))]
    [InlineData(typeof(RmsPropSizedF))]
    [InlineData(typeof(AdamSizedD))]
    [InlineData(typeof(AdamSizedF))]
    public void Ten_thousand_parameters_match_torch(Type optimizer) =>
        Parity.Invoke(typeof(LargeParityTests), nameof(Lockstep), optimizer, 10_000);

    [Theory]
    [InlineData(typeof(SgdSizedD))]
    [InlineData(typeof(MomentumSizedF))]
    [InlineData(typeof(NesterovSizedD))]
    [InlineData(typeof(AdagradSizedF))]
    [InlineData(typeof(RmsPropSizedD))]
    [InlineData(typeof(AdamSizedF))]
    [InlineData(typeof(AdamSizedD))]
    [InlineData(typeof(AdamParallelF))]
    [InlineData(typeof(RmsPropParallelD))]
    public void A_million_and_three_parameters_match_torch(Type optimizer) =>
        Parity.Invoke(typeof(LargeParityTests), nameof(Lockstep), optimizer, 1_000_003);

    private static void Lockstep<TOptimizer, T>(Func<TOptimizer> create)
        where TOptimizer : IOptimizer<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        TOptimizer optimizer = create();
        int count = optimizer.ParameterCount;
        int steps = count > 100_000 ? 25 : 100;
        TorchOptimizerOptions options = TorchOptimizerOptions.For<TOptimizer>();
        bool negate = TorchReference.NegatesGradientForMaximize(options);

        T[] parameters = Parity.InitialParameters<T>(count, Parity.DefaultSeed);
        // One seeded Gaussian vector, rotated and rescaled each step: cheap at a million parameters, and every
        // parameter still sees gradients that change in size and sign over the run.
        T[] basis = Parity.Gradients<T>(count, 1, Parity.DefaultSeed)[0];
        var gradients = new T[count];

        using var parameter = new Parameter(TorchReference.ToTensor(parameters), requires_grad: true);
        using var torchOptimizer = TorchReference.Create(options, [parameter]);
        double tolerance = Parity.ToleranceOf<T>();
        for (int t = 0; t < steps; t++)
        {
            T scale = T.CreateChecked(0.05 + 2.0 * Math.Abs(Math.Sin(t / 3.0)));
            int shift = (int)((7919L * t) % count);
            for (int i = 0; i < count; i++)
            {
                gradients[i] = basis[(i + shift) % count] * scale;
            }

            optimizer.Step(parameters, gradients);
            TorchReference.Step(torchOptimizer, parameter, gradients, negate);
            Parity.AssertCloseAfterStep(parameter.data<T>().ToArray(), parameters, tolerance, $"{typeof(TOptimizer).Name} ({count} parameters) vs torch", t + 1);
        }

        Assert.Equal(steps, optimizer.StepCount);
    }
}

using System.Numerics;
using OptGen.Tests.Reference;
using Xunit;

namespace OptGen.Tests.Optimizers;

[Optimizer(Kind.Adam, Params = 5, LearningRate = 0.05, ClipGradNorm = 1.0)]
internal partial class AdamClipNormD;

[Optimizer(Kind.Adam, Params = 5, LearningRate = 0.05, ClipGradNorm = 1.0, ElementType = typeof(float))]
internal partial class AdamClipNormF;

[Optimizer(Kind.Momentum, LearningRate = 0.05, ClipGradNorm = 2.0, WeightDecay = 0.01)]
internal partial class MomentumClipNormSizedD;

[Optimizer(Kind.AdamW, Params = 100, LearningRate = 0.01, ClipGradNorm = 5.0, ElementType = typeof(float))]
internal partial class AdamWClipNormLargeF;

[Optimizer(Kind.Lion, Params = 4, LearningRate = 0.01, ClipGradNorm = 1.5, Maximize = true)]
internal partial class LionClipNormD;

[Optimizer(Kind.RAdam, Params = 4, LearningRate = 0.05, ClipGradNorm = 1.0, ElementType = typeof(float))]
internal partial class RAdamClipNormF;

[Optimizer(Kind.Adam, Params = 5, LearningRate = 0.05, ClipGradValue = 0.5)]
internal partial class AdamClipValueD;

[Optimizer(Kind.RMSProp, LearningRate = 0.01, ClipGradValue = 0.3, ElementType = typeof(float))]
internal partial class RmsPropClipValueSizedF;

[Optimizer(Kind.Adadelta, Params = 40, ClipGradValue = 1.0, Maximize = true)]
internal partial class AdadeltaClipValueLargeD;

[Optimizer(Kind.Adam, LearningRate = 0.05, ClipGradNorm = 1.0, Parallel = true, ElementType = typeof(float))]
internal partial class AdamClipNormParallelF;

/// <summary>
/// ClipGradNorm and ClipGradValue are torch.nn.utils.clip_grad_norm_ / clip_grad_value_ followed by step() (the
/// reference: TorchSharp's, which call libtorch's), on gradients whose norm swings from about 0.1 to 4.6, so
/// clipping acts on some steps and not on others.
/// </summary>
public class ClippingParityTests
{
    [Theory]
    [InlineData(typeof(AdamClipNormD))]
    [InlineData(typeof(AdamClipNormF))]
    [InlineData(typeof(AdamWClipNormLargeF))]
    [InlineData(typeof(LionClipNormD))]
    [InlineData(typeof(RAdamClipNormF))]
    [InlineData(typeof(AdamClipValueD))]
    [InlineData(typeof(AdadeltaClipValueLargeD))]
    public void Clipping_then_stepping_matches_torch(Type optimizer) => Parity.CheckType(optimizer);

    [Theory]
    [InlineData(typeof(MomentumClipNormSizedD))]
    [InlineData(typeof(RmsPropClipValueSizedF))]
    [InlineData(typeof(AdamClipNormParallelF))]
    public void Clipping_then_stepping_matches_torch_when_constructor_sized(Type optimizer) => Parity.CheckType(optimizer, 37);

    [Fact]
    public void Clipping_triggers_on_some_steps_and_not_on_others()
    {
        double[][] gradients = Parity.Gradients<double>(5, Parity.Steps, Parity.DefaultSeed);
        int clipped = gradients.Count(g => Math.Sqrt(g.Sum(x => x * x)) > 1.0);
        Assert.InRange(clipped, 10, Parity.Steps - 10);
    }

    [Fact]
    public void The_callers_gradients_are_unchanged_and_a_clipped_step_allocates_nothing()
    {
        var optimizer = new AdamClipNormParallelF(70_000);
        float[] parameters = Parity.InitialParameters<float>(70_000, 4);
        float[] gradients = [.. Parity.Gradients<float>(70_000, 1, 4)[0].Select(g => g * 100)];
        float[] copy = [.. gradients];
        long fewest = long.MaxValue;
        for (int attempt = 0; attempt < 6; attempt++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            optimizer.Step(parameters, gradients);
            fewest = attempt == 0 ? fewest : Math.Min(fewest, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        Assert.Equal(copy, gradients);
        Assert.Equal(0, fewest);
    }

    [Fact]
    public void The_norm_is_the_same_bit_for_bit_in_one_span_or_many()
    {
        float[] gradients = Parity.Gradients<float>(1_003, 1, 12)[0];
        var whole = new GradientNorm<float>();
        whole.Add(gradients, 0.5f);
        var pieces = new GradientNorm<float>();
        foreach (int[] range in new[] { new[] { 0, 3 }, [3, 500], [500, 501], [501, 1_003] })
        {
            pieces.Add(gradients.AsSpan(range[0], range[1] - range[0]), 0.5f);
        }

        Assert.Equal(whole.Norm, pieces.Norm);
        Assert.Equal(1_003, pieces.Count);
        double expected = Math.Sqrt(gradients.Sum(g => (double)(g * 0.5f) * (g * 0.5f)));
        Assert.Equal(expected, whole.Norm, 1e-12);
        Assert.Equal(1f, new GradientNorm<float>().ClipCoefficient(1.0));
    }
}

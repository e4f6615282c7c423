using OptGen.Distributed.Sharding;
using OptGen.Reference;
using TorchSharp;
using static TorchSharp.torch;

namespace OptGen.Distributed.Tests.Sharding;

/// <summary>
/// Global-norm clipping across shards against libtorch: the mean of the ranks' gradients, clipped by
/// torch.nn.utils.clip_grad_norm_, then torch.optim.Adam's step.
/// </summary>
public sealed class ClippingTorchTests
{
    [Theory]
    [InlineData(3, 0.5)]    // clips (the norm of the mean gradient is about 5)
    [InlineData(2, 1000)]   // does not
    public void ShardedClippingAndAdam_MatchTorch(int ranks, double maxNorm)
    {
        TorchSharpNative.EnsureLoaded();
        const int parameters = 77;
        var sharded = new SimulatedShardedOptimizer<double, AdamDouble>(ranks, parameters, n => new AdamDouble(n), maxNorm);
        double[] ours = SimulatedShardedOptimizerTests.RandomDouble(3, parameters);
        using var theirs = new TorchSharp.Modules.Parameter(tensor((double[])ours.Clone(), dtype: ScalarType.Float64), requires_grad: true);
        using var adam = optim.Adam([theirs], lr: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-8, weight_decay: 0, amsgrad: false, maximize: false);
        for (int step = 0; step < 4; step++)
        {
            var mean = new double[parameters];
            for (int r = 0; r < ranks; r++)
            {
                double[] gradient = SimulatedShardedOptimizerTests.RandomDouble((ulong)(10 * step + r), parameters);
                gradient.CopyTo(sharded.Gradient(r));
                for (int i = 0; i < parameters; i++)
                {
                    mean[i] += gradient[i] / ranks;
                }
            }

            sharded.Step(ours, 1.0 / ranks);
            using (var grad = tensor(mean, dtype: ScalarType.Float64))
            {
                theirs.grad = grad;
                nn.utils.clip_grad_norm_([theirs], maxNorm);
                adam.step();
            }

            double[] expected = theirs.data<double>().ToArray();
            for (int i = 0; i < parameters; i++)
            {
                Assert.Equal(expected[i], ours[i], 1e-12);
            }
        }
    }
}

using TorchSharp;
using TorchSharp.Modules;
using Xunit;
using static TorchSharp.torch;

namespace OptGen.TorchSharp.Tests;

/// <summary>
/// A TorchSharp model trained through the bridge with a generated optimizer ends where the same run with torch.optim
/// ends: an MLP and a small convolutional net, 120 steps, AdamW, Adam and SGD with momentum, in float.
/// </summary>
public class BridgeParityTests
{
    private const int Steps = 120;
    private const int BatchSize = 16;

    public static TheoryData<string, string> Cases => new()
    {
        { "mlp", "adamw" }, { "mlp", "adam" }, { "mlp", "momentum" },
        { "conv", "adamw" }, { "conv", "adam" }, { "conv", "momentum" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void TrainingThroughTheBridgeEqualsTorchOptim(string modelName, string optimizerName)
    {
        TorchForTests.Load();
        using var scope = NewDisposeScope();
        Func<nn.Module<Tensor, Tensor>> create = modelName == "mlp" ? () => Models.Mlp(7) : () => Models.ConvNet(7);
        (Tensor x, Tensor y) = modelName == "mlp" ? Models.Data(8, 64, 20) : Models.Data(8, 64, 1, 8, 8);

        nn.Module<Tensor, Tensor> theirs = create();
        using optim.Optimizer torchOptimizer = optimizerName switch
        {
            "adamw" => optim.AdamW(theirs.parameters(), lr: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-8, weight_decay: 0.01),
            "adam" => optim.Adam(theirs.parameters(), lr: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-8, weight_decay: 0),
            _ => optim.SGD(theirs.parameters(), 0.05, momentum: 0.9, dampening: 0, weight_decay: 0, nesterov: false),
        };

        nn.Module<Tensor, Tensor> ours = create();
        using var parameters = TorchParameters<float>.From(ours);
        IOptimizer<float> optimizer = optimizerName switch
        {
            "adamw" => new BridgeAdamW(parameters.TotalLength),
            "adam" => new BridgeAdam(parameters.TotalLength),
            _ => new BridgeMomentum(parameters.TotalLength),
        };
        Assert.Equal(Models.Values(theirs).SelectMany(v => v), Models.Values(ours).SelectMany(v => v)); // the same start

        for (int step = 0; step < Steps; step++)
        {
            using var stepScope = NewDisposeScope();
            (Tensor xb, Tensor yb) = BatchOf(x, y, step);

            torchOptimizer.zero_grad();
            nn.functional.cross_entropy(theirs.forward(xb), yb).backward();
            torchOptimizer.step();

            parameters.ZeroGrad();
            nn.functional.cross_entropy(ours.forward(xb), yb).backward();
            Assert.True(parameters.Step(optimizer));
        }

        Assert.Equal(Steps, optimizer.StepCount);
        AssertClose(Models.Values(theirs), Models.Values(ours), 1e-5);
        float moved = Models.Values(ours).Zip(Models.Values(create())).Max(p => p.First.Zip(p.Second).Max(v => Math.Abs(v.First - v.Second)));
        Assert.True(moved > 1e-2, $"training moved the parameters by {moved} only");
    }

    [Fact]
    public void GroupsThroughTheBridgeEqualTorchParamGroups()
    {
        // torch's usual split: weight decay on the weights, none on the biases (at half the learning rate), one global clip.
        TorchForTests.Load();
        using var scope = NewDisposeScope();
        (Tensor x, Tensor y) = Models.Data(9, 64, 20);
        nn.Module<Tensor, Tensor> theirs = Models.Mlp(10);
        var weights = theirs.named_parameters().Where(p => p.name.EndsWith("weight", StringComparison.Ordinal)).Select(p => p.parameter).ToList();
        var biases = theirs.named_parameters().Where(p => p.name.EndsWith("bias", StringComparison.Ordinal)).Select(p => p.parameter).ToList();
        using optim.Optimizer torchOptimizer = optim.AdamW(
        [
            new AdamW.ParamGroup(weights, 0.01, 0.9, 0.999, 1e-8, 0.01, false, false),
            new AdamW.ParamGroup(biases, 0.005, 0.9, 0.999, 1e-8, 0.0, false, false),
        ]);

        nn.Module<Tensor, Tensor> ours = Models.Mlp(10);
        using var decayed = TorchParameters<float>.From(ours.named_parameters().Where(p => p.name.EndsWith("weight", StringComparison.Ordinal)));
        using var plain = TorchParameters<float>.From(ours.named_parameters().Where(p => p.name.EndsWith("bias", StringComparison.Ordinal)));
        var groups = new ParameterGroups<float>(0.01) { MaxGradientNorm = 0.5 };
        ParameterGroup<float> weightGroup = groups.Add(new BridgeAdamW(decayed.TotalLength), decayed.All, name: "weights");
        ParameterGroup<float> biasGroup = groups.Add(new BridgeAdamWNoDecay(plain.TotalLength), plain.All, 0.5, "biases");

        for (int step = 0; step < Steps; step++)
        {
            using var stepScope = NewDisposeScope();
            (Tensor xb, Tensor yb) = BatchOf(x, y, step);

            torchOptimizer.zero_grad();
            nn.functional.cross_entropy(theirs.forward(xb), yb).backward();
            nn.utils.clip_grad_norm_(theirs.parameters(), 0.5);
            torchOptimizer.step();

            decayed.ZeroGrad();
            plain.ZeroGrad();
            nn.functional.cross_entropy(ours.forward(xb), yb).backward();
            weightGroup.Parameters = decayed.Bind()!;
            biasGroup.Parameters = plain.Bind()!;
            groups.Step();
        }

        AssertClose(Models.Values(theirs), Models.Values(ours), 1e-5);
    }

    // The step-th mini-batch, cycling through the rows.
    private static (Tensor X, Tensor Y) BatchOf(Tensor x, Tensor y, int step)
    {
        long start = step * BatchSize % x.shape[0];
        return (x[TensorIndex.Slice(start, start + BatchSize)], y[TensorIndex.Slice(start, start + BatchSize)]);
    }

    internal static void AssertClose(float[][] expected, float[][] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int k = 0; k < expected.Length; k++)
        {
            for (int i = 0; i < expected[k].Length; i++)
            {
                double allowed = tolerance * Math.Max(1, Math.Abs(expected[k][i]));
                Assert.True(Math.Abs(expected[k][i] - actual[k][i]) <= allowed,
                    $"parameter {k}[{i}]: torch {expected[k][i]:R}, bridge {actual[k][i]:R}");
            }
        }
    }
}

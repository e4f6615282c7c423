using TorchSharp;
using TorchSharp.Modules;
using Xunit;
using static TorchSharp.torch;

namespace OptGen.TorchSharp.Tests;

/// <summary>The bridge steps the tensors' own memory, reads .grad as torch does, skips what has none, and refuses what it cannot step in place.</summary>
public class TorchParametersTests
{
    [Fact]
    public void StepsTheTensorsInPlaceInNamedParametersOrder()
    {
        TorchForTests.Load();
        using var scope = NewDisposeScope();
        nn.Module<Tensor, Tensor> model = Models.Mlp(1);
        using var parameters = TorchParameters<float>.From(model);
        Assert.Equal(6, parameters.Count);
        Assert.Equal(["fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias", "fc3.weight", "fc3.bias"], Enumerable.Range(0, 6).Select(parameters.Name));
        Assert.Equal(20 * 32 + 32 + 32 * 16 + 16 + 16 * 4 + 4, parameters.TotalLength);
        Assert.Equal(20 * 32, parameters.Offset(1));

        // Hand-set gradients; plain SGD with momentum's first step is θ − lr·g.
        Parameter first = parameters[0];
        float before = first.data<float>()[0, 0];
        foreach ((_, Parameter p) in model.named_parameters())
        {
            p.grad = full_like(p, 2f);
        }

        var optimizer = new BridgeMomentum(parameters.TotalLength);
        Assert.True(parameters.Step(optimizer));
        Assert.Equal(before - 0.05f * 2f, first.data<float>()[0, 0]);
        Assert.Same(first, model.parameters().First()); // the model's own tensor, changed in place
    }

    [Fact]
    public void ParametersWithoutAGradientAreSkippedAsTorchDoes()
    {
        // Only the first layer's weight has a gradient for three steps, then every parameter: SGD with momentum through the
        // bridge equals torch's, which keeps a momentum buffer per parameter and starts it at its first gradient.
        TorchForTests.Load();
        using var scope = NewDisposeScope();
        nn.Module<Tensor, Tensor> theirs = Models.Mlp(2), ours = Models.Mlp(2);
        using optim.Optimizer torchOptimizer = optim.SGD(theirs.parameters(), 0.05, momentum: 0.9, dampening: 0, weight_decay: 0, nesterov: false);
        using var parameters = TorchParameters<float>.From(ours);
        var optimizer = new BridgeMomentum(parameters.TotalLength);
        (Tensor x, Tensor y) = Models.Data(3, 16, 20);
        for (int step = 0; step < 8; step++)
        {
            using var stepScope = NewDisposeScope();
            foreach (nn.Module<Tensor, Tensor> model in new[] { theirs, ours })
            {
                model.zero_grad();
                nn.functional.cross_entropy(model.forward(x), y).backward();
                if (step < 3)
                {
                    foreach (Parameter p in model.parameters().Skip(1))
                    {
                        p.grad = null;
                    }
                }
            }

            torchOptimizer.step();
            Assert.True(parameters.Step(optimizer));
        }

        BridgeParityTests.AssertClose(Models.Values(theirs), Models.Values(ours), 1e-6);
    }

    [Fact]
    public void NoGradientAtAllStepsNothing()
    {
        TorchForTests.Load();
        using var scope = NewDisposeScope();
        nn.Module<Tensor, Tensor> model = Models.Mlp(4);
        using var parameters = TorchParameters<float>.From(model);
        var optimizer = new BridgeAdam(parameters.TotalLength);
        float[][] before = Models.Values(model);
        Assert.False(parameters.Step(optimizer));
        Assert.Equal(0, optimizer.StepCount);
        Assert.Equal(before.SelectMany(v => v), Models.Values(model).SelectMany(v => v));
    }

    [Fact]
    public void ZeroGradSetsToNoneOrToZero()
    {
        TorchForTests.Load();
        using var scope = NewDisposeScope();
        nn.Module<Tensor, Tensor> model = Models.Mlp(5);
        using var parameters = TorchParameters<float>.From(model);
        (Tensor x, Tensor y) = Models.Data(6, 8, 20);
        nn.functional.cross_entropy(model.forward(x), y).backward();
        parameters.ZeroGrad(setToNone: false);
        Assert.All(model.parameters(), p => Assert.Equal(0f, p.grad!.abs().max().ToSingle()));
        parameters.ZeroGrad();
        Assert.All(model.parameters(), p => Assert.Null(p.grad));
    }

    [Fact]
    public void FrozenParametersAreLeftOut()
    {
        TorchForTests.Load();
        using var scope = NewDisposeScope();
        nn.Module<Tensor, Tensor> model = Models.Mlp(11);
        model.parameters().First().requires_grad = false;
        using var parameters = TorchParameters<float>.From(model);
        Assert.Equal(5, parameters.Count);
        Assert.Equal("fc1.bias", parameters.Name(0));
    }

    [Fact]
    public void WhatCannotBeSteppedInPlaceIsRefusedByName()
    {
        TorchForTests.Load();
        using var scope = NewDisposeScope();
        var doubles = new Parameter(zeros(3, dtype: ScalarType.Float64));
        var error = Assert.Throws<ArgumentException>(() => TorchParameters<float>.From([("w", doubles)]));
        Assert.Contains("'w'", error.Message);
        Assert.Contains("Float64", error.Message);
        Assert.Contains("typeof(double)", error.Message);

        var halves = new Parameter(zeros(3, dtype: ScalarType.Float16));
        Assert.Contains("float32 and float64 only", Assert.Throws<ArgumentException>(() => TorchParameters<float>.From([("h", halves)])).Message);

        var transposed = new Parameter(zeros(3, 4).t());
        Assert.False(transposed.is_contiguous());
        Assert.Contains("not contiguous", Assert.Throws<ArgumentException>(() => TorchParameters<float>.From([("t", transposed)])).Message);

        var meta = new Parameter(empty(3, device: new Device(DeviceType.META)));
        Assert.Contains("OptGen steps CPU memory", Assert.Throws<ArgumentException>(() => TorchParameters<float>.From([("m", meta)])).Message);

        using var ok = TorchParameters<double>.From([("w", doubles)]);
        Assert.Contains("steps 5", Assert.Throws<ArgumentException>(() => ok.Step(new BridgeMomentumDouble(5))).Message);

        doubles.grad = zeros(3, dtype: ScalarType.Float32);
        Assert.Contains("gradient of 'w'", Assert.Throws<ArgumentException>(() => ok.Step(new BridgeMomentumDouble(3))).Message);
        Assert.Throws<ArgumentException>(() => TorchParameters<float>.From([("a", halves), ("a", halves)]));

        var tied = new Parameter(zeros(6));
        var view = new Parameter(tied.narrow(0, 2, 3));
        var tiedError = Assert.Throws<ArgumentException>(() => TorchParameters<float>.From([("embedding", tied), ("decoder", tied)]));
        Assert.Contains("'decoder' shares its memory with 'embedding'", tiedError.Message);
        Assert.Contains("shares its memory", Assert.Throws<ArgumentException>(() => TorchParameters<float>.From([("whole", tied), ("part", view)])).Message);
    }
}

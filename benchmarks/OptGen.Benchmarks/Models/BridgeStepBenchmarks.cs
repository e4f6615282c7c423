using BenchmarkDotNet.Attributes;
using OptGen.Benchmarks.Torch;
using OptGen.TorchSharp;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace OptGen.Benchmarks.Models;

/// <summary>
/// The optimizer step alone over a TorchSharp model whose gradients are set once: torch.optim's <c>step()</c>
/// (libtorch, on one thread and on its default threads) against a generated optimizer stepping the same tensors in place through the
/// OptGen.TorchSharp bridge (one thread). Two models: the Fashion-MNIST MLP (784-256-128-10, 235,146 parameters in 6
/// tensors) and a wide one (784-4096-2048-10, 11.6M parameters in 6 tensors).
/// </summary>
[MemoryDiagnoser]
public class BridgeStep
{
    private nn.Module<Tensor, Tensor> _theirs = null!;
    private nn.Module<Tensor, Tensor> _ours = null!;
    private optim.Optimizer _torchOptimizer = null!;
    private TorchParameters<float> _parameters = null!;
    private IOptimizer<float> _optimizer = null!;

    /// <summary>The model.</summary>
    [Params("mlp-235K", "mlp-11.6M")]
    public string Model { get; set; } = "mlp-235K";

    /// <summary>The update rule.</summary>
    [Params(Kind.AdamW, Kind.Momentum)]
    public Kind Rule { get; set; }

    /// <summary>libtorch's intra-op threads: 1, or 0 for its default (one per core). The bridge steps on one thread either way.</summary>
    [Params(1, 0)]
    public int TorchThreads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        TorchStep.UseThreads(TorchThreads == 0 ? null : TorchThreads);
        _theirs = Create(Model);
        _ours = Create(Model);
        foreach (nn.Module<Tensor, Tensor> model in new[] { _theirs, _ours })
        {
            random.manual_seed(2);
            foreach (Parameter p in model.parameters())
            {
                p.grad = randn_like(p);
            }
        }

        _torchOptimizer = Rule == Kind.AdamW
            ? optim.AdamW(_theirs.parameters(), lr: 1e-3, beta1: 0.9, beta2: 0.999, eps: 1e-8, weight_decay: 1e-2)
            : optim.SGD(_theirs.parameters(), 0.01, momentum: 0.9, dampening: 0, weight_decay: 0, nesterov: false);
        _parameters = TorchParameters<float>.From(_ours);
        _optimizer = Rule == Kind.AdamW ? new ModelAdamW(_parameters.TotalLength) : new ModelMomentum(_parameters.TotalLength);
    }

    [Benchmark(Baseline = true, Description = "torch.optim step")]
    public void TorchOptim() => _torchOptimizer.step();

    [Benchmark(Description = "OptGen through the bridge")]
    public bool OptGenBridge() => _parameters.Step(_optimizer);

    [GlobalCleanup]
    public void Cleanup()
    {
        _parameters.Dispose();
        _torchOptimizer.Dispose();
        _theirs.Dispose();
        _ours.Dispose();
    }

    /// <summary>The benchmark's models, identical for both competitors.</summary>
    public static nn.Module<Tensor, Tensor> Create(string model)
    {
        random.manual_seed(1);
        (int first, int second) = model == "mlp-235K" ? (256, 128) : (4096, 2048);
        return nn.Sequential(
            ("fc1", nn.Linear(784, first)), ("relu1", nn.ReLU()),
            ("fc2", nn.Linear(first, second)), ("relu2", nn.ReLU()),
            ("fc3", nn.Linear(second, 10)));
    }
}

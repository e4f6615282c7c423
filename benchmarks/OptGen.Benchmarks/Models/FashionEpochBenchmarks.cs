using BenchmarkDotNet.Attributes;
using OptGen.Benchmarks.Torch;
using OptGen.Data;
using OptGen.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace OptGen.Benchmarks.Models;

/// <summary>
/// One epoch of the Fashion-MNIST MLP (784-256-128-10, ReLU, softmax cross-entropy, Adam, shuffled mini-batches of
/// 128 over 60,000 images): OptGen's runtime (<see cref="MlpClassifier{T}"/> and a generated Adam, one thread) against
/// the same network in TorchSharp (nn.Sequential, torch.optim.Adam) on one thread and on libtorch's default threads.
/// </summary>
/// <remarks>
/// The images are Fashion-MNIST's when Debian's <c>dataset-fashion-mnist</c> is installed, else random pixels of the
/// same shape (an epoch's cost does not depend on the pixels' values; the setup says which it used).
/// An epoch takes seconds, so one warm-up and three measured epochs (one invocation each) are enough.
/// </remarks>
[MemoryDiagnoser]
[WarmupCount(1)]
[IterationCount(3)]
public class FashionEpoch
{
    private const int BatchSize = 128;
    private Dataset<float> _data = null!;
    private MlpClassifier<float> _model = null!;
    private float[] _parameters = null!;
    private float[] _gradient = null!;
    private ModelAdam _optimizer = null!;
    private BatchPlan<float> _plan = null!;
    private Tensor _x = null!;
    private Tensor _y = null!;
    private nn.Module<Tensor, Tensor> _torchModel = null!;
    private optim.Optimizer _torchOptimizer = null!;

    [GlobalSetup]
    public void Setup()
    {
        _data = Load();
        _model = new MlpClassifier<float>(784, [256, 128], 10);
        _parameters = _model.CreateParameters(1);
        _gradient = new float[_model.ParameterCount];
        _optimizer = new ModelAdam(_model.ParameterCount);
        _plan = new BatchPlan<float>(_data, Batching.MiniBatch(BatchSize), 3);

        TorchStep.UseThreads(null);
        _x = tensor(_data.AllFeatures.ToArray()).reshape(_data.Count, 784);
        _y = tensor(_data.Targets.ToArray().Select(v => (long)v).ToArray());
        random.manual_seed(1);
        _torchModel = nn.Sequential(("fc1", nn.Linear(784, 256)), ("relu1", nn.ReLU()), ("fc2", nn.Linear(256, 128)), ("relu2", nn.ReLU()), ("fc3", nn.Linear(128, 10)));
        _torchOptimizer = optim.Adam(_torchModel.parameters(), lr: 1e-3);
    }

    [Benchmark(Baseline = true, Description = "OptGen runtime (1 thread)")]
    public float OptGen()
    {
        _plan.BeginEpoch();
        float loss = 0;
        for (int b = 0; b < _plan.BatchCount; b++)
        {
            loss = _model.ComputeLossAndGradient(_parameters, _plan.GetBatch(b), _gradient);
            _optimizer.Step(_parameters, _gradient);
        }

        return loss;
    }

    [Benchmark(Description = "TorchSharp, 1 thread")]
    public float TorchOneThread()
    {
        TorchStep.UseThreads(1);
        return TorchEpoch();
    }

    [Benchmark(Description = "TorchSharp, default threads")]
    public float TorchDefaultThreads()
    {
        TorchStep.UseThreads(null);
        return TorchEpoch();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _torchOptimizer.Dispose();
        _torchModel.Dispose();
        _x.Dispose();
        _y.Dispose();
    }

    private float TorchEpoch()
    {
        using var scope = NewDisposeScope();
        Tensor order = randperm(_data.Count);
        float loss = 0;
        for (long start = 0; start < _data.Count; start += BatchSize)
        {
            using var step = NewDisposeScope();
            Tensor rows = order[TensorIndex.Slice(start, Math.Min(start + BatchSize, _data.Count))];
            _torchOptimizer.zero_grad();
            Tensor value = nn.functional.cross_entropy(_torchModel.forward(_x.index_select(0, rows)), _y.index_select(0, rows));
            value.backward();
            _torchOptimizer.step();
            loss = value.item<float>();
        }

        return loss;
    }

    private static Dataset<float> Load()
    {
        if (Mnist.FindFiles(Mnist.DebianFashionFolder, MnistSplit.Train) is not null)
        {
            Console.WriteLine($"// Fashion-MNIST from {Mnist.DebianFashionFolder}");
            return Mnist.Load<float>(Mnist.DebianFashionFolder, MnistSplit.Train);
        }

        Console.WriteLine($"// Fashion-MNIST not installed ({Mnist.DebianInstallCommand}): random pixels of its shape");
        const int rows = 60_000;
        var random = new SeededRandom(4);
        var pixels = new float[rows * 784];
        for (int i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (float)random.NextDouble();
        }

        var labels = new float[rows];
        for (int i = 0; i < rows; i++)
        {
            labels[i] = i % 10;
        }

        return new Dataset<float>(pixels, labels, 784);
    }
}

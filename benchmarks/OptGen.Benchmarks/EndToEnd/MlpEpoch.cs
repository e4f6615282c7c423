using BenchmarkDotNet.Attributes;
using OptGen.Benchmarks.Optimizers;
using OptGen.Data;
using OptGen.Models;
using OptGen.Training;

namespace OptGen.Benchmarks.EndToEnd;

/// <summary>
/// One epoch of the demo's MLP case through the runtime's trainer: 2-16-16-1 with tanh, 300 half-moon points,
/// mini-batches of 32 (10 steps), Adam; each step runs the non-finite guard (batch loss, gradient, parameters, and
/// the optimizer's state, which means a copy of Adam's 674 moments and a scan). Comparing this with a build without
/// the state check measures what that check costs; the epoch's end (loss over the training set) is included.
/// </summary>
[MemoryDiagnoser]
public class MlpEpoch
{
    private Trainer<double, Mlp<double>, AdamDoubleN> _trainer = null!;

    [GlobalSetup]
    public void Setup()
    {
        var (train, _) = DatasetSplit.TrainTest(SyntheticData.TwoMoons<double>(400, 0.2, 1), 0.25, 1);
        var model = new Mlp<double>(2, [16, 16], Activation.Tanh);
        _trainer = Trainer.Create(model, new AdamDoubleN(model.ParameterCount), train, model.CreateParameters(1), new TrainingOptions
        {
            Epochs = int.MaxValue, // an epoch per invocation for as long as the benchmark runs
            Batching = Batching.MiniBatch(32, shuffle: true),
        });
    }

    [Benchmark(Description = "Trainer epoch, demo MLP, Adam")]
    public int Epoch() => _trainer.RunEpochs(1).Epochs;
}

using BenchmarkDotNet.Attributes;
using OptGen.Benchmarks.Optimizers;
using OptGen.Data;
using OptGen.Models;
using OptGen.Training;

namespace OptGen.Benchmarks.EndToEnd;

/// <summary>
/// What the trainer's optimizer-state guard costs on the demo's MLP case (2-16-16-1 with tanh, 300 half-moon
/// points, mini-batches of 32, Adam): one trainer step — batch loss and gradient, the optimizer's step, and every
/// check of the non-finite guard — beside the state check alone (Adam's 674 moments and header saved into the
/// trainer's buffer, then one vectorized scan), which is what the guard added for issue 9.
/// </summary>
[MemoryDiagnoser]
public class MlpStepGuard
{
    private Trainer<double, Mlp<double>, AdamDoubleN> _trainer = null!;
    private double[] _state = null!;

    [GlobalSetup]
    public void Setup()
    {
        var (train, _) = DatasetSplit.TrainTest(SyntheticData.TwoMoons<double>(400, 0.2, 1), 0.25, 1);
        var model = new Mlp<double>(2, [16, 16], Activation.Tanh);
        _trainer = Trainer.Create(model, new AdamDoubleN(model.ParameterCount), train, model.CreateParameters(1), new TrainingOptions
        {
            Epochs = int.MaxValue, // steps for as long as the benchmark runs
            Batching = Batching.MiniBatch(32, shuffle: true),
        });
        _state = new double[_trainer.Optimizer.StateLength];
    }

    [Benchmark(Baseline = true, Description = "Trainer step (guard included), demo MLP, Adam")]
    public long Step() => _trainer.RunSteps(1).Steps;

    [Benchmark(Description = "Optimizer-state check alone")]
    public string? StateCheck() => OptimizerStateCheck.FindOverflow(ref _trainer.Optimizer, _state, _trainer.Parameters.Length);
}

using OptGen.Data;
using OptGen.Models;
using OptGen.Surfaces;
using OptGen.Training;
using Xunit;

namespace OptGen.Tests.Runtime;

/// <summary>
/// In steady state a training epoch allocates nothing: measured between two consecutive end-of-epoch
/// progress reports (so over a whole epoch — every step, the evaluation, the history, the trajectory and
/// the schedule), after warm-up epochs have let the JIT settle.
/// </summary>
public class AllocationTests
{
    [Fact]
    public void MlpEpochWithAdamAllocatesNothing()
    {
        var (train, test) = TestData.Moons<double>(200, seed: 1);
        var model = new Mlp<double>(2, [8, 8], Activation.ReLU);
        double[] parameters = model.CreateParameters(2);
        var meter = new AllocationMeter(16);
        var trainer = Trainer.Create(model, new MlpAdam(model.ParameterCount), train, parameters, new TrainingOptions
        {
            Epochs = 16,
            Batching = Batching.MiniBatch(16, shuffle: true),
            Schedule = LearningRateSchedule.CosineWithWarmup(10, 160),
            EarlyStopping = new EarlyStopping(100, RestoreBest: true),
            RecordStepLosses = true,
            Trajectory = new TrajectoryOptions(TrajectoryFrequency.PerStep, [0, 1]),
            Progress = meter,
        }, validation: test);
        trainer.Run();
        meter.AssertSteadyStateAllocatesNothing(warmup: 6);
    }

    [Fact]
    public void NeuronEpochWithStructOptimizerAllocatesNothing()
    {
        // A struct optimizer held in the trainer's generic field: a boxed copy would allocate on every step.
        var meter = new AllocationMeter(30);
        double[] parameters = [-2, -2];
        var trainer = Trainer.Create(new SigmoidNeuron<double>(), new NeuronAdam(), TestData.NeuronPoints(), parameters, new TrainingOptions
        {
            Epochs = 30,
            Batching = Batching.Stochastic(shuffle: true),
            Schedule = LearningRateSchedule.StepDecay(5, 0.5),
            Trajectory = new TrajectoryOptions(TrajectoryFrequency.PerEpoch),
            Progress = meter,
        });
        trainer.Run();
        meter.AssertSteadyStateAllocatesNothing(warmup: 10);
        Assert.Equal(300, trainer.Optimizer.StepCount); // the trainer's own copy took every step
    }

    [Fact]
    public void StructModelAndStructOptimizerAllocateNothing()
    {
        // Both type arguments are structs: any boxing (a null check through object, an interface call on a copy)
        // would allocate on every step or epoch.
        var meter = new AllocationMeter(30);
        var (train, test) = TestData.Moons<double>(60, seed: 5);
        var trainer = Trainer.Create(new StructModel(new LogisticRegression<double>(2)), new LogisticSgd(), train, new double[3], new TrainingOptions
        {
            Epochs = 30,
            Batching = Batching.MiniBatch(7, shuffle: true),
            Progress = meter,
        }, validation: test);
        trainer.Run();
        meter.AssertSteadyStateAllocatesNothing(warmup: 10);
    }

    /// <summary>A model that is a struct, wrapping a class model.</summary>
    private readonly struct StructModel(LinearModel<double> inner) : IModel<double>
    {
        public int ParameterCount => inner.ParameterCount;
        public int InputCount => inner.InputCount;
        public Losses.Loss Loss => inner.Loss;
        public Activation OutputActivation => inner.OutputActivation;
        public void Initialize(Span<double> parameters, ulong seed) => inner.Initialize(parameters, seed);
        public double Predict(ReadOnlySpan<double> parameters, ReadOnlySpan<double> features) => inner.Predict(parameters, features);
        public double ComputeLoss(ReadOnlySpan<double> parameters, Batch<double> batch) => inner.ComputeLoss(parameters, batch);
        public double ComputeLossAndGradient(ReadOnlySpan<double> parameters, Batch<double> batch, Span<double> gradient) =>
            inner.ComputeLossAndGradient(parameters, batch, gradient);
    }

    /// <summary>Records the thread's allocated bytes at each epoch's end, into an array allocated up front.</summary>
    private sealed class AllocationMeter(int epochs) : IProgress<EpochReport>
    {
        private readonly long[] _bytes = new long[epochs + 1];

        public void Report(EpochReport value) => _bytes[value.Epoch] = GC.GetAllocatedBytesForCurrentThread();

        public void AssertSteadyStateAllocatesNothing(int warmup)
        {
            // The runtime itself may allocate on this thread now and then (tiered compilation promotes methods in
            // the middle of a loop), so the assertion is that some whole epoch after warm-up allocated nothing —
            // which an allocation per step, per batch or per epoch would make impossible.
            var perEpoch = new List<long>();
            for (int epoch = warmup + 1; epoch < _bytes.Length; epoch++)
            {
                perEpoch.Add(_bytes[epoch] - _bytes[epoch - 1]);
            }

            Assert.True(perEpoch.Min() == 0, $"every epoch after warm-up allocated: {string.Join(", ", perEpoch)} bytes");
        }
    }
}

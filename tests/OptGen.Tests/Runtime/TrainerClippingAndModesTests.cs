using OptGen.Data;
using OptGen.Models;
using OptGen.Training;
using Xunit;

namespace OptGen.Tests.Runtime;

[Optimizer(Kind.Adam, LearningRate = 0.05)]
internal partial class ClipTrainerAdam;

[Optimizer(Kind.Adam, LearningRate = 0.05, ClipGradNorm = 0.05)]
internal partial class CompiledClipTrainerAdam;

[Optimizer(Kind.ScheduleFreeAdamW, LearningRate = 0.05, WarmupSteps = 5)]
internal partial class ScheduleFreeTrainerOptimizer;

/// <summary>The trainer's gradient clipping, and its handling of Schedule-Free's train and eval modes.</summary>
public class TrainerClippingAndModesTests
{
    [Fact]
    public void TrainingOptions_ClipGradNorm_equals_the_compiled_in_clip_bit_for_bit()
    {
        var (train, _) = TestData.Moons<double>(60, seed: 4);
        var model = new Mlp<double>(2, [4], Activation.Tanh);
        double[] start = model.CreateParameters(3);
        var options = new TrainingOptions { Epochs = 5, Batching = Batching.MiniBatch(8, shuffle: true), Seed = 2 };
        var clipping = new TrainingOptions { Epochs = 5, Batching = Batching.MiniBatch(8, shuffle: true), Seed = 2, ClipGradNorm = 0.05 };

        var runtimeClip = Trainer.Create(model, new ClipTrainerAdam(start.Length), train, [.. start], clipping);
        runtimeClip.Run();
        var compiledClip = Trainer.Create(model, new CompiledClipTrainerAdam(start.Length), train, [.. start], options);
        compiledClip.Run();
        var unclipped = Trainer.Create(model, new ClipTrainerAdam(start.Length), train, [.. start], options);
        unclipped.Run();

        Assert.Equal(TestData.Bits(compiledClip.Parameters), TestData.Bits(runtimeClip.Parameters));
        Assert.NotEqual(TestData.Bits(unclipped.Parameters), TestData.Bits(runtimeClip.Parameters));
    }

    [Fact]
    public void A_clip_threshold_that_is_not_positive_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Trainer.Create(
            new SigmoidNeuron<double>(), new ClipTrainerAdam(2), TestData.NeuronPoints(), [0.0, 0.0], new TrainingOptions { ClipGradNorm = 0 }));

    [Fact]
    public void Schedule_free_training_ends_each_epoch_at_x_and_resumes_from_a_checkpoint_bit_for_bit()
    {
        string folder = TestData.NewFolder();
        try
        {
            var (train, _) = TestData.Moons<double>(60, seed: 5);
            var model = new Mlp<double>(2, [4], Activation.Tanh);
            double[] start = model.CreateParameters(6);
            string path = Path.Combine(folder, "run.ckpt");
            var options = new TrainingOptions { Epochs = 6, Batching = Batching.MiniBatch(16, shuffle: true), Seed = 9 };

            var straight = Trainer.Create(model, new ScheduleFreeTrainerOptimizer(start.Length), train, [.. start], options);
            straight.Run();
            Assert.False(straight.Optimizer.IsTraining); // the run ends at x

            var first = Trainer.Create(model, new ScheduleFreeTrainerOptimizer(start.Length), train, [.. start], options);
            first.RunEpochs(3);
            first.SaveCheckpoint(path);
            var resumed = Trainer.Create(model, new ScheduleFreeTrainerOptimizer(start.Length), train, [.. start], options);
            resumed.LoadCheckpoint(path);
            resumed.Run();
            Assert.Equal(TestData.Bits(straight.Parameters), TestData.Bits(resumed.Parameters));

            // The same run by hand, as the reference's loop: train() before the steps, eval() at each epoch's end.
            var optimizer = new ScheduleFreeTrainerOptimizer(start.Length);
            double[] parameters = [.. start];
            var plan = new BatchPlan<double>(train, options.Batching, options.Seed);
            var gradient = new double[parameters.Length];
            for (int epoch = 0; epoch < options.Epochs; epoch++)
            {
                optimizer.Train(parameters);
                plan.BeginEpoch();
                for (int b = 0; b < plan.BatchCount; b++)
                {
                    model.ComputeLossAndGradient(parameters, plan.GetBatch(b), gradient);
                    optimizer.Step(parameters, gradient);
                }

                optimizer.Eval(parameters);
            }

            Assert.Equal(TestData.Bits(parameters), TestData.Bits(straight.Parameters));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

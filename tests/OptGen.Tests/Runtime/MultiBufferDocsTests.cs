using OptGen.Data;
using OptGen.Models;
using OptGen.Training;
using Xunit;

namespace OptGen.Tests.Runtime;

/// <summary>Adam over a few buffers, as docs/multi-buffer.md declares it.</summary>
[Optimizer(Kind.Adam, ElementType = typeof(float), LearningRate = 1e-3)]
internal partial class DocsNetAdam;

/// <summary>The examples of docs/multi-buffer.md, compiled and run: what they claim holds.</summary>
public class MultiBufferDocsTests
{
    [Fact]
    public void OneStepOverFourBuffersEqualsTheFlatStep()
    {
        float[] w1 = new float[256 * 784], b1 = new float[256], w2 = new float[10 * 256], b2 = new float[10];
        float[] gw1 = new float[w1.Length], gb1 = new float[b1.Length], gw2 = new float[w2.Length], gb2 = new float[b2.Length];
        var random = new SeededRandom(5);
        foreach (float[] buffer in new[] { w1, b1, w2, b2, gw1, gb1, gw2, gb2 })
        {
            for (int i = 0; i < buffer.Length; i++)
            {
                buffer[i] = (float)random.NextGaussian();
            }
        }

        float[] flat = [.. w1, .. b1, .. w2, .. b2];
        float[] flatGradient = [.. gw1, .. gb1, .. gw2, .. gb2];

        var set = new ParameterSet<float>((w1, gw1), (b1, gb1), (w2, gw2), (b2, gb2));
        var adam = new DocsNetAdam(set.TotalLength);
        adam.Step(set);
        adam.Step(set, gradientScale: 0.5f);

        var reference = new DocsNetAdam(flat.Length);
        reference.Step(flat, flatGradient);
        reference.Step(flat, [.. flatGradient.Select(g => g * 0.5f)]);
        float[] stepped = [.. w1, .. b1, .. w2, .. b2];
        Assert.Equal(flat, stepped);
        Assert.Equal(b1.Length, set.Offset(2) - set.Offset(1));
    }

    [Fact]
    public void TheTrainerTrainsWithWeightAndBiasGroups()
    {
        var model = new MlpClassifier<float>(8, [16], 3);
        int weights = model.ParameterBuffers.Where(b => b.Role == ParameterRole.Weight).Sum(b => b.Length);
        var optimizer = GroupedOptimizer<float>.WeightsAndBiases(
            model, new GroupWeightsAdam(weights), new GroupBiasesAdam(model.ParameterCount - weights), learningRate: 1e-2, maxGradientNorm: 1.0);
        Dataset<double> data = ClassifierTorchTests.RandomData(60, 8, 3, seed: 6);
        var train = new Dataset<float>([.. data.AllFeatures.ToArray().Select(v => (float)v)], [.. data.Targets.ToArray().Select(v => (float)v)], 8);
        var trainer = Trainer.Create(model, optimizer, train, model.CreateParameters(seed: 1), new TrainingOptions { Epochs = 30, Batching = Batching.MiniBatch(16) }, train);
        TrainingResult result = trainer.Run();
        Assert.Equal(StopReason.Completed, result.Reason);
        Assert.True(trainer.History.TrainLoss[^1] < 0.5 * trainer.History.InitialTrainLoss, $"loss {trainer.History.InitialTrainLoss} → {trainer.History.TrainLoss[^1]}");
        Assert.True(trainer.History.ValidationAccuracy[^1] > 0.8, $"accuracy {trainer.History.ValidationAccuracy[^1]}");
    }
}

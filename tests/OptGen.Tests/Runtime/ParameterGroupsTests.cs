using OptGen.Data;
using OptGen.Models;
using OptGen.Reference;
using OptGen.Training;
using TorchSharp;
using TorchSharp.Modules;
using Xunit;
using static TorchSharp.torch;

namespace OptGen.Tests.Runtime;

/// <summary>Weights with weight decay.</summary>
[Optimizer(Kind.Adam, ElementType = typeof(float), LearningRate = 1e-3, WeightDecay = 1e-2)]
internal partial class GroupWeightsAdam;

/// <summary>Biases without weight decay.</summary>
[Optimizer(Kind.Adam, ElementType = typeof(float), LearningRate = 1e-3)]
internal partial class GroupBiasesAdam;

/// <summary>Parameter groups step exactly as separate optimizers with the groups' hyperparameters, and clip by one global norm.</summary>
public class ParameterGroupsTests
{
    private const double BaseRate = 2e-3;
    private const double BiasMultiplier = 0.5;

    [Theory]
    [InlineData(null)]
    [InlineData(0.05)]   // small enough that every step clips
    public void GroupsEqualSeparateOptimizersBitForBit(double? maxNorm)
    {
        var model = new MlpClassifier<float>(12, [9, 7], 5, blockRows: 16);
        Dataset<float> data = FloatData(40, 12, 5, seed: 21);
        float[] grouped = model.CreateParameters(22);
        float[] separate = (float[])grouped.Clone();
        var optimizer = GroupedOptimizer<float>.WeightsAndBiases(
            model, new GroupWeightsAdam(WeightCount(model)), new GroupBiasesAdam(model.ParameterCount - WeightCount(model)), BaseRate, BiasMultiplier, maxNorm);

        // The reference: one optimizer per buffer, of the group's type, at the group's learning rate, fed the clipped gradient.
        var perBuffer = model.ParameterBuffers.Select(b => b.Role == ParameterRole.Weight
            ? (IOptimizer<float>)new GroupWeightsAdam(b.Length) { LearningRate = BaseRate }
            : new GroupBiasesAdam(b.Length) { LearningRate = BaseRate * BiasMultiplier }).ToArray();

        var gradient = new float[model.ParameterCount];
        var referenceGradient = new float[model.ParameterCount];
        int clipped = 0;
        for (int step = 0; step < 30; step++)
        {
            var rows = Enumerable.Range(0, 10).Select(i => (i * 7 + step * 3) % data.Count).ToArray();
            model.ComputeLossAndGradient(grouped, new Batch<float>(data, rows), gradient);
            optimizer.Step(grouped, gradient);

            model.ComputeLossAndGradient(separate, new Batch<float>(data, rows), referenceGradient);
            float scale = 1;
            if (maxNorm is { } c)
            {
                // ‖g‖ over every buffer of every group: the norm of the buffers' norms, as torch's clip_grad_norm_.
                // Group by group (the weights, then the biases): each group's sum of its buffers' norms squared.
                float total = 0;
                foreach (ParameterRole role in new[] { ParameterRole.Weight, ParameterRole.Bias })
                {
                    float group = 0;
                    foreach (ParameterBuffer b in model.ParameterBuffers.Where(b => b.Role == role))
                    {
                        float norm = System.Numerics.Tensors.TensorPrimitives.Norm<float>(referenceGradient.AsSpan(b.Offset, b.Length));
                        group += norm * norm;
                    }

                    total += group;
                }

                scale = Math.Min((float)c / (MathF.Sqrt(total) + 1e-6f), 1f);
                clipped += scale < 1 ? 1 : 0;
                Assert.Equal(MathF.Sqrt(total), (float)optimizer.Groups.LastGradientNorm);
            }

            for (int k = 0; k < perBuffer.Length; k++)
            {
                ParameterBuffer b = model.ParameterBuffers[k];
                float[] g = [.. referenceGradient.AsSpan(b.Offset, b.Length).ToArray().Select(v => v * scale)];
                perBuffer[k].Step(separate.AsSpan(b.Offset, b.Length), g);
            }

            Assert.Equal(separate, grouped); // bit for bit, every step
        }

        Assert.Equal(maxNorm is null ? 0 : 30, clipped);
        Assert.Equal(30, optimizer.StepCount);
        Assert.Equal(BaseRate * BiasMultiplier, optimizer.Groups.Groups[1].Optimizer.LearningRate);
    }

    [Fact]
    public void GlobalClippingMatchesTorchClipGradNormAcrossGroups()
    {
        TorchSharpNative.EnsureLoaded();
        float[][] gradients = [[3f, -4f, 0.5f], [1e-3f, 2f], [-7f, 0.25f, 1f, 6f]];
        var sets = gradients.Select(g => new ParameterSet<float>((new float[g.Length], (float[])g.Clone()))).ToArray();
        var groups = new ParameterGroups<float>(1.0) { MaxGradientNorm = 2.5 };
        for (int k = 0; k < sets.Length; k++)
        {
            groups.Add(new GroupSgd(gradients[k].Length), sets[k], name: $"g{k}");
        }

        groups.Step();

        using var scope = NewDisposeScope();
        var parameters = gradients.Select(g => new Parameter(zeros(g.Length), requires_grad: true)).ToArray();
        for (int k = 0; k < parameters.Length; k++)
        {
            parameters[k].grad = tensor(gradients[k]);
        }

        double norm = nn.utils.clip_grad_norm_(parameters, 2.5);
        Assert.Equal(norm, groups.LastGradientNorm, 1e-5);
        // SGD with lr 1 from zero: each parameter is −(clipped gradient).
        for (int k = 0; k < parameters.Length; k++)
        {
            float[] clippedByTorch = parameters[k].grad!.data<float>().ToArray();
            float[] ours = sets[k].Parameters(0).ToArray();
            for (int i = 0; i < ours.Length; i++)
            {
                Assert.Equal(-clippedByTorch[i], ours[i], 1e-6f);
            }
        }
    }

    [Fact]
    public void TrainerWithGroupsEqualsAHandLoopOfSeparateOptimizers()
    {
        var model = new MlpClassifier<float>(6, [8], 3, blockRows: 4);
        Dataset<float> data = FloatData(24, 6, 3, seed: 31);
        float[] trained = model.CreateParameters(32);
        float[] byHand = (float[])trained.Clone();
        var optimizer = GroupedOptimizer<float>.WeightsAndBiases(
            model, new GroupWeightsAdam(WeightCount(model)), new GroupBiasesAdam(model.ParameterCount - WeightCount(model)), BaseRate, BiasMultiplier);
        var options = new TrainingOptions { Epochs = 3, Batching = Batching.MiniBatch(8, shuffle: false) };
        TrainingResult result = Trainer.Create(model, optimizer, data, trained, options).Run();
        Assert.Equal(StopReason.Completed, result.Reason);

        var perBuffer = model.ParameterBuffers.Select(b => b.Role == ParameterRole.Weight
            ? (IOptimizer<float>)new GroupWeightsAdam(b.Length) { LearningRate = BaseRate }
            : new GroupBiasesAdam(b.Length) { LearningRate = BaseRate * BiasMultiplier }).ToArray();
        var gradient = new float[model.ParameterCount];
        for (int epoch = 0; epoch < 3; epoch++)
        {
            for (int start = 0; start < data.Count; start += 8)
            {
                model.ComputeLossAndGradient(byHand, new Batch<float>(data, start, 8), gradient);
                for (int k = 0; k < perBuffer.Length; k++)
                {
                    ParameterBuffer b = model.ParameterBuffers[k];
                    perBuffer[k].Step(byHand.AsSpan(b.Offset, b.Length), gradient.AsSpan(b.Offset, b.Length));
                }
            }
        }

        Assert.Equal(byHand, trained);
    }

    [Fact]
    public void SavedStateResumesBitForBit()
    {
        var model = new MlpClassifier<float>(5, [4], 3);
        Dataset<float> data = FloatData(12, 5, 3, seed: 41);
        float[] parameters = model.CreateParameters(42);
        GroupedOptimizer<float> Create() => GroupedOptimizer<float>.WeightsAndBiases(
            model, new GroupWeightsAdam(WeightCount(model)), new GroupBiasesAdam(model.ParameterCount - WeightCount(model)), BaseRate, BiasMultiplier, 1.0);
        GroupedOptimizer<float> first = Create();
        var gradient = new float[model.ParameterCount];
        for (int step = 0; step < 5; step++)
        {
            model.ComputeLossAndGradient(parameters, data.All, gradient);
            first.Step(parameters, gradient);
        }

        first.LearningRate = 7.77e-4;
        var state = new float[first.StateLength];
        first.SaveState(state);
        float[] resumedParameters = (float[])parameters.Clone();
        GroupedOptimizer<float> resumed = Create();
        resumed.LoadState(state);
        Assert.Equal(7.77e-4, resumed.LearningRate);
        Assert.Equal(5, resumed.StepCount);
        for (int step = 0; step < 5; step++)
        {
            model.ComputeLossAndGradient(parameters, data.All, gradient);
            first.Step(parameters, gradient);
            model.ComputeLossAndGradient(resumedParameters, data.All, gradient);
            resumed.Step(resumedParameters, gradient);
        }

        Assert.Equal(parameters, resumedParameters);

        // The biases' group's header altered: refused, and nothing of the state applied — not even the weights' part before it.
        state[4 + first.Groups.Groups[0].Optimizer.StateLength] = float.NaN;
        state[5] += 1; // a weights' state element, which would be applied first
        var before = new float[resumed.StateLength];
        resumed.SaveState(before);
        Assert.ThrowsAny<ArgumentException>(() => resumed.LoadState(state));
        var after = new float[resumed.StateLength];
        resumed.SaveState(after);
        Assert.Equal(before, after);
    }

    [Fact]
    public void AStepWithGroupsAndClippingAllocatesNothing()
    {
        var model = new MlpClassifier<float>(10, [8], 4);
        float[] parameters = model.CreateParameters(51);
        var gradient = new float[model.ParameterCount];
        model.ComputeLossAndGradient(parameters, FloatData(16, 10, 4, seed: 52).All, gradient);
        var optimizer = GroupedOptimizer<float>.WeightsAndBiases(
            model, new GroupWeightsAdam(WeightCount(model)), new GroupBiasesAdam(model.ParameterCount - WeightCount(model)), 1e-4, 0.5, maxGradientNorm: 1e-3);
        for (int i = 0; i < 300; i++)
        {
            optimizer.Step(parameters, gradient);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            optimizer.Step(parameters, gradient);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(optimizer.Groups.LastGradientNorm > 1e-3); // it did clip
    }

    [Fact]
    public void BadGroupsAreRefusedClearly()
    {
        var model = new MlpClassifier<float>(3, [2], 2);
        var grouped = new GroupedOptimizer<float>(model.ParameterCount, 0.1);
        ParameterBuffer first = model.ParameterBuffers[0];
        grouped.Add(new GroupSgd(first.Length), [first]);
        Assert.Contains("overlaps", Assert.Throws<ArgumentException>(() => grouped.Add(new GroupSgd(first.Length), [first])).Message);
        var wrongSize = Assert.Throws<ArgumentException>(() => grouped.Add(new GroupSgd(99), [model.ParameterBuffers[1]]));
        Assert.Contains("99", wrongSize.Message);
        var outside = new ParameterBuffer("ghost", ParameterRole.Weight, model.ParameterCount - 1, 5);
        Assert.Contains("ghost", Assert.Throws<ArgumentException>(() => grouped.Add(new GroupSgd(5), [outside])).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => grouped.Groups.Groups[0].LearningRateMultiplier = double.NaN);
        Assert.Throws<ArgumentOutOfRangeException>(() => grouped.Groups.MaxGradientNorm = 0);
        Assert.Throws<InvalidOperationException>(() => new ParameterGroups<float>(0.1).Step());
        Assert.Throws<ArgumentException>(() => grouped.Step(new float[3], new float[model.ParameterCount]));
    }

    private static int WeightCount(IParameterLayout model) =>
        model.ParameterBuffers.Where(b => b.Role == ParameterRole.Weight).Sum(b => b.Length);

    private static Dataset<float> FloatData(int rows, int features, int classes, ulong seed)
    {
        Dataset<double> data = ClassifierTorchTests.RandomData(rows, features, classes, seed);
        return new Dataset<float>([.. data.AllFeatures.ToArray().Select(v => (float)v)], [.. data.Targets.ToArray().Select(v => (float)v)], features);
    }
}

/// <summary>Plain SGD sized by its constructor (lr 1, so a step from zero is −g).</summary>
[Optimizer(Kind.Sgd, ElementType = typeof(float), LearningRate = 1)]
internal partial class GroupSgd;

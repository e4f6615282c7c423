using OptGen.Data;
using OptGen.Models;
using OptGen.Surfaces;
using OptGen.Training;
using Xunit;

namespace OptGen.Tests.Runtime;

/// <summary>
/// A checkpoint records what its run was configured with — trajectory recording, step losses, a fingerprint of
/// the data's content — and a run configured otherwise refuses it, saying what differs.
/// </summary>
public sealed class CheckpointCompatibilityTests : IDisposable
{
    private readonly string _folder = TestData.NewFolder();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void ARunWithoutATrajectoryCannotResumeIntoOneThatRecordsOne()
    {
        // Before: loaded silently, and the resumed run ended with fewer trajectory points than steps.
        string path = Save(NewRun(trajectory: null));
        var e = Assert.Throws<CheckpointException>(() => NewRun(new TrajectoryOptions(TrajectoryFrequency.PerStep)).LoadCheckpoint(path));
        Assert.Contains("trajectory", e.Message);
        Assert.Contains("none", e.Message);
    }

    [Fact]
    public void ACheckpointTakenBeforeAnyStepStillKnowsItsTrajectorySetting()
    {
        // A checkpoint of a trajectory run taken before the first point was recorded holds no points, but it
        // still says that the run records a trajectory.
        var run = NewRun(new TrajectoryOptions(TrajectoryFrequency.PerEpoch));
        string path = Path.Combine(_folder, "start.ckpt");
        run.SaveCheckpoint(path);
        var e = Assert.Throws<CheckpointException>(() => NewRun(trajectory: null).LoadCheckpoint(path));
        Assert.Contains("trajectory", e.Message);
    }

    [Fact]
    public void OtherTrajectoryFrequencyOrIndicesAreRefused()
    {
        string path = Save(NewRun(new TrajectoryOptions(TrajectoryFrequency.PerEpoch)));
        var frequency = Assert.Throws<CheckpointException>(() => NewRun(new TrajectoryOptions(TrajectoryFrequency.PerStep)).LoadCheckpoint(path));
        Assert.Contains("per epoch", frequency.Message);
        Assert.Contains("per step", frequency.Message);

        var indices = Assert.Throws<CheckpointException>(() => NewRun(new TrajectoryOptions(TrajectoryFrequency.PerEpoch, [1])).LoadCheckpoint(path));
        Assert.Contains("per epoch, all 2 parameters", indices.Message);
        Assert.Contains("per epoch, parameters 1", indices.Message);
    }

    [Fact]
    public void StepLossRecordingMustMatch()
    {
        string path = Save(NewRun(trajectory: null, recordStepLosses: false));
        var e = Assert.Throws<CheckpointException>(() => NewRun(trajectory: null, recordStepLosses: true).LoadCheckpoint(path));
        Assert.Contains("step losses", e.Message);
    }

    [Fact]
    public void DataOfTheSameShapeButOtherContentIsRefused()
    {
        // Before: accepted, because only the row and feature counts were compared.
        string path = Save(NewRun(trajectory: null));
        var e = Assert.Throws<CheckpointException>(() => NewRun(trajectory: null, dataSeed: 8).LoadCheckpoint(path));
        Assert.Contains("training data", e.Message);
        Assert.Contains("content", e.Message);

        // One changed bit of one target is enough.
        Dataset<double> points = TestData.NeuronPoints();
        double[] targets = points.Targets.ToArray();
        targets[^1] = BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(targets[^1]) ^ 1);
        var nudged = new Dataset<double>(points.AllFeatures.ToArray(), targets, 1);
        Assert.Throws<CheckpointException>(() => NewRun(trajectory: null, data: nudged).LoadCheckpoint(path));

        // And the same content, in a new object, is accepted.
        NewRun(trajectory: null, data: TestData.NeuronPoints()).LoadCheckpoint(path);
    }

    [Fact]
    public void OtherValidationDataIsRefused()
    {
        string path = Save(NewRun(trajectory: null, validation: TestData.NeuronPoints(6, seed: 1)));
        var other = Assert.Throws<CheckpointException>(() => NewRun(trajectory: null, validation: TestData.NeuronPoints(6, seed: 2)).LoadCheckpoint(path));
        Assert.Contains("validation data", other.Message);
        var none = Assert.Throws<CheckpointException>(() => NewRun(trajectory: null).LoadCheckpoint(path));
        Assert.Contains("validation data", none.Message);
    }

    private string Save<TModel, TOptimizer>(Trainer<double, TModel, TOptimizer> run)
        where TModel : IModel<double>
        where TOptimizer : IOptimizer<double>
    {
        run.RunEpochs(2);
        string path = Path.Combine(_folder, $"{Guid.NewGuid():N}.ckpt");
        run.SaveCheckpoint(path);
        return path;
    }

    private static Trainer<double, SigmoidNeuron<double>, NeuronAdam> NewRun(
        TrajectoryOptions? trajectory, bool recordStepLosses = false, ulong dataSeed = 7, Dataset<double>? data = null, Dataset<double>? validation = null) =>
        Trainer.Create(new SigmoidNeuron<double>(), new NeuronAdam(), data ?? TestData.NeuronPoints(seed: dataSeed), [-2.0, -2.0], new TrainingOptions
        {
            Epochs = 6,
            Batching = Batching.Stochastic(shuffle: true),
            Seed = 4,
            RecordStepLosses = recordStepLosses,
            Trajectory = trajectory,
        }, validation);
}

using OptGen.Data;
using OptGen.Losses;
using OptGen.Models;
using OptGen.Surfaces;
using OptGen.Training;
using Xunit;

namespace OptGen.Tests.Runtime;

/// <summary>
/// A trainer sized for a huge number of epochs allocates for the epochs it runs, not for the ones it might:
/// the history and the trajectory grow as they fill.
/// </summary>
public class HistoryGrowthTests
{
    [Fact]
    public void IntMaxValueEpochsWithEarlyStoppingRunsUntilTheStop()
    {
        // Before: OutOfMemoryException (or OverflowException for the trajectory) in the constructor.
        var trainer = NewRun(int.MaxValue);
        TrainingResult result = trainer.Run();

        Assert.Equal(StopReason.EarlyStopped, result.Reason);
        Assert.True(result.Epochs > 8_200, $"the run stopped after {result.Epochs} epochs; it should outgrow the first arrays");
        Assert.Equal(result.Epochs, trainer.History.EpochCount);
        Assert.Equal(trainer.Steps, trainer.History.StepCount);
        Assert.Equal(result.Epochs + 1, trainer.Trajectory!.Count);
        Assert.Equal(trainer.Steps, trainer.Trajectory.StepAt(trainer.Trajectory.Count - 1));
    }

    [Fact]
    public void FiftyMillionEpochsAllocateLittleUpFront()
    {
        // Before: four epoch arrays of 50M doubles plus a 50M-point trajectory — over 2 GB at construction.
        long before = GC.GetAllocatedBytesForCurrentThread();
        var trainer = NewRun(50_000_000);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 1 << 20, $"constructing the trainer allocated {allocated} bytes");
        Assert.Equal(StopReason.EarlyStopped, trainer.Run().Reason);
    }

    [Fact]
    public void AGrownHistoryEqualsAPreallocatedOneAndResumes()
    {
        // The same early-stopped run with room for its epochs up front and with 2^31 − 1 epochs of room:
        // the history, trajectory and parameters are equal bit for bit, and a checkpoint of the long one resumes.
        var small = NewRun(1_000_000);
        var huge = NewRun(int.MaxValue);
        small.Run();
        huge.RunEpochs(6000); // past the first arrays: the checkpoint holds grown ones
        string folder = TestData.NewFolder();
        try
        {
            string path = Path.Combine(folder, "long.ckpt");
            huge.SaveCheckpoint(path);
            var resumed = NewRun(int.MaxValue);
            resumed.LoadCheckpoint(path);
            resumed.Run();
            Assert.Equal(TestData.Bits(small.History.TrainLoss), TestData.Bits(resumed.History.TrainLoss));
            Assert.Equal(TestData.Bits(small.History.StepLoss), TestData.Bits(resumed.History.StepLoss));
            Assert.Equal(TestData.Bits(small.Trajectory!.Values), TestData.Bits(resumed.Trajectory!.Values));
            Assert.Equal(TestData.Bits(small.Parameters), TestData.Bits(resumed.Parameters));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// A line fit by slow full-batch gradient descent, stopped early once an epoch improves the loss by less than
    /// 1e-11: about 11,000 epochs, more than the history and trajectory hold at first.
    /// </summary>
    private static Trainer<double, LinearRegression<double>, SlowLineSgd> NewRun(int epochs) =>
        Trainer.Create(new LinearRegression<double>(1, Loss.SquaredError(Reduction.Sum)), new SlowLineSgd(),
            Dataset<double>.FromColumn([1, 2, 3, 4, 5], [2, 4, 6, 8, 10]), [0.0, 0.0], new TrainingOptions
        {
            Epochs = epochs,
            Batching = Batching.FullBatch,
            EarlyStopping = new EarlyStopping(Patience: 5, MinDelta: 1e-11),
            RecordStepLosses = true,
            Trajectory = new TrajectoryOptions(TrajectoryFrequency.PerEpoch),
        });
}

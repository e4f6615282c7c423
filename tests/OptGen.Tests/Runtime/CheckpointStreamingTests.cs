using System.Runtime.InteropServices;
using System.Security.Cryptography;
using OptGen.Data;
using OptGen.Training;
using Xunit;

namespace OptGen.Tests.Runtime;

/// <summary>
/// Checkpoints are streamed: their size is bounded by the disk, not by 2 GB or by memory, and saving or loading
/// one allocates next to nothing beyond the trainer itself. Every failure is a <see cref="CheckpointException"/>
/// naming the file.
/// </summary>
public sealed class CheckpointStreamingTests : IDisposable
{
    private readonly string _folder = TestData.NewFolder();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void SavingAndLoadingAllocateFarLessThanTheFile()
    {
        // 3M parameters with Adam and the best parameters kept: a file of about 96 MB. Before, a save built the
        // whole file in memory several times over (state copy, MemoryStream growth, ToArray, framing).
        SaveAndResume(3_000_000, expectOver2GB: false);
    }

    [Fact]
    public void ACheckpointLargerThan2GBSavesAndResumesWhereTheMachineAllows()
    {
        // 70M parameters: 2.24 GB on disk (parameters, Adam's m and v, the best parameters) and about 4.5 GB of
        // memory for the trainer. Before: "IOException: Stream was too long". Where the disk or memory is short,
        // the same checks run on a smaller checkpoint.
        const int huge = 70_000_000;
        long fileBytes = 32L * huge;
        bool fits = new DriveInfo(_folder).AvailableFreeSpace > 2 * fileBytes && AvailableMemory() > 8L * 1024 * 1024 * 1024;
        SaveAndResume(fits ? huge : 3_000_000, expectOver2GB: fits);
    }

    [Fact]
    public void AWriteIntoAMissingFolderIsACheckpointExceptionNamingThePath()
    {
        string path = Path.Combine(_folder, "missing", "run.ckpt");
        var e = Assert.Throws<CheckpointException>(() => NewRun(10).SaveCheckpoint(path));
        Assert.Contains(path, e.Message);
        Assert.Equal(path, e.Path);
        Assert.False(Directory.Exists(Path.Combine(_folder, "missing")));
    }

    [Fact]
    public void LoadingAMissingFileIsACheckpointExceptionNamingThePath()
    {
        string path = Path.Combine(_folder, "absent.ckpt");
        var e = Assert.Throws<CheckpointException>(() => NewRun(10).LoadCheckpoint(path));
        Assert.Contains(path, e.Message);
        Assert.IsType<FileNotFoundException>(e.InnerException);
    }

    [Fact]
    public void AnyFlippedBitOrTruncationIsACheckpointExceptionAndChangesNothing()
    {
        // A hostile or unlucky file: one flipped bit anywhere (header, length, body, hash), or the file cut short
        // anywhere. Every one is a CheckpointException, and the trainer that refused them trains exactly as a new one.
        string path = Path.Combine(_folder, "damaged.ckpt");
        var saved = NewNeuronRun();
        saved.RunEpochs(3);
        saved.SaveCheckpoint(path);
        byte[] good = File.ReadAllBytes(path);

        var refusing = NewNeuronRun();
        int stride = Math.Max(1, good.Length / 400);
        for (int i = 0; i < good.Length; i += stride)
        {
            byte[] flipped = (byte[])good.Clone();
            flipped[i] ^= (byte)(1 << (i % 8));
            File.WriteAllBytes(path, flipped);
            Assert.Throws<CheckpointException>(() => refusing.LoadCheckpoint(path));
            File.WriteAllBytes(path, good[..i]);
            Assert.Throws<CheckpointException>(() => refusing.LoadCheckpoint(path));
        }

        Assert.Equal(0, refusing.Steps);
        Assert.Equal([-2.0, -2.0], refusing.Parameters);
        var fresh = NewNeuronRun();
        refusing.Run();
        fresh.Run();
        Assert.Equal(TestData.Bits(fresh.Parameters), TestData.Bits(refusing.Parameters));
        Assert.Equal(TestData.Bits(fresh.History.TrainLoss), TestData.Bits(refusing.History.TrainLoss));
    }

    private static Trainer<double, Models.SigmoidNeuron<double>, NeuronAdam> NewNeuronRun() =>
        Trainer.Create(new Models.SigmoidNeuron<double>(), new NeuronAdam(), TestData.NeuronPoints(), [-2.0, -2.0], new TrainingOptions
        {
            Epochs = 6,
            Batching = Batching.MiniBatch(3, shuffle: true),
            EarlyStopping = new EarlyStopping(Patience: 50, RestoreBest: true),
            RecordStepLosses = true,
            Trajectory = new Surfaces.TrajectoryOptions(Surfaces.TrajectoryFrequency.PerStep),
        });

    private void SaveAndResume(int parameterCount, bool expectOver2GB)
    {
        string path = Path.Combine(_folder, "wide.ckpt");
        var trainer = NewRun(parameterCount);
        trainer.RunSteps(1); // m, v and the best parameters are no longer zeros

        long before = GC.GetAllocatedBytesForCurrentThread();
        trainer.SaveCheckpoint(path);
        long saveAllocated = GC.GetAllocatedBytesForCurrentThread() - before;
        long fileBytes = new FileInfo(path).Length;
        Assert.True(fileBytes > 32L * parameterCount, $"the file has {fileBytes} bytes");
        Assert.Equal(expectOver2GB, fileBytes > int.MaxValue);
        Assert.True(saveAllocated < fileBytes / 100, $"saving a {fileBytes}-byte checkpoint allocated {saveAllocated} bytes");

        // Resume into the same trainer after it has moved on: the step after the checkpoint is taken again and
        // must give the same bits (it reads the parameters and both of Adam's moments).
        byte[] atCheckpoint = HashOf(trainer.Parameters);
        trainer.RunSteps(1);
        byte[] afterNextStep = HashOf(trainer.Parameters);
        Assert.NotEqual(atCheckpoint, afterNextStep);

        before = GC.GetAllocatedBytesForCurrentThread();
        trainer.LoadCheckpoint(path);
        long loadAllocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(loadAllocated < fileBytes / 100, $"loading a {fileBytes}-byte checkpoint allocated {loadAllocated} bytes");
        Assert.Equal(1, trainer.Steps);
        Assert.Equal(atCheckpoint, HashOf(trainer.Parameters));
        trainer.RunSteps(1);
        Assert.Equal(afterNextStep, HashOf(trainer.Parameters));
    }

    private static Trainer<double, WideModel, MlpAdam> NewRun(int parameterCount)
    {
        var model = new WideModel(parameterCount);
        var parameters = new double[parameterCount];
        model.Initialize(parameters, 5);
        return Trainer.Create(model, new MlpAdam(parameterCount), Dataset<double>.FromColumn([1.0], [0.0]), parameters, new TrainingOptions
        {
            Epochs = 10,
            EarlyStopping = new EarlyStopping(Patience: 5, RestoreBest: true),
        });
    }

    private static byte[] HashOf(ReadOnlySpan<double> values) => SHA256.HashData(MemoryMarshal.AsBytes(values));

    /// <summary>The memory the machine can still give (Linux's MemAvailable; elsewhere what the GC reports as available).</summary>
    private static long AvailableMemory()
    {
        const string meminfo = "/proc/meminfo";
        if (File.Exists(meminfo))
        {
            string? line = File.ReadLines(meminfo).FirstOrDefault(l => l.StartsWith("MemAvailable:", StringComparison.Ordinal));
            if (line is not null && long.TryParse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], out long kilobytes))
            {
                return kilobytes * 1024;
            }
        }

        return GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
    }
}

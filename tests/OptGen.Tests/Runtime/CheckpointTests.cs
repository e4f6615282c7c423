using OptGen.Data;
using OptGen.Models;
using OptGen.Surfaces;
using OptGen.Training;
using Xunit;

namespace OptGen.Tests.Runtime;

/// <summary>Checkpoints resume bit for bit, refuse damaged files, and never lose a good one to a failed write.</summary>
public sealed class CheckpointTests : IDisposable
{
    private const int Epochs = 8;
    private readonly string _folder = TestData.NewFolder();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>A whole run's object graph, built from nothing but seeds, as a new process would.</summary>
    private static Trainer<double, Mlp<double>, MlpAdam> NewMlpRun(string? checkpointPath = null)
    {
        var (train, test) = TestData.Moons<double>(120, seed: 31);
        var model = new Mlp<double>(2, [6, 5], Activation.Tanh);
        double[] parameters = model.CreateParameters(32);
        return Trainer.Create(model, new MlpAdam(model.ParameterCount), train, parameters, new TrainingOptions
        {
            Epochs = Epochs,
            Batching = Batching.MiniBatch(16, shuffle: true, dropLast: false),
            Seed = 33,
            Schedule = LearningRateSchedule.CosineWithWarmup(5, Epochs * 6),
            EarlyStopping = new EarlyStopping(50, RestoreBest: true),
            RecordStepLosses = true,
            Trajectory = new TrajectoryOptions(TrajectoryFrequency.PerStep, [0, 3]),
            CheckpointPath = checkpointPath,
            CheckpointEvery = 3,
        }, validation: test);
    }

    private static Trainer<double, SigmoidNeuron<double>, NeuronAdam> NewNeuronRun() =>
        Trainer.Create(new SigmoidNeuron<double>(), new NeuronAdam(), TestData.NeuronPoints(), [-2.0, -2.0], new TrainingOptions
        {
            Epochs = Epochs,
            Batching = Batching.Stochastic(shuffle: true),
            Seed = 34,
            Schedule = LearningRateSchedule.Exponential(0.9),
            Trajectory = new TrajectoryOptions(TrajectoryFrequency.PerEpoch),
        });

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    public void ResumeInAFreshObjectGraphEqualsAnUninterruptedRun(int stopAt)
    {
        var uninterrupted = NewMlpRun();
        uninterrupted.Run();

        string path = Path.Combine(_folder, "run.ckpt");
        var first = NewMlpRun();
        first.RunEpochs(stopAt);
        first.SaveCheckpoint(path);

        var resumed = NewMlpRun();
        resumed.LoadCheckpoint(path);
        Assert.Equal(stopAt, resumed.Epoch);
        TrainingResult result = resumed.Run();

        Assert.Equal(StopReason.Completed, result.Reason);
        Assert.Equal(TestData.Bits(uninterrupted.Parameters), TestData.Bits(resumed.Parameters));
        Assert.Equal(uninterrupted.Steps, resumed.Steps);
        Assert.Equal(uninterrupted.Optimizer.StepCount, resumed.Optimizer.StepCount);
        Assert.Equal(uninterrupted.Optimizer.LearningRate, resumed.Optimizer.LearningRate);
        Assert.Equal(TestData.Bits(uninterrupted.History.TrainLoss), TestData.Bits(resumed.History.TrainLoss));
        Assert.Equal(TestData.Bits(uninterrupted.History.ValidationLoss), TestData.Bits(resumed.History.ValidationLoss));
        Assert.Equal(TestData.Bits(uninterrupted.History.StepLoss), TestData.Bits(resumed.History.StepLoss));
        Assert.Equal(TestData.Bits(uninterrupted.Trajectory!.Values), TestData.Bits(resumed.Trajectory!.Values));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(20)]
    public void ResumeInTheMiddleOfAnEpochEqualsAnUninterruptedRun(int steps)
    {
        // 90 training rows in batches of 16: 6 batches per epoch, so most of these stop mid-epoch, after the
        // epoch's shuffle was drawn.
        var uninterrupted = NewMlpRun();
        uninterrupted.Run();

        string path = Path.Combine(_folder, "mid.ckpt");
        var first = NewMlpRun();
        Assert.Equal(StopReason.None, first.RunSteps(steps).Reason);
        Assert.Equal(steps, first.Steps);
        first.SaveCheckpoint(path);

        var resumed = NewMlpRun();
        resumed.LoadCheckpoint(path);
        resumed.Run();
        Assert.Equal(TestData.Bits(uninterrupted.Parameters), TestData.Bits(resumed.Parameters));
        Assert.Equal(TestData.Bits(uninterrupted.History.StepLoss), TestData.Bits(resumed.History.StepLoss));
        Assert.Equal(TestData.Bits(uninterrupted.Trajectory!.Values), TestData.Bits(resumed.Trajectory!.Values));
    }

    [Fact]
    public void ACheckpointBeforeTheFirstStepResumesToo()
    {
        var uninterrupted = NewMlpRun();
        uninterrupted.Run();
        string path = Path.Combine(_folder, "start.ckpt");
        NewMlpRun().SaveCheckpoint(path);
        var resumed = NewMlpRun();
        resumed.LoadCheckpoint(path);
        resumed.Run();
        Assert.Equal(TestData.Bits(uninterrupted.Parameters), TestData.Bits(resumed.Parameters));
        Assert.Equal(uninterrupted.History.InitialTrainLoss, resumed.History.InitialTrainLoss);
        Assert.Equal(TestData.Bits(uninterrupted.Trajectory!.Values), TestData.Bits(resumed.Trajectory!.Values));
    }

    [Fact]
    public void StructOptimizerResumesBitForBit()
    {
        var uninterrupted = NewNeuronRun();
        uninterrupted.Run();
        string path = Path.Combine(_folder, "neuron.ckpt");
        var first = NewNeuronRun();
        first.RunEpochs(4);
        first.SaveCheckpoint(path);
        var resumed = NewNeuronRun();
        resumed.LoadCheckpoint(path);
        resumed.Run();
        Assert.Equal(TestData.Bits(uninterrupted.Parameters), TestData.Bits(resumed.Parameters));
        Assert.Equal(TestData.Bits(uninterrupted.Trajectory!.Values), TestData.Bits(resumed.Trajectory!.Values));
    }

    [Fact]
    public void FloatRunResumesBitForBit()
    {
        static Trainer<float, Mlp<float>, MlpAdamF> NewRun()
        {
            var (train, _) = TestData.Moons<float>(90, seed: 41);
            var model = new Mlp<float>(2, [5], Activation.ReLU);
            return Trainer.Create(model, new MlpAdamF(model.ParameterCount), train, model.CreateParameters(42),
                new TrainingOptions { Epochs = 6, Batching = Batching.MiniBatch(10), Seed = 43 });
        }

        var uninterrupted = NewRun();
        uninterrupted.Run();
        string path = Path.Combine(_folder, "float.ckpt");
        var first = NewRun();
        first.RunEpochs(2);
        first.SaveCheckpoint(path);
        var resumed = NewRun();
        resumed.LoadCheckpoint(path);
        resumed.Run();
        Assert.Equal(uninterrupted.Parameters.Select(BitConverter.SingleToInt32Bits), resumed.Parameters.Select(BitConverter.SingleToInt32Bits));
    }

    [Fact]
    public void AutomaticCheckpointsResumeToo()
    {
        string path = Path.Combine(_folder, "auto.ckpt");
        var uninterrupted = NewMlpRun();
        uninterrupted.Run();

        var first = NewMlpRun(path);
        first.RunEpochs(4); // writes at epoch 3
        var resumed = NewMlpRun(path);
        resumed.LoadCheckpoint(path);
        Assert.Equal(3, resumed.Epoch);
        resumed.Run();
        Assert.Equal(TestData.Bits(uninterrupted.Parameters), TestData.Bits(resumed.Parameters));

        // The last checkpoint is written at the end, and says the run is finished.
        var finished = NewMlpRun();
        finished.LoadCheckpoint(path);
        Assert.True(finished.IsFinished);
        Assert.Equal(Epochs, finished.Epoch);
    }

    [Fact]
    public void AnEarlyStoppedRunsLastCheckpointSaysItEnded()
    {
        string path = Path.Combine(_folder, "early.ckpt");
        static Trainer<double, Mlp<double>, MlpAdam> NewRun(string path)
        {
            var (train, test) = TestData.Moons<double>(120, seed: 8);
            var model = new Mlp<double>(2, [4], Activation.Tanh);
            return Trainer.Create(model, new MlpAdam(model.ParameterCount) { LearningRate = 0.5 }, train, model.CreateParameters(9), new TrainingOptions
            {
                Epochs = 200,
                Batching = Batching.MiniBatch(8),
                EarlyStopping = new EarlyStopping(Patience: 3, RestoreBest: true),
                CheckpointPath = path,
                CheckpointEvery = 50,
            }, validation: test);
        }

        var run = NewRun(path);
        TrainingResult result = run.Run();
        Assert.Equal(StopReason.EarlyStopped, result.Reason);
        var resumed = NewRun(path);
        resumed.LoadCheckpoint(path);
        Assert.True(resumed.IsFinished);
        Assert.Equal(StopReason.EarlyStopped, resumed.Run().Reason);
        Assert.Equal(TestData.Bits(run.Parameters), TestData.Bits(resumed.Parameters));
    }

    [Fact]
    public void TruncatedCheckpointIsRefused()
    {
        string path = SaveOne();
        byte[] bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        var e = Assert.Throws<CheckpointException>(() => NewMlpRun().LoadCheckpoint(path));
        Assert.Contains("truncated", e.Message);
        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void ModifiedCheckpointIsRefused()
    {
        string path = SaveOne();
        byte[] bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0x01; // one bit of one parameter or state value
        File.WriteAllBytes(path, bytes);
        var fresh = NewMlpRun();
        double[] before = fresh.Parameters.ToArray();
        var e = Assert.Throws<CheckpointException>(() => fresh.LoadCheckpoint(path));
        Assert.Contains("checksum", e.Message);
        Assert.Equal(before, fresh.Parameters); // nothing was loaded
    }

    [Fact]
    public void AFileThatIsNotACheckpointIsRefused()
    {
        string path = Path.Combine(_folder, "other.ckpt");
        File.WriteAllText(path, "this is not a checkpoint, just some text long enough to have a header and a hash");
        var e = Assert.Throws<CheckpointException>(() => NewMlpRun().LoadCheckpoint(path));
        Assert.Contains("not an OptGen checkpoint", e.Message);
    }

    [Fact]
    public void ACheckpointOfAnotherRunIsRefused()
    {
        string path = SaveOne();
        var e = Assert.Throws<CheckpointException>(() => NewNeuronRun().LoadCheckpoint(path));
        Assert.Contains("optimizer type", e.Message);
    }

    [Fact]
    public void ACheckpointOfOtherBatchingIsRefused()
    {
        string path = Path.Combine(_folder, "neuron.ckpt");
        var run = NewNeuronRun();
        run.RunEpochs(1);
        run.SaveCheckpoint(path);
        var inOrder = Trainer.Create(new SigmoidNeuron<double>(), new NeuronAdam(), TestData.NeuronPoints(), [-2.0, -2.0],
            new TrainingOptions { Epochs = Epochs, Batching = Batching.Stochastic(shuffle: false) });
        var e = Assert.Throws<CheckpointException>(() => inOrder.LoadCheckpoint(path));
        Assert.Contains("batching stochastic, shuffled, but this run has stochastic, in order", e.Message);
    }

    [Fact]
    public void AFailedWriteNeverReplacesAGoodCheckpoint()
    {
        string path = SaveOne();
        byte[] good = File.ReadAllBytes(path);

        // A second checkpoint whose write fails part-way (a disk that fills up, say).
        var later = NewMlpRun();
        later.RunEpochs(5);
        var e = Assert.Throws<CheckpointException>(() => CheckpointFile.Write(path, stream => TrainerCheckpoint.Serialize(later, stream), stream => new FailingStream(stream, failAfter: good.Length / 3)));
        Assert.Contains(path, e.Message);
        Assert.Contains("No space left on device (simulated)", e.Message);

        Assert.Equal(good, File.ReadAllBytes(path));
        Assert.Equal(path, Assert.Single(Directory.GetFiles(_folder))); // the temporary file is gone
        var resumed = NewMlpRun();
        resumed.LoadCheckpoint(path);
        Assert.Equal(2, resumed.Epoch);
    }

    [Fact]
    public void AWriteIntoAMissingFolderFailsAndCreatesNothing()
    {
        string path = Path.Combine(_folder, "missing", "run.ckpt");
        Assert.ThrowsAny<IOException>(() => NewMlpRun().SaveCheckpoint(path));
        Assert.False(Directory.Exists(Path.Combine(_folder, "missing")));
    }

    private string SaveOne()
    {
        string path = Path.Combine(_folder, "good.ckpt");
        var trainer = NewMlpRun();
        trainer.RunEpochs(2);
        trainer.SaveCheckpoint(path);
        return path;
    }

    /// <summary>Passes writes through until <c>failAfter</c> bytes, then throws as a full disk would.</summary>
    private sealed class FailingStream(Stream inner, int failAfter) : Stream
    {
        private int _written;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            int allowed = Math.Min(buffer.Length, failAfter - _written);
            inner.Write(buffer[..allowed]);
            _written += allowed;
            if (allowed < buffer.Length)
            {
                throw new IOException("No space left on device (simulated).");
            }
        }
    }
}

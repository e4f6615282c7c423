using System.Numerics;
using OptGen.Data;
using OptGen.Distributed.Sharding;
using OptGen.Losses;
using OptGen.Models;
using OptGen.Training;

namespace OptGen.Distributed.Training;

/// <summary>
/// Data-parallel training: every rank holds the model, the data and the whole parameter vector; each global
/// mini-batch is cut into one contiguous part per rank; each rank computes the gradient of its part, and a
/// <see cref="ShardedOptimizer{T}"/> combines them and steps the optimizer shards (ZeRO-1).
/// </summary>
/// <remarks>
/// <para>The global batches are those of the single-process <see cref="Trainer{T, TModel, TOptimizer}"/> with the same
/// options (the same seeded shuffle on every rank), and the combined gradient is that batch's gradient: for a mean
/// loss, each rank's mean is weighted by its share of the rows (1/P when the cut is even); for a summed loss the
/// parts are added. A rank with no rows in a batch (a batch smaller than P) contributes zero.</para>
/// <para>With a <see cref="SimulatedShardedOptimizer{T, TOptimizer}"/> the same class runs every rank in one process,
/// with the same arithmetic in the same order: its parameters equal those of a real run with as many ranks, bit for bit.</para>
/// <para>The non-finite guard is collective: a non-finite loss or gradient on any rank stops every rank at the same
/// step, with the last finite parameters. Losses over the whole training and validation sets are computed on every
/// rank (the data are replicated), so they need no communication. Early stopping and trajectories are not supported.</para>
/// <para>Checkpoints are collectives: rank 0 writes one file holding the whole state (atomically, checksummed, as
/// <see cref="CheckpointFile"/> frames it); loading reads it on rank 0 and shares it, and works with any number of ranks
/// (the optimizer state is per parameter, so resharding is slicing). With the same number of ranks the resumed run
/// equals an uninterrupted one bit for bit.</para>
/// </remarks>
/// <typeparam name="T">The element type.</typeparam>
/// <typeparam name="TModel">The model type.</typeparam>
public sealed class DataParallelTrainer<T, TModel>
    where T : unmanaged, IFloatingPointIeee754<T>
    where TModel : IModel<T>
{
    private const int ScalarsPerRank = 2;   // the rank's loss, and 1 if its loss or gradient is not finite

    private readonly T[] _parameters;
    private readonly T[] _lastFinite;
    private readonly double[] _localScalars;
    private readonly double[] _allScalars;
    private readonly int _batchSize;
    private double _initialRate;
    private TrainingResult? _finished;
    private bool _started;
    private bool _inEpoch;
    private int _batch;

    /// <summary>
    /// A trainer of <paramref name="model"/> on <paramref name="train"/> by <paramref name="optimizer"/>, updating
    /// <paramref name="parameters"/> (the same on every rank) in place.
    /// </summary>
    /// <exception cref="ArgumentException">Sizes disagree, or a parameter is not finite.</exception>
    /// <exception cref="NotSupportedException">The options ask for early stopping or a trajectory.</exception>
    public DataParallelTrainer(TModel model, ShardedOptimizer<T> optimizer, Dataset<T> train, T[] parameters, TrainingOptions options, Dataset<T>? validation = null)
    {
        if (model is null)
        {
            throw new ArgumentNullException(nameof(model));
        }

        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (options.EarlyStopping is not null || options.Trajectory is not null)
        {
            throw new NotSupportedException($"Data-parallel training does not support {(options.EarlyStopping is not null ? "EarlyStopping" : "Trajectory")}; leave it null.");
        }

        if (parameters.Length != model.ParameterCount || optimizer.Layout.ParameterCount != model.ParameterCount)
        {
            throw new ArgumentException(
                $"The model has {model.ParameterCount} parameters, the sharded optimizer {optimizer.Layout.ParameterCount}, and the parameter array {parameters.Length}; they must be equal.",
                nameof(parameters));
        }

        foreach ((Dataset<T>? data, string name) in new[] { (train, nameof(train)), (validation, nameof(validation)) })
        {
            if (data is not null && data.FeatureCount != model.InputCount)
            {
                throw new ArgumentException($"The data has {data.FeatureCount} features per row, but the model takes {model.InputCount}.", name);
            }
        }

        for (int i = 0; i < parameters.Length; i++)
        {
            if (!T.IsFinite(parameters[i]))
            {
                throw new ArgumentException($"Parameter {i} is {parameters[i]}; training starts from finite parameters.", nameof(parameters));
            }
        }

        Model = model;
        Optimizer = optimizer;
        TrainData = train;
        ValidationData = validation;
        Options = options;
        _parameters = parameters;
        _lastFinite = new T[parameters.Length];
        _localScalars = new double[ScalarsPerRank * optimizer.LocalRankCount];
        _allScalars = new double[ScalarsPerRank * optimizer.RankCount];
        _initialRate = optimizer.LearningRate;
        Plan = new BatchPlan<T>(train, options.Batching, options.Seed);
        _batchSize = options.Batching.EffectiveBatchSize(train.Count);
        History = NewHistory();
    }

    /// <summary>The model.</summary>
    public TModel Model { get; }

    /// <summary>The sharded optimizer (this process's ranks).</summary>
    public ShardedOptimizer<T> Optimizer { get; }

    /// <summary>The training data (the whole set, on every rank).</summary>
    public Dataset<T> TrainData { get; }

    /// <summary>The held-out data evaluated after each epoch, if any.</summary>
    public Dataset<T>? ValidationData { get; }

    /// <summary>The options.</summary>
    public TrainingOptions Options { get; }

    /// <summary>The parameters being trained (the caller's array, updated in place; the same on every rank).</summary>
    public T[] Parameters => _parameters;

    /// <summary>The global batches and the shuffle.</summary>
    public BatchPlan<T> Plan { get; }

    /// <summary>The losses so far (of the global batches and the whole sets).</summary>
    public LossHistory History { get; private set; }

    /// <summary>The number of completed epochs.</summary>
    public int Epoch { get; private set; }

    /// <summary>The number of optimizer steps taken.</summary>
    public long Steps { get; private set; }

    /// <summary>The learning rate the schedule starts from.</summary>
    public double InitialLearningRate => _initialRate;

    /// <summary>Whether the run has ended.</summary>
    public bool IsFinished => _finished is not null;

    /// <summary>Runs the remaining epochs (or until a stop). A collective: every rank calls it.</summary>
    public TrainingResult Run() => RunSteps(long.MaxValue);

    /// <summary>Takes at most <paramref name="count"/> more steps, pausing wherever that leaves the run. A collective.</summary>
    public TrainingResult RunSteps(long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (_finished is not null)
        {
            return _finished;
        }

        if (!_started)
        {
            CheckReplicas();
            _started = true;
            History.InitialTrainLoss = double.CreateChecked(Model.ComputeLoss(_parameters, TrainData.All));
            History.InitialValidationLoss = ValidationData is null ? double.NaN : double.CreateChecked(Model.ComputeLoss(_parameters, ValidationData.All));
        }

        for (long done = 0; Epoch < Options.Epochs; done++)
        {
            if (done == count)
            {
                return Result(StopReason.None, $"Paused at epoch {Epoch + 1}, after batch {_batch} of {Plan.BatchCount} (step {Steps}).");
            }

            if (!_inEpoch)
            {
                Plan.BeginEpoch();
                _inEpoch = true;
                _batch = 0;
            }

            if (TakeStep() is { } stop)
            {
                return _finished = stop;
            }

            if (++_batch < Plan.BatchCount)
            {
                continue;
            }

            _inEpoch = false;
            _batch = 0;
            EndEpoch();
        }

        _finished = Result(StopReason.Completed, $"Completed {Epoch} epochs ({Steps} steps) on {Optimizer.RankCount} ranks.");
        WriteAutomaticCheckpoint(force: true);
        return _finished;
    }

    /// <summary>
    /// Writes a checkpoint of the whole run (parameters, the whole optimizer state, position, shuffle, history) to
    /// <paramref name="path"/> on rank 0. A collective: every rank calls it.
    /// </summary>
    public void SaveCheckpoint(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        T[] whole = Optimizer.IsRoot ? new T[Optimizer.WholeStateLength] : [];
        Optimizer.SaveWholeState(whole);
        if (Optimizer.IsRoot)
        {
            CheckpointFile.Write(path, DataParallelCheckpoint.Serialize(this, whole));
        }
    }

    /// <summary>
    /// Continues from a checkpoint written by a data-parallel run of the same model, optimizer, data and options,
    /// with any number of ranks. Rank 0 reads the file and shares it. A collective: every rank calls it.
    /// </summary>
    /// <exception cref="CheckpointException">The file is missing, torn, altered, or from a different run (on every rank).</exception>
    public void LoadCheckpoint(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        byte[] body;
        try
        {
            body = Optimizer.ShareFromRoot(() => ReadOnRoot(path));
        }
        catch (IOException e) when (e is not CheckpointException)
        {
            // On the other ranks: rank 0's problem, as rank 0 reports it.
            throw new CheckpointException(path, e.Message, e);
        }

        try
        {
            DataParallelCheckpoint.Deserialize(this, body);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or ArgumentException)
        {
            throw new CheckpointException(path, e.Message, e);
        }
    }

    private static byte[] ReadOnRoot(string path)
    {
        try
        {
            return CheckpointFile.Read(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Rank 0 rethrows its own exception; the others get the problem alone, without the path's preamble,
            // so that every rank's CheckpointException reads the same.
            string preamble = new CheckpointException(path, "").Message;
            string problem = e is CheckpointException && e.Message.StartsWith(preamble, StringComparison.Ordinal) ? e.Message[preamble.Length..] : e.Message;
            throw new RootReadException(problem, e);
        }
    }

    // Every rank must start from the same parameters and hold the same data (the same seeds, the same files): a
    // replica that differs would train on silently, its first step mixing gradients taken at other points. A
    // collective, compared on every rank, so every rank throws alike.
    private void CheckReplicas()
    {
        var mine = new double[ReplicaFingerprintLength * Optimizer.LocalRankCount];
        Fingerprint<T>(_parameters).CopyTo(mine, 0);
        Fingerprint<T>(TrainData.AllFeatures, TrainData.Targets).CopyTo(mine, 2);
        for (int k = 1; k < Optimizer.LocalRankCount; k++)
        {
            mine.AsSpan(0, ReplicaFingerprintLength).CopyTo(mine.AsSpan(k * ReplicaFingerprintLength));
        }

        var all = new double[ReplicaFingerprintLength * Optimizer.RankCount];
        Optimizer.GatherScalars(mine, all, ReplicaFingerprintLength);
        for (int r = 1; r < Optimizer.RankCount; r++)
        {
            string? what = !all.AsSpan(r * ReplicaFingerprintLength, 2).SequenceEqual(all.AsSpan(0, 2)) ? "parameters"
                : !all.AsSpan(r * ReplicaFingerprintLength + 2, 2).SequenceEqual(all.AsSpan(2, 2)) ? "training data"
                : null;
            if (what is not null)
            {
                throw new InvalidOperationException(
                    $"Rank {r}'s initial {what} differ from rank 0's: every rank must start from the same parameters and hold the same training data (the same seeds and files).");
            }
        }
    }

    private const int ReplicaFingerprintLength = 4;   // two 32-bit halves of a hash of the parameters, two of the data

    // The first 64 bits of a SHA-256 of the values, as two doubles that hold 32 bits each exactly.
    private static double[] Fingerprint<TValue>(ReadOnlySpan<TValue> values, ReadOnlySpan<TValue> more = default)
        where TValue : unmanaged
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values));
        hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(more));
        byte[] digest = hash.GetHashAndReset();
        return [BitConverter.ToUInt32(digest, 0), BitConverter.ToUInt32(digest, 4)];
    }

    private TrainingResult? TakeStep()
    {
        if (Options.Schedule is { } schedule)
        {
            Optimizer.LearningRate = schedule.Rate(_initialRate, Steps, Epoch);
        }

        int start = _batch * _batchSize;
        int rows = Math.Min(_batchSize, TrainData.Count - start);
        ReadOnlySpan<int> batch = Plan.Order.Slice(start, rows);
        int ranks = Optimizer.RankCount;
        bool mean = Model.Loss.Reduction == Reduction.Mean;
        for (int k = 0; k < Optimizer.LocalRankCount; k++)
        {
            int rank = Optimizer.FirstLocalRank + k;
            int from = ShardLayout.PieceStart(rows, ranks, rank), count = ShardLayout.PieceStart(rows, ranks, rank + 1) - from;
            Span<T> gradient = Optimizer.Gradient(rank);
            T loss = T.Zero;
            if (count == 0)
            {
                gradient.Clear();
            }
            else
            {
                loss = Model.ComputeLossAndGradient(_parameters, new Batch<T>(TrainData, batch.Slice(from, count)), gradient);
                if (mean && count * ranks != rows)
                {
                    // An uneven cut: weight this part's mean by its share of the rows, so the 1/P scale yields the batch mean.
                    Weight(gradient, T.CreateChecked(count * ranks) / T.CreateChecked(rows));
                }
            }

            _localScalars[ScalarsPerRank * k] = double.CreateChecked(loss);
            _localScalars[ScalarsPerRank * k + 1] = T.IsFinite(loss) && FiniteCheck.All<T>(gradient) ? 0 : 1;
        }

        Optimizer.GatherScalars(_localScalars, _allScalars, ScalarsPerRank);
        double batchLoss = 0;
        for (int r = 0; r < ranks; r++)
        {
            if (_allScalars[ScalarsPerRank * r + 1] != 0)
            {
                return NonFinite($"the loss or gradient of rank {r}'s part of the batch is not finite");
            }

            int count = ShardLayout.PieceStart(rows, ranks, r + 1) - ShardLayout.PieceStart(rows, ranks, r);
            batchLoss += mean ? _allScalars[ScalarsPerRank * r] * count / rows : _allScalars[ScalarsPerRank * r];
        }

        _parameters.AsSpan().CopyTo(_lastFinite);
        Optimizer.Step(_parameters, mean ? T.One / T.CreateChecked(ranks) : T.One);
        if (!FiniteCheck.All<T>(_parameters))
        {
            // Every rank holds the same gathered vector, so every rank takes this branch together.
            _lastFinite.AsSpan().CopyTo(_parameters);
            return NonFinite("the update made a parameter non-finite; the parameters from before it were restored");
        }

        Steps++;
        if (Options.RecordStepLosses)
        {
            History.AddStep(batchLoss);
        }

        return null;
    }

    private void EndEpoch()
    {
        Epoch++;
        EpochReport report = Evaluation.AfterEpoch<T, TModel>(Model, _parameters, TrainData, ValidationData, Epoch, Options.Epochs, Steps, Optimizer.LearningRate);
        History.AddEpoch(report);
        Options.Progress?.Report(report);
        WriteAutomaticCheckpoint(force: false);
    }

    private void WriteAutomaticCheckpoint(bool force)
    {
        if (Options.CheckpointPath is { } path && (force || Epoch % Options.CheckpointEvery == 0))
        {
            SaveCheckpoint(path);
        }
    }

    private TrainingResult NonFinite(string what) => Result(StopReason.NonFinite,
        $"Stopped at epoch {Epoch + 1}, batch {_batch + 1} (step {Steps + 1}): {what}. The parameters are the last finite ones.",
        Epoch + 1, _batch + 1, Steps + 1);

    private TrainingResult Result(StopReason reason, string message, int failedEpoch = 0, int failedBatch = 0, long failedStep = 0) =>
        new(reason, Epoch, Steps, History.EpochCount > 0 ? History.TrainLoss[^1] : double.NaN, message, failedEpoch, failedBatch, failedStep);

    private static void Weight(Span<T> gradient, T weight)
    {
        for (int i = 0; i < gradient.Length; i++)
        {
            gradient[i] *= weight;
        }
    }

    // The state a checkpoint carries, read and written by DataParallelCheckpoint.
    internal TrainingResult? Finished
    {
        get => _finished;
        set => _finished = value;
    }

    internal TrainingPosition CheckpointPosition => new(Epoch, Steps, _started, _inEpoch, _batch, _initialRate);

    internal void Restore(TrainingPosition position, LossHistory history)
    {
        (Epoch, Steps, _started, _inEpoch, _batch, _initialRate) = position;
        History = history;
    }

    internal LossHistory NewHistory() =>
        new(Options.Epochs, Options.RecordStepLosses ? (long)Options.Epochs * Plan.BatchCount : 0);
}

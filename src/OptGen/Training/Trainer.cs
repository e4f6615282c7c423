using System.Numerics;
using OptGen.Data;
using OptGen.Models;
using OptGen.Surfaces;

namespace OptGen.Training;

/// <summary>Creates trainers with the type arguments inferred.</summary>
public static class Trainer
{
    /// <summary>
    /// A trainer of <paramref name="model"/> by <paramref name="optimizer"/> on <paramref name="train"/>,
    /// updating <paramref name="parameters"/> in place.
    /// </summary>
    public static Trainer<T, TModel, TOptimizer> Create<T, TModel, TOptimizer>(
        TModel model, TOptimizer optimizer, Dataset<T> train, T[] parameters, TrainingOptions options, Dataset<T>? validation = null)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TModel : IModel<T>
        where TOptimizer : IOptimizer<T> =>
        new(model, optimizer, train, parameters, options, validation);
}

/// <summary>
/// The training loop: epochs × batches of a model and a generated optimizer, with loss history, validation,
/// progress, early stopping, a non-finite guard, learning-rate schedules, trajectories and checkpoints.
/// </summary>
/// <remarks>
/// <para>The trainer is generic over the model and the optimizer, so the JIT specializes the loop for them
/// and a struct optimizer lives in a field of this class, never boxed (reach it through <see cref="Optimizer"/>,
/// which returns a reference).</para>
/// <para>Every buffer is allocated when the trainer is created; a step allocates nothing.</para>
/// <para>A step: set the scheduled learning rate; compute the batch's loss and gradient; stop if either is not
/// finite; keep a copy of the parameters; let the optimizer update them; if any parameter is not finite,
/// put the copy back and stop. The step reported as failed is that first step whose batch loss or gradient
/// is not finite, or whose update is not; it is not counted in <see cref="Steps"/>.</para>
/// <para>After each epoch: the loss over the whole training set (and the validation set), progress, early
/// stopping, and a checkpoint if configured.</para>
/// </remarks>
/// <typeparam name="T">The element type.</typeparam>
/// <typeparam name="TModel">The model type.</typeparam>
/// <typeparam name="TOptimizer">The optimizer type (a generated class or struct).</typeparam>
public sealed class Trainer<T, TModel, TOptimizer>
    where T : unmanaged, IFloatingPointIeee754<T>
    where TModel : IModel<T>
    where TOptimizer : IOptimizer<T>
{
    private readonly T[] _parameters;
    private readonly T[] _gradient;
    private readonly T[] _lastFinite;
    private readonly T[]? _best;
    private readonly Trajectory<T>? _stepTrajectory;    // Trajectory if it records every step, else null
    private readonly Trajectory<T>? _epochTrajectory;   // Trajectory if it records every epoch, else null
    private TOptimizer _optimizer;
    private double _initialRate;
    private double _bestLoss = double.PositiveInfinity;
    private int _bestEpoch;
    private int _epochsWithoutImprovement;
    private TrainingResult? _finished;
    private bool _started;   // the initial losses and trajectory point are taken
    private bool _inEpoch;   // an epoch's order is drawn and some of its batches may be done
    private int _batch;      // the next batch of the current epoch

    /// <summary>
    /// A trainer of <paramref name="model"/> by <paramref name="optimizer"/> on <paramref name="train"/>,
    /// updating <paramref name="parameters"/> in place. The optimizer's current learning rate is the base
    /// rate of the schedule.
    /// </summary>
    /// <exception cref="ArgumentException">The sizes of the model, optimizer, parameters and data disagree.</exception>
    public Trainer(TModel model, TOptimizer optimizer, Dataset<T> train, T[] parameters, TrainingOptions options, Dataset<T>? validation = null)
    {
        // "is null" rather than ThrowIfNull(object): no boxing of a struct model or optimizer.
        if (model is null)
        {
            throw new ArgumentNullException(nameof(model));
        }

        if (optimizer is null)
        {
            throw new ArgumentNullException(nameof(optimizer));
        }

        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (parameters.Length != model.ParameterCount || optimizer.ParameterCount != model.ParameterCount)
        {
            throw new ArgumentException(
                $"The model has {model.ParameterCount} parameters, the optimizer {optimizer.ParameterCount}, and the parameter array {parameters.Length}; they must be equal.",
                nameof(parameters));
        }

        CheckData(train, model, nameof(train));
        if (validation is not null)
        {
            CheckData(validation, model, nameof(validation));
        }

        for (int i = 0; i < parameters.Length; i++)
        {
            if (!T.IsFinite(parameters[i]))
            {
                throw new ArgumentException($"Parameter {i} is {parameters[i]}; training starts from finite parameters.", nameof(parameters));
            }
        }

        Model = model;
        _optimizer = optimizer;
        TrainData = train;
        ValidationData = validation;
        Options = options;
        _parameters = parameters;
        _gradient = new T[parameters.Length];
        _lastFinite = new T[parameters.Length];
        _best = options.EarlyStopping is { RestoreBest: true } ? new T[parameters.Length] : null;
        _initialRate = optimizer.LearningRate;
        Plan = new BatchPlan<T>(train, options.Batching, options.Seed);
        long totalSteps = (long)options.Epochs * Plan.BatchCount;
        History = NewHistory();
        if (options.Trajectory is { } trajectory)
        {
            long points = 1 + (trajectory.Frequency == TrajectoryFrequency.PerStep ? totalSteps : options.Epochs);
            Trajectory = new Trajectory<T>(parameters.Length, checked((int)points), trajectory.Indices);
            _stepTrajectory = trajectory.Frequency == TrajectoryFrequency.PerStep ? Trajectory : null;
            _epochTrajectory = trajectory.Frequency == TrajectoryFrequency.PerEpoch ? Trajectory : null;
        }
    }

    /// <summary>The model.</summary>
    public TModel Model { get; }

    /// <summary>The optimizer, by reference (so a struct optimizer's state is the trainer's, not a copy).</summary>
    public ref TOptimizer Optimizer => ref _optimizer;

    /// <summary>The training data.</summary>
    public Dataset<T> TrainData { get; }

    /// <summary>The held-out data evaluated after each epoch, if any.</summary>
    public Dataset<T>? ValidationData { get; }

    /// <summary>The options.</summary>
    public TrainingOptions Options { get; }

    /// <summary>The parameters being trained (the caller's array, updated in place).</summary>
    public T[] Parameters => _parameters;

    /// <summary>The batches and the shuffle.</summary>
    public BatchPlan<T> Plan { get; }

    /// <summary>The losses so far.</summary>
    public LossHistory History { get; private set; }

    /// <summary>The recorded trajectory, when <see cref="TrainingOptions.Trajectory"/> asks for one.</summary>
    public Trajectory<T>? Trajectory { get; }

    /// <summary>The number of completed epochs.</summary>
    public int Epoch { get; private set; }

    /// <summary>The number of optimizer steps taken.</summary>
    public long Steps { get; private set; }

    /// <summary>The learning rate the schedule starts from (the optimizer's rate when the trainer was created).</summary>
    public double InitialLearningRate => _initialRate;

    /// <summary>The 1-based epoch with the lowest monitored loss so far (0 before the first epoch).</summary>
    public int BestEpoch => _bestEpoch;

    /// <summary>Whether the run has ended (all epochs, early stop or non-finite values; a cancelled run has not).</summary>
    public bool IsFinished => _finished is not null;

    /// <summary>Runs the remaining epochs (or until a stop).</summary>
    public TrainingResult Run(CancellationToken cancellationToken = default) => RunCore(int.MaxValue, long.MaxValue, cancellationToken);

    /// <summary>
    /// Runs until <paramref name="count"/> more epochs have ended (finishing a partly run epoch counts as one),
    /// or the run stops.
    /// </summary>
    public TrainingResult RunEpochs(int count, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return RunCore(count, long.MaxValue, cancellationToken);
    }

    /// <summary>
    /// Takes at most <paramref name="count"/> more optimizer steps, pausing wherever that leaves the run — in the
    /// middle of an epoch if need be (a checkpoint taken there resumes at the next batch of the same epoch).
    /// </summary>
    public TrainingResult RunSteps(long count, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return RunCore(int.MaxValue, count, cancellationToken);
    }

    private TrainingResult RunCore(int epochs, long steps, CancellationToken cancellationToken)
    {
        if (_finished is not null)
        {
            return _finished;
        }

        if (!_started)
        {
            Start();
        }

        int epochsDone = 0;
        long stepsDone = 0;
        while (Epoch < Options.Epochs && epochsDone < epochs)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                // Not an end: the state is whole between two steps, so Run (or a checkpoint) continues from here.
                WriteAutomaticCheckpoint(force: true);
                return Result(StopReason.Cancelled, $"Cancelled at {Position}; Run continues from there.");
            }

            if (stepsDone == steps)
            {
                return Result(StopReason.None, $"Paused at {Position}.");
            }

            if (!_inEpoch)
            {
                Plan.BeginEpoch();
                _inEpoch = true;
                _batch = 0;
            }

            TrainingResult? stop = TakeStep();
            if (stop is not null)
            {
                // After a non-finite step no checkpoint is written: the optimizer's state may hold the overflow,
                // and the previous checkpoint is the one worth keeping.
                return _finished = stop;
            }

            stepsDone++;
            if (++_batch < Plan.BatchCount)
            {
                continue;
            }

            _inEpoch = false;
            _batch = 0;
            epochsDone++;
            stop = EndEpoch();
            if (stop is not null)
            {
                // The last checkpoint must say the run has ended, or a resume would train past the stop.
                _finished = stop;
                WriteAutomaticCheckpoint(force: true);
                return stop;
            }
        }

        if (Epoch >= Options.Epochs)
        {
            _finished = Result(StopReason.Completed, $"Completed {Epoch} epochs ({Steps} steps).");
            WriteAutomaticCheckpoint(force: true);
            return _finished;
        }

        return Result(StopReason.None, $"Paused at {Position}.");
    }

    private string Position => _inEpoch
        ? $"epoch {Epoch + 1}, after batch {_batch} of {Plan.BatchCount} (step {Steps})"
        : $"the end of epoch {Epoch} of {Options.Epochs} (step {Steps})";

    /// <summary>
    /// Writes a checkpoint — parameters, optimizer state, epoch, step, the position in the epoch and its row
    /// order, the shuffle generator's state, history, trajectory, early-stopping state — atomically to
    /// <paramref name="path"/>, with a checksum. It may be taken between any two steps.
    /// </summary>
    public void SaveCheckpoint(string path) => CheckpointFile.Write(path, TrainerCheckpoint.Serialize(this));

    /// <summary>
    /// Continues from a checkpoint written by a trainer with the same model, optimizer kind, data and options,
    /// so that the rest of the run equals an uninterrupted one bit for bit.
    /// </summary>
    /// <exception cref="CheckpointException">The file is torn, altered, or from a different run.</exception>
    public void LoadCheckpoint(string path)
    {
        byte[] body = CheckpointFile.Read(path);
        try
        {
            TrainerCheckpoint.Deserialize(this, body);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or ArgumentException)
        {
            throw new CheckpointException(path, e.Message, e);
        }
    }

    private void Start()
    {
        _started = true;
        History.InitialTrainLoss = double.CreateChecked(Model.ComputeLoss(_parameters, TrainData.All));
        History.InitialValidationLoss = ValidationData is null ? double.NaN : double.CreateChecked(Model.ComputeLoss(_parameters, ValidationData.All));
        Trajectory?.Record(_parameters, 0);
    }

    private TrainingResult? TakeStep()
    {
        if (Options.Schedule is { } schedule)
        {
            _optimizer.LearningRate = schedule.Rate(_initialRate, Steps, Epoch);
        }

        T loss = Model.ComputeLossAndGradient(_parameters, Plan.GetBatch(_batch), _gradient);
        if (!T.IsFinite(loss) || !FiniteCheck.All<T>(_gradient))
        {
            string what = T.IsFinite(loss) ? "the gradient" : $"the loss ({loss})";
            return NonFinite($"{what} is not finite");
        }

        _parameters.AsSpan().CopyTo(_lastFinite);
        _optimizer.Step(_parameters, _gradient);
        if (!FiniteCheck.All<T>(_parameters))
        {
            _lastFinite.AsSpan().CopyTo(_parameters);
            return NonFinite("the update made a parameter non-finite; the parameters from before it were restored");
        }

        Steps++;
        if (Options.RecordStepLosses)
        {
            History.AddStep(double.CreateChecked(loss));
        }

        _stepTrajectory?.Record(_parameters, Steps);
        return null;
    }

    private TrainingResult? EndEpoch()
    {
        Epoch++;
        _epochTrajectory?.Record(_parameters, Steps);
        EpochReport report = Evaluation.AfterEpoch<T, TModel>(Model, _parameters, TrainData, ValidationData, Epoch, Options.Epochs, Steps, _optimizer.LearningRate);
        History.AddEpoch(report);
        Options.Progress?.Report(report);

        // A non-finite epoch loss does not stop the run by itself: it is recorded, and the guard stops at the
        // first step that would use a non-finite loss or gradient — so "the step that failed" has one meaning.
        TrainingResult? early = Options.EarlyStopping is { } stopping ? CheckEarlyStop(stopping, ValidationData is null ? report.TrainLoss : report.ValidationLoss) : null;
        if (early is null)
        {
            WriteAutomaticCheckpoint(force: false);
        }

        return early;
    }

    private TrainingResult? CheckEarlyStop(EarlyStopping stopping, double monitored)
    {
        if (monitored < _bestLoss - stopping.MinDelta)
        {
            _bestLoss = monitored;
            _bestEpoch = Epoch;
            _epochsWithoutImprovement = 0;
            if (_best is not null)
            {
                _parameters.AsSpan().CopyTo(_best);
            }

            return null;
        }

        if (++_epochsWithoutImprovement < stopping.Patience)
        {
            return null;
        }

        if (_best is not null)
        {
            _best.AsSpan().CopyTo(_parameters);
        }

        string restored = _best is not null ? $"; the parameters of epoch {_bestEpoch} were restored" : "";
        return Result(StopReason.EarlyStopped,
            $"Stopped early after epoch {Epoch}: no improvement over {_bestLoss} (epoch {_bestEpoch}) for {stopping.Patience} epochs{restored}.");
    }

    private void WriteAutomaticCheckpoint(bool force)
    {
        if (Options.CheckpointPath is { } path && (force || Epoch % Options.CheckpointEvery == 0))
        {
            SaveCheckpoint(path);
        }
    }

    private TrainingResult NonFinite(string what)
    {
        // The failing step is the one after the last completed step; it is not counted in Steps.
        int epoch = Epoch + 1;
        long step = Steps + 1;
        return Result(StopReason.NonFinite,
            $"Stopped at epoch {epoch}, batch {_batch + 1} (step {step}): {what}. The parameters are the last finite ones.",
            epoch, _batch + 1, step);
    }

    private TrainingResult Result(StopReason reason, string message, int failedEpoch = 0, int failedBatch = 0, long failedStep = 0) =>
        new(reason, Epoch, Steps, History.EpochCount > 0 ? History.TrainLoss[^1] : double.NaN, message, failedEpoch, failedBatch, failedStep);

    private static void CheckData(Dataset<T> data, TModel model, string name)
    {
        if (data.FeatureCount != model.InputCount)
        {
            throw new ArgumentException($"The data has {data.FeatureCount} features per row, but the model takes {model.InputCount}.", name);
        }
    }

    // The state a checkpoint carries, read and written by TrainerCheckpoint (the optimizer through Optimizer).
    internal T[] Best => _best ?? [];

    internal (double BestLoss, int BestEpoch, int WithoutImprovement) EarlyStopState
    {
        get => (_bestLoss, _bestEpoch, _epochsWithoutImprovement);
        set => (_bestLoss, _bestEpoch, _epochsWithoutImprovement) = value;
    }

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

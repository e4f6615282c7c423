namespace OptGen.Training;

/// <summary>
/// The losses of a run, per epoch (and per step if asked). The arrays grow as they fill (doubling, up to the
/// run's length), so a run configured for two billion epochs that stops early costs only what it used, and
/// recording allocates only when an array doubles — never in the steady state of a run that fits its first size.
/// </summary>
public sealed class LossHistory
{
    /// <summary>The entries allocated up front; a run of up to this many epochs (or steps) never grows an array.</summary>
    internal const int InitialCapacity = 4096;

    private readonly int _maxEpochs;
    private readonly int _maxSteps;
    private double[] _train;
    private double[] _validation;
    private double[] _accuracy;
    private double[] _rates;
    private double[] _steps;

    internal LossHistory(int epochs, long steps)
    {
        _maxEpochs = epochs;
        _maxSteps = (int)Math.Min(steps, Array.MaxLength);
        int epochCapacity = Math.Min(epochs, InitialCapacity);
        _train = new double[epochCapacity];
        _validation = new double[epochCapacity];
        _accuracy = new double[epochCapacity];
        _rates = new double[epochCapacity];
        _steps = new double[Math.Min(_maxSteps, InitialCapacity)];
    }

    /// <summary>The training loss before the first step.</summary>
    public double InitialTrainLoss { get; internal set; } = double.NaN;

    /// <summary>The validation loss before the first step (NaN without validation data).</summary>
    public double InitialValidationLoss { get; internal set; } = double.NaN;

    /// <summary>The number of epochs recorded.</summary>
    public int EpochCount { get; private set; }

    /// <summary>The number of step losses recorded (0 unless <see cref="TrainingOptions.RecordStepLosses"/>).</summary>
    public int StepCount { get; private set; }

    /// <summary>The loss over the whole training set after each epoch.</summary>
    public ReadOnlySpan<double> TrainLoss => _train.AsSpan(0, EpochCount);

    /// <summary>The validation loss after each epoch (NaN without validation data).</summary>
    public ReadOnlySpan<double> ValidationLoss => _validation.AsSpan(0, EpochCount);

    /// <summary>The validation accuracy after each epoch (NaN without validation data or for a regression model).</summary>
    public ReadOnlySpan<double> ValidationAccuracy => _accuracy.AsSpan(0, EpochCount);

    /// <summary>The learning rate of each epoch's last step.</summary>
    public ReadOnlySpan<double> LearningRate => _rates.AsSpan(0, EpochCount);

    /// <summary>The batch loss of each step, computed at the parameters the step started from.</summary>
    public ReadOnlySpan<double> StepLoss => _steps.AsSpan(0, StepCount);

    internal void AddEpoch(double train, double validation, double accuracy, double rate)
    {
        if (EpochCount == _train.Length)
        {
            GrowEpochs(EpochCount + 1);
        }

        _train[EpochCount] = train;
        _validation[EpochCount] = validation;
        _accuracy[EpochCount] = accuracy;
        _rates[EpochCount] = rate;
        EpochCount++;
    }

    internal void AddEpoch(EpochReport report) => AddEpoch(report.TrainLoss, report.ValidationLoss, report.ValidationAccuracy, report.LearningRate);

    internal void AddStep(double loss)
    {
        if (StepCount == _steps.Length && StepCount < _maxSteps)
        {
            _steps = Grown(_steps, StepCount + 1, _maxSteps);
        }

        if (StepCount < _steps.Length)
        {
            _steps[StepCount++] = loss;
        }
    }

    internal void Write(BinaryWriter writer)
    {
        writer.Write(InitialTrainLoss);
        writer.Write(InitialValidationLoss);
        writer.Write(EpochCount);
        for (int i = 0; i < EpochCount; i++)
        {
            writer.Write(_train[i]);
            writer.Write(_validation[i]);
            writer.Write(_accuracy[i]);
            writer.Write(_rates[i]);
        }

        writer.Write(StepCount);
        for (int i = 0; i < StepCount; i++)
        {
            writer.Write(_steps[i]);
        }
    }

    internal void Read(BinaryReader reader)
    {
        InitialTrainLoss = reader.ReadDouble();
        InitialValidationLoss = reader.ReadDouble();
        int epochs = reader.ReadInt32();
        if ((uint)epochs > (uint)_maxEpochs)
        {
            throw new InvalidDataException($"The checkpoint holds {epochs} epochs of history; this run has {_maxEpochs} epochs.");
        }

        // Read before growing: a corrupted count must end in EndOfStreamException, not in a huge allocation.
        for (int i = 0; i < epochs; i++)
        {
            if (i == _train.Length)
            {
                GrowEpochs(i + 1);
            }

            _train[i] = reader.ReadDouble();
            _validation[i] = reader.ReadDouble();
            _accuracy[i] = reader.ReadDouble();
            _rates[i] = reader.ReadDouble();
        }

        EpochCount = epochs;
        int steps = reader.ReadInt32();
        if ((uint)steps > (uint)_maxSteps)
        {
            throw new InvalidDataException($"The checkpoint holds {steps} step losses; this run records at most {_maxSteps}.");
        }

        for (int i = 0; i < steps; i++)
        {
            if (i == _steps.Length)
            {
                _steps = Grown(_steps, i + 1, _maxSteps);
            }

            _steps[i] = reader.ReadDouble();
        }

        StepCount = steps;
    }

    private void GrowEpochs(int needed)
    {
        _train = Grown(_train, needed, _maxEpochs);
        _validation = Grown(_validation, needed, _maxEpochs);
        _accuracy = Grown(_accuracy, needed, _maxEpochs);
        _rates = Grown(_rates, needed, _maxEpochs);
    }

    /// <summary>A copy of <paramref name="values"/> at least <paramref name="needed"/> long: twice as long, up to <paramref name="limit"/>.</summary>
    internal static TValue[] Grown<TValue>(TValue[] values, int needed, int limit)
    {
        int capacity = (int)Math.Min(Math.Max((long)values.Length * 2, needed), limit);
        var grown = new TValue[capacity];
        values.CopyTo(grown, 0);
        return grown;
    }
}

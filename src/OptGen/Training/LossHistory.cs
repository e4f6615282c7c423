namespace OptGen.Training;

/// <summary>
/// The losses of a run, per epoch (and per step if asked), in arrays sized for the whole run when the
/// trainer is created, so that recording allocates nothing.
/// </summary>
public sealed class LossHistory
{
    private readonly double[] _train;
    private readonly double[] _validation;
    private readonly double[] _accuracy;
    private readonly double[] _rates;
    private readonly double[] _steps;

    internal LossHistory(int epochs, long steps)
    {
        _train = new double[epochs];
        _validation = new double[epochs];
        _accuracy = new double[epochs];
        _rates = new double[epochs];
        _steps = new double[checked((int)steps)];
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
        _train[EpochCount] = train;
        _validation[EpochCount] = validation;
        _accuracy[EpochCount] = accuracy;
        _rates[EpochCount] = rate;
        EpochCount++;
    }

    internal void AddEpoch(EpochReport report) => AddEpoch(report.TrainLoss, report.ValidationLoss, report.ValidationAccuracy, report.LearningRate);

    internal void AddStep(double loss)
    {
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
        if ((uint)epochs > (uint)_train.Length)
        {
            throw new InvalidDataException($"The checkpoint holds {epochs} epochs of history; this run has {_train.Length} epochs.");
        }

        for (int i = 0; i < epochs; i++)
        {
            _train[i] = reader.ReadDouble();
            _validation[i] = reader.ReadDouble();
            _accuracy[i] = reader.ReadDouble();
            _rates[i] = reader.ReadDouble();
        }

        EpochCount = epochs;
        int steps = reader.ReadInt32();
        if ((uint)steps > (uint)_steps.Length)
        {
            throw new InvalidDataException($"The checkpoint holds {steps} step losses; this run records at most {_steps.Length}.");
        }

        for (int i = 0; i < steps; i++)
        {
            _steps[i] = reader.ReadDouble();
        }

        StepCount = steps;
    }
}

using OptGen.Plotting;

namespace OptGen.Demo.Cases;

/// <summary>One training run: one optimizer, one way of batching, one row of a table.</summary>
/// <param name="Label">The optimizer's name as the table and legends show it.</param>
/// <param name="Kind">The update rule.</param>
/// <param name="Batching">How the data was fed: "full batch", "stochastic", "mini-batch of B".</param>
/// <param name="LearningRate">The learning rate.</param>
/// <param name="Updates">Optimizer steps taken.</param>
/// <param name="FinalLoss">The training loss after the last epoch.</param>
/// <param name="EpochBelowThreshold">The first epoch after which the loss was below the threshold; <see langword="null"/> if never.</param>
/// <param name="Elapsed">Wall time of the training.</param>
/// <param name="LossHistory">The training loss after each epoch (index 0 = epoch 1).</param>
public sealed record RunResult(
    string Label,
    Kind Kind,
    string Batching,
    double LearningRate,
    long Updates,
    double FinalLoss,
    int? EpochBelowThreshold,
    TimeSpan Elapsed,
    double[] LossHistory)
{
    /// <summary>Two parameters after each epoch, the start first (for contour pictures); <see langword="null"/> when not recorded.</summary>
    public PathSeries? Path { get; init; }

    /// <summary>Accuracy on held-out data, for classifiers; <see langword="null"/> otherwise.</summary>
    public double? TestAccuracy { get; init; }

    /// <summary>The colour of this run in every picture of its case.</summary>
    public int ColorIndex { get; init; }

    /// <summary>Why a run stopped early (a non-finite loss), or <see langword="null"/>.</summary>
    public string? Stopped { get; init; }

    /// <summary>The first epoch (1-based) whose loss is below <paramref name="threshold"/>, or <see langword="null"/>.</summary>
    public static int? FirstEpochBelow(ReadOnlySpan<double> lossHistory, double threshold)
    {
        for (int e = 0; e < lossHistory.Length; e++)
        {
            if (lossHistory[e] < threshold)
            {
                return e + 1;
            }
        }

        return null;
    }
}

/// <summary>One table: a title, its rows, and the threshold of its "epoch &lt; threshold" column.</summary>
/// <param name="Title">The table's title.</param>
/// <param name="Runs">Its rows.</param>
/// <param name="Threshold">The loss that counts as reached.</param>
public sealed record TableSection(string Title, IReadOnlyList<RunResult> Runs, double Threshold);

/// <summary>What a case computed: its tables, what to say about them, and (in derived records) what its pictures need.</summary>
/// <param name="Sections">The tables, in order.</param>
public abstract record CaseResult(IReadOnlyList<TableSection> Sections)
{
    /// <summary>Every row of every table.</summary>
    public IEnumerable<RunResult> Runs => Sections.SelectMany(s => s.Runs);

    /// <summary>Lines printed under the tables.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}

/// <summary>A case of the demo: a problem, the optimizers it compares, its table and its pictures.</summary>
public interface IDemoCase
{
    /// <summary>The command that runs this case alone.</summary>
    string Name { get; }

    /// <summary>One paragraph for --help.</summary>
    string Description { get; }

    /// <summary>Trains every run of the case. <paramref name="progress"/> receives the fraction done.</summary>
    CaseResult Run(DemoSettings settings, IProgress<double>? progress = null);

    /// <summary>Writes the case's pictures into <see cref="DemoSettings.OutputFolder"/>; returns their paths.</summary>
    IReadOnlyList<string> WritePictures(CaseResult result, DemoSettings settings, IProgress<double>? progress = null);
}

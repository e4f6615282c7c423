using System.Globalization;
using OptGen.Data;
using OptGen.Demo.Cases;
using OptGen.Demo.Optimizers;
using OptGen.Models;
using OptGen.Training;

namespace OptGen.Demo.Tests;

/// <summary>
/// The numbers in the demo's tables are what the runtime computes for the same settings: each row is
/// recomputed here straight from the runtime's <see cref="Trainer"/>, without the demo's training code.
/// </summary>
public sealed class TableNumbersTests
{
    private const int Seed = 5;

    private static (double FinalLoss, long Steps, double[] Losses, double[] Parameters, double TestAccuracy) Reference<TModel, TOptimizer>(
        TModel model, TOptimizer optimizer, Dataset<double> train, double[] start, int epochs, Batching batching, Dataset<double>? test = null)
        where TModel : IModel<double>
        where TOptimizer : IOptimizer<double>
    {
        var trainer = Trainer.Create(model, optimizer, train, start, new TrainingOptions { Epochs = epochs, Batching = batching, Seed = Seed }, test);
        TrainingResult result = trainer.Run();
        double accuracy = test is null ? double.NaN : Evaluation.Accuracy(model, start, test);
        return (result.FinalTrainLoss, result.Steps, trainer.History.TrainLoss.ToArray(), start, accuracy);
    }

    private static int? FirstBelow(double[] losses, double threshold)
    {
        int index = Array.FindIndex(losses, l => l < threshold);
        return index < 0 ? null : index + 1;
    }

    /// <summary>
    /// The cells of the one table row that has a cell equal to <paramref name="key"/>, by column header. A value every
    /// run of a table shares is in its caption ("every run: SGD, lr 1"), not in a column, so it is looked up there.
    /// </summary>
    private static Dictionary<string, string> Row(string output, string key)
    {
        string[] lines = output.Split('\n');
        static string[] Cells(string line) => line.Split('│', StringSplitOptions.TrimEntries)[1..^1];
        int row = Assert.Single(Enumerable.Range(0, lines.Length), i => lines[i].StartsWith('│') && Cells(lines[i]).Contains(key));
        int header = Enumerable.Range(0, row).Last(i => lines[i].StartsWith('├')) - 1;
        var cells = Cells(lines[header]).Zip(Cells(lines[row])).ToDictionary(pair => pair.First, pair => pair.Second);
        string? caption = lines.Skip(row).TakeWhile(line => !line.StartsWith('╭')).FirstOrDefault(line => line.TrimStart().StartsWith("every run: ", StringComparison.Ordinal));
        foreach (string shared in caption?.Trim()["every run: ".Length..].Split(", ") ?? [])
        {
            if (shared.StartsWith("lr ", StringComparison.Ordinal))
            {
                cells["lr"] = shared["lr ".Length..];
            }
        }

        return cells;
    }

    private static void AssertPrinted(Dictionary<string, string> row, RunResult expected)
    {
        Assert.Equal(Format.Number(expected.LearningRate), row["lr"]);
        Assert.Equal(expected.Updates.ToString("N0", CultureInfo.InvariantCulture), row["updates"]);
        Assert.Equal(Format.Loss(expected.FinalLoss), row["final loss"]);
        Assert.Equal(expected.EpochBelowThreshold?.ToString(CultureInfo.InvariantCulture) ?? "never", row.Single(cell => cell.Key.StartsWith("epoch < ", StringComparison.Ordinal)).Value);
        if (expected.TestAccuracy is { } accuracy)
        {
            Assert.Equal(accuracy.ToString("P1", CultureInfo.InvariantCulture), row["test acc."]);
        }
    }

    [Fact]
    public void Neuron_rows_equal_the_runtime()
    {
        const int epochs = 300;
        var result = (NeuronResult)new NeuronCase().Run(new DemoSettings { Epochs = epochs, Seed = Seed, Pictures = false });
        Dataset<double> data = SyntheticData.TutorialNeuron<double>();
        var model = new SigmoidNeuron<double>();
        double[] Start() => [-2, -2];

        var expected = new Dictionary<string, (double, long, double[], double[], double)>
        {
            ["GD"] = Reference(model, new NeuronSgd(), data, Start(), epochs, Batching.FullBatch),
            ["Momentum"] = Reference(model, new NeuronMomentum(), data, Start(), epochs, Batching.FullBatch),
            ["NAG"] = Reference(model, new NeuronNesterov(), data, Start(), epochs, Batching.FullBatch),
            ["Adagrad"] = Reference(model, new NeuronAdagrad(), data, Start(), epochs, Batching.FullBatch),
            ["RMSProp"] = Reference(model, new NeuronRmsProp(), data, Start(), epochs, Batching.FullBatch),
            ["Adam"] = Reference(model, new NeuronAdam(), data, Start(), epochs, Batching.FullBatch),
        };
        Assert.Equal(expected.Keys, result.Rules.Select(r => r.Label));
        foreach (RunResult row in result.Rules)
        {
            (double loss, long steps, double[] losses, double[] parameters, _) = expected[row.Label];
            Assert.Equal(loss, row.FinalLoss); // bit for bit
            Assert.Equal(steps, row.Updates);
            Assert.Equal(losses, row.LossHistory);
            Assert.Equal(FirstBelow(losses, NeuronCase.DefaultThreshold), row.EpochBelowThreshold);
            Assert.Equal(parameters[0], row.Path!.X[^1]);
            Assert.Equal(parameters[1], row.Path!.Y[^1]);
        }

        // The tutorial's numbers (formulas.md) at 1000 epochs are checked elsewhere; here, the batching rows.
        Dataset<double> eight = NeuronCase.BatchingData();
        var batchings = new[] { Batching.FullBatch, Batching.Stochastic(shuffle: true), Batching.MiniBatch(NeuronCase.MiniBatchSize, shuffle: true) };
        Assert.Equal(3, result.BatchingRuns.Count);
        for (int i = 0; i < 3; i++)
        {
            (double loss, long steps, double[] losses, _, _) = Reference(model, new NeuronSgd(), eight, Start(), epochs, batchings[i]);
            Assert.Equal(loss, result.BatchingRuns[i].FinalLoss);
            Assert.Equal(steps, result.BatchingRuns[i].Updates);
            Assert.Equal(losses, result.BatchingRuns[i].LossHistory);
        }

        Assert.Equal([1L * epochs, 8L * epochs, 4L * epochs], result.BatchingRuns.Select(r => r.Updates));
    }

    [Fact]
    public void Printed_tables_show_the_runtimes_numbers()
    {
        const int epochs = 250;
        (int exitCode, string output, string error) = DemoRun.Capture(["neuron", "--epochs", epochs.ToString(CultureInfo.InvariantCulture), "--seed", Seed.ToString(CultureInfo.InvariantCulture), "--no-pictures"]);
        Assert.True(exitCode == 0, error);

        Dataset<double> data = SyntheticData.TutorialNeuron<double>();
        var model = new SigmoidNeuron<double>();
        (double loss, long steps, double[] losses, _, _) = Reference(model, new NeuronAdam(), data, [-2, -2], epochs, Batching.FullBatch);
        AssertPrinted(Row(output, "Adam"), new RunResult("Adam", Kind.Adam, "full batch", 0.1, steps, loss, FirstBelow(losses, 1e-4), TimeSpan.Zero, losses));

        (loss, steps, losses, _, _) = Reference(model, new NeuronSgd(), data, [-2, -2], epochs, Batching.FullBatch);
        AssertPrinted(Row(output, "GD"), new RunResult("GD", Kind.Sgd, "full batch", 1, steps, loss, FirstBelow(losses, 1e-4), TimeSpan.Zero, losses));

        (loss, steps, losses, _, _) = Reference(model, new NeuronSgd(), NeuronCase.BatchingData(), [-2, -2], epochs, Batching.Stochastic(shuffle: true));
        AssertPrinted(Row(output, "stochastic"), new RunResult("SGD", Kind.Sgd, "stochastic", 1, steps, loss, FirstBelow(losses, 1e-4), TimeSpan.Zero, losses));
    }

    [Fact]
    public void Plateau_sparse_and_mlp_rows_equal_the_runtime()
    {
        // The plateau: GD barely moves, momentum gets out (with the tutorial's 10,000 epochs it reaches the minimum).
        var plateau = new PlateauCase().Run(new DemoSettings { Epochs = 4000, Seed = Seed, Pictures = false });
        var model = new SigmoidNeuron<double>();
        Dataset<double> data = SyntheticData.TutorialNeuron<double>();
        var gd = Reference(model, new NeuronSgd(), data, [-6, -6], 4000, Batching.FullBatch);
        var momentum = Reference(model, new NeuronMomentum(), data, [-6, -6], 4000, Batching.FullBatch);
        Assert.Equal(gd.FinalLoss, plateau.Runs.Single(r => r.Label == "GD").FinalLoss);
        Assert.Equal(momentum.FinalLoss, plateau.Runs.Single(r => r.Label == "Momentum").FinalLoss);
        Assert.True(gd.FinalLoss > 0.4, $"GD left the plateau: loss {gd.FinalLoss}");
        Assert.True(momentum.FinalLoss < 1e-20, $"Momentum stayed on the plateau: loss {momentum.FinalLoss}");

        // Sparse features.
        const int epochs = 8;
        var sparse = new SparseCase().Run(new DemoSettings { Epochs = epochs, Seed = Seed, Pictures = false });
        (Dataset<double> train, Dataset<double> test) = SparseCase.Data(Seed);
        var logistic = new LogisticRegression<double>(SparseCase.Features);
        int n = logistic.ParameterCount;
        var adagrad = Reference(logistic, new SparseAdagrad(n), train, new double[n], epochs, SparseCase.Batching, test);
        RunResult adagradRow = sparse.Runs.Single(r => r.Kind == Kind.Adagrad);
        Assert.Equal(adagrad.FinalLoss, adagradRow.FinalLoss);
        Assert.Equal(adagrad.TestAccuracy, adagradRow.TestAccuracy);
        var sgd = Reference(logistic, new SparseSgd(n), train, new double[n], epochs, SparseCase.Batching, test);
        Assert.Equal(sgd.FinalLoss, sparse.Runs.Single(r => r.Kind == Kind.Sgd).FinalLoss);

        // The MLP.
        var mlp = (MlpResult)new MlpCase().Run(new DemoSettings { Epochs = epochs, Seed = Seed, Pictures = false });
        (train, test) = MlpCase.Data(Seed);
        Mlp<double> network = MlpCase.CreateModel();
        var adam = Reference(network, new MlpAdam(network.ParameterCount), train, network.CreateParameters(Seed), epochs, MlpCase.Batching, test);
        RunResult adamRow = mlp.Runs.Single(r => r.Kind == Kind.Adam);
        Assert.Equal(adam.FinalLoss, adamRow.FinalLoss);
        Assert.Equal(adam.Steps, adamRow.Updates);
        Assert.Equal(adam.TestAccuracy, adamRow.TestAccuracy);
        Assert.Equal(adam.Parameters, mlp.Parameters[mlp.Runs.ToList().IndexOf(adamRow)]);
    }
}

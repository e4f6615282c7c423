using Xunit;
// README:begin
using OptGen;
using OptGen.Data;
using OptGen.Models;
using OptGen.Training;

// The optimizer: Adam, written at compile time; its size is given to the constructor.
[Optimizer(Kind.Adam, LearningRate = 0.01)]
public partial class MoonsAdam;

public static class MoonsExample
{
    public static double Run()
    {
        // The data: two interleaved half-moons, split 75/25, standardised on the training part.
        var moons = SyntheticData.TwoMoons<double>(600, noise: 0.1, seed: 1);
        var (train, test) = DatasetSplit.TrainTest(moons, testFraction: 0.25, seed: 2);
        var scaler = Standardizer<double>.Fit(train);
        (train, test) = (scaler.Transform(train), scaler.Transform(test));

        // The model: 2 → 16 → 16 → 1 with tanh, a sigmoid output and cross-entropy; Xavier weights from a seed.
        var model = new Mlp<double>(inputs: 2, hidden: [16, 16], Activation.Tanh);
        double[] parameters = model.CreateParameters(seed: 3);

        // The trainer: 60 epochs of shuffled mini-batches of 32, evaluated on the test part after each epoch.
        var trainer = Trainer.Create(model, new MoonsAdam(model.ParameterCount), train, parameters,
            new TrainingOptions { Epochs = 60, Batching = Batching.MiniBatch(32), Seed = 4 }, validation: test);
        TrainingResult result = trainer.Run();

        double accuracy = Evaluation.Accuracy(model, parameters, test);
        Console.WriteLine($"{result.Message} Test accuracy: {accuracy:P1}.");
        return accuracy;
    }
}
// README:end

namespace OptGen.Tests.Runtime
{
    /// <summary>The README's training example compiles (it is the code above), runs, and is quoted verbatim.</summary>
    public class ReadmeExampleTests
    {
        [Fact]
        public void TheExampleTrainsToHighAccuracy() => Assert.True(MoonsExample.Run() >= 0.95);

        [Fact]
        public void TheReadmeQuotesTheExampleVerbatim()
        {
            string root = RepositoryRoot();
            string source = Normalize(File.ReadAllText(Path.Combine(root, "tests", "OptGen.Tests", "Runtime", "ReadmeExampleTests.cs")));
            string readme = Normalize(File.ReadAllText(Path.Combine(root, "README.md")));
            int begin = source.IndexOf("// README:begin\n", StringComparison.Ordinal);
            int end = source.IndexOf("// README:end", StringComparison.Ordinal);
            Assert.True(begin >= 0 && end > begin, "the README markers are missing from this file");
            string example = source[(begin + "// README:begin\n".Length)..end];
            Assert.Contains("```csharp\n" + example + "```", readme);
        }

        private static string Normalize(string text) => text.Replace("\r\n", "\n");

        private static string RepositoryRoot()
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "OptGen.sln")))
                {
                    return folder.FullName;
                }
            }

            throw new InvalidOperationException($"No OptGen.sln above {AppContext.BaseDirectory}.");
        }
    }
}

using Xunit;
// README:begin
using OptGen;
using OptGen.Data;
using OptGen.Models;
using OptGen.Training;

[Optimizer(Kind.Adam, LearningRate = 0.01)]   // sized by its constructor
public partial class MoonsAdam;

public static class MoonsExample
{
    public static double Run()
    {
        // Two half-moons, split 75/25 and standardised; an MLP 2-16-16-1 (tanh) with Xavier weights from a seed.
        var (train, test) = DatasetSplit.TrainTest(SyntheticData.TwoMoons<double>(600, noise: 0.1, seed: 1), testFraction: 0.25, seed: 2);
        var scaler = Standardizer<double>.Fit(train);
        (train, test) = (scaler.Transform(train), scaler.Transform(test));
        var model = new Mlp<double>(inputs: 2, hidden: [16, 16], Activation.Tanh);
        double[] parameters = model.CreateParameters(seed: 3);

        var options = new TrainingOptions { Epochs = 60, Batching = Batching.MiniBatch(32), Seed = 4 };
        TrainingResult result = Trainer.Create(model, new MoonsAdam(model.ParameterCount), train, parameters, options, validation: test).Run();
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

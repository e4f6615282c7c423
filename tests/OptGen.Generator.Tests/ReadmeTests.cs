using System.Runtime.CompilerServices;
using OptGen.Generator.Tests.Infrastructure;

namespace OptGen.Generator.Tests;

/// <summary>The README's excerpt of generated code stays true: every line it shows is in the real output.</summary>
public sealed class ReadmeTests
{
    [Fact]
    public void The_generated_code_excerpt_matches_the_generator()
    {
        string readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md")).ReplaceLineEndings("\n");
        int begin = readme.IndexOf("<!-- README:generated-begin -->", StringComparison.Ordinal);
        int end = readme.IndexOf("<!-- README:generated-end -->", StringComparison.Ordinal);
        Assert.True(begin >= 0 && end > begin, "README.md has no marked excerpt of generated code.");

        (string[] generated, _) = GeneratorHarness.GenerateAndCompile(
            "using OptGen; [Optimizer(Kind.Adam, Params = 2, LearningRate = 0.1)] public partial class NeuronAdam;");
        string source = Assert.Single(generated);
        string[] excerpt = readme[begin..end].Split('\n')
            .Where(line => line.StartsWith("    ", StringComparison.Ordinal) || line.StartsWith("///", StringComparison.Ordinal) || line.StartsWith("partial", StringComparison.Ordinal))
            .Where(line => !line.TrimStart().StartsWith("// (", StringComparison.Ordinal))
            .ToArray();

        Assert.True(excerpt.Length > 20, "The excerpt is unexpectedly short.");
        Assert.All(excerpt, line => Assert.Contains(line.Trim(), source, StringComparison.Ordinal));
    }

    private static string RepositoryRoot([CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", ".."));
}

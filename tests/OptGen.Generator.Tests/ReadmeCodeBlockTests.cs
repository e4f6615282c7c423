using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using OptGen.Generator.Tests.Infrastructure;

namespace OptGen.Generator.Tests;

/// <summary>
/// Every ```csharp block in the README compiles, with the generator and OptGen's analyzer, in a project like
/// <c>dotnet new console</c>'s (implicit usings on), with no warning. The one exception is the excerpt of generated code between the
/// README:generated markers, which <see cref="ReadmeTests"/> checks line by line against the generator's output, and
/// a block that needs more than OptGen (TorchSharp) to compile: a <c>&lt;!-- compiled and run by PATH --&gt;</c> line
/// above it names the test file that holds it verbatim, compiles it in its own project, and runs it.
/// </summary>
public sealed partial class ReadmeCodeBlockTests
{
    /// <summary>The global usings of a new console project (ImplicitUsings=enable).</summary>
    internal const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    public static TheoryData<int, string> Blocks()
    {
        string readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md")).ReplaceLineEndings("\n");
        int excerptBegin = readme.IndexOf("<!-- README:generated-begin -->", StringComparison.Ordinal);
        int excerptEnd = readme.IndexOf("<!-- README:generated-end -->", StringComparison.Ordinal);
        var blocks = new TheoryData<int, string>();
        foreach (Match block in CSharpBlock().Matches(readme))
        {
            if ((block.Index < excerptBegin || block.Index > excerptEnd) && CompiledElsewhere(readme, block.Index) is null)
            {
                int line = readme[..block.Index].Count(c => c == '\n') + 1;
                blocks.Add(line, block.Groups["code"].Value);
            }
        }

        return blocks;
    }

    [Fact]
    public void The_README_has_the_quick_start_and_the_training_example() => Assert.True(Blocks().Count >= 2);

    [Fact]
    public void A_block_compiled_elsewhere_is_in_the_test_file_its_comment_names()
    {
        string readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md")).ReplaceLineEndings("\n");
        int checkedBlocks = 0;
        foreach (Match block in CSharpBlock().Matches(readme))
        {
            if (CompiledElsewhere(readme, block.Index) is { } path)
            {
                string file = Path.Combine(RepositoryRoot(), path);
                Assert.True(File.Exists(file), $"README.md says {path} compiles a block, but there is no such file.");
                Assert.Contains(block.Groups["code"].Value, File.ReadAllText(file).ReplaceLineEndings("\n"), StringComparison.Ordinal);
                checkedBlocks++;
            }
        }

        Assert.True(checkedBlocks >= 1, "README.md has no block compiled elsewhere (the TorchSharp bridge example).");
    }

    /// <summary>The test file named by a <c>&lt;!-- compiled and run by PATH --&gt;</c> line just above a block, if any.</summary>
    private static string? CompiledElsewhere(string readme, int blockIndex)
    {
        string before = readme[..blockIndex].TrimEnd('\n');
        string lastLine = before[(before.LastIndexOf('\n') + 1)..];
        Match comment = CompiledElsewhereComment().Match(lastLine);
        return comment.Success ? comment.Groups["path"].Value : null;
    }

    [GeneratedRegex(@"^<!-- compiled and run by (?<path>\S+) -->$")]
    private static partial Regex CompiledElsewhereComment();

    [Theory]
    [MemberData(nameof(Blocks))]
    public void The_code_block_compiles_without_warnings(int line, string code)
    {
        SyntaxTree tree = CSharpSyntaxTree.ParseText(code, GeneratorHarness.ParseOptions, path: $"README.md-line-{line}.cs");
        bool program = tree.GetCompilationUnitRoot().Members.OfType<GlobalStatementSyntax>().Any();
        Compilation input = GeneratorHarness.Compilation(ImplicitUsings)
            .AddSyntaxTrees(tree)
            .WithOptions(new CSharpCompilationOptions(
                program ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable));
        GeneratorHarness.Driver().RunGeneratorsAndUpdateCompilation(input, out Compilation output, out var generatorDiagnostics);

        string[] problems =
        [
            .. generatorDiagnostics.Concat(GeneratorHarness.AnalyzerDiagnostics(output)).Concat(output.GetDiagnostics())
                .Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning)
                .Select(diagnostic => diagnostic.ToString()),
        ];
        Assert.True(problems.Length == 0, $"The README's code block at line {line} does not compile cleanly:\n" + string.Join("\n", problems));
    }

    [GeneratedRegex(@"^```csharp\n(?<code>.*?)^```", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex CSharpBlock();

    private static string RepositoryRoot([CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", ".."));
}

using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using OptGen.Generator.Tests.Infrastructure;

namespace OptGen.Generator.Tests;

/// <summary>Runs <see cref="ReadmeProgramTests"/> alone: it redirects the process's console while a program runs.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "Console";
}

/// <summary>
/// Every program in the README (a ```csharp block of top-level statements) followed by a line saying what it prints
/// ("prints `…`") is compiled with the generator, run, and prints exactly that: the quick start and the training
/// example say what they do, and this keeps it true.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed partial class ReadmeProgramTests
{
    public static TheoryData<int, string, string> Programs()
    {
        string readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md")).ReplaceLineEndings("\n");
        var programs = new TheoryData<int, string, string>();
        foreach (Match block in CSharpBlock().Matches(readme))
        {
            string code = block.Groups["code"].Value;
            bool program = CSharpSyntaxTree.ParseText(code).GetCompilationUnitRoot().Members.OfType<Microsoft.CodeAnalysis.CSharp.Syntax.GlobalStatementSyntax>().Any();
            // What it prints is said in the paragraph right after the block.
            string after = string.Join("\n", readme[(block.Index + block.Length)..].Split('\n')
                .SkipWhile(line => line.Length == 0 || line.StartsWith("<!--", StringComparison.Ordinal)));
            int paragraphEnd = after.IndexOf("\n\n", StringComparison.Ordinal);
            Match said = PrintsLine().Match(paragraphEnd < 0 ? after : after[..paragraphEnd]);
            if (program && said.Success)
            {
                int line = readme[..block.Index].Count(c => c == '\n') + 1;
                programs.Add(line, code, said.Groups["output"].Value);
            }
        }

        return programs;
    }

    [Fact]
    public void The_quick_start_and_the_training_example_are_found() => Assert.True(Programs().Count >= 2);

    [Theory]
    [MemberData(nameof(Programs))]
    public void The_program_prints_what_the_README_says(int line, string code, string output)
    {
        SyntaxTree tree = CSharpSyntaxTree.ParseText(code, GeneratorHarness.ParseOptions, path: $"README.md-line-{line}.cs");
        Compilation input = GeneratorHarness.Compilation(ReadmeCodeBlockTests.ImplicitUsings)
            .AddSyntaxTrees(tree)
            .WithOptions(new CSharpCompilationOptions(OutputKind.ConsoleApplication, optimizationLevel: OptimizationLevel.Release));
        GeneratorHarness.Driver().RunGeneratorsAndUpdateCompilation(input, out Compilation compiled, out _);
        using var image = new MemoryStream();
        var emitted = compiled.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));

        MethodInfo entryPoint = Assembly.Load(image.ToArray()).EntryPoint!;
        TextWriter console = Console.Out;
        var printed = new StringWriter();
        try
        {
            Console.SetOut(printed);
            entryPoint.Invoke(null, entryPoint.GetParameters().Length == 0 ? null : [Array.Empty<string>()]);
        }
        finally
        {
            Console.SetOut(console);
        }

        Assert.Equal(output, printed.ToString().TrimEnd());
    }

    [GeneratedRegex(@"^```csharp\n(?<code>.*?)^```\n", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex CSharpBlock();

    [GeneratedRegex(@"[Pp]rints `(?<output>[^`]+)`")]
    private static partial Regex PrintsLine();

    private static string RepositoryRoot([CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", ".."));
}

using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using OptGen.Generator.Diagnostics;
using OptGen.Generator.Tests.Infrastructure;

namespace OptGen.Generator.Tests;

/// <summary>
/// Every diagnostic has a help page, docs/diagnostics/OPTGxxx.md, its help link leads there, and the page's example
/// really triggers it. A new descriptor without a page, or a page whose example has gone stale, fails here.
/// </summary>
public sealed partial class DiagnosticPagesTests
{
    public static TheoryData<string> Ids() => [.. Descriptors().Select(descriptor => descriptor.Id)];

    [Fact]
    public void Every_descriptor_is_found() =>
        Assert.Contains(Descriptors(), descriptor => descriptor.Id == "OPTG001");

    [Theory]
    [MemberData(nameof(Ids))]
    public void The_help_link_names_the_page(string id)
    {
        DiagnosticDescriptor descriptor = Descriptors().Single(d => d.Id == id);
        // No repository URL is configured in this build, so the link is the page's path in the repository and
        // in the package; with one it is that URL followed by the same path.
        Assert.Equal($"docs/diagnostics/{id}.md", descriptor.HelpLinkUri);
        Assert.True(File.Exists(Path.Combine(RepositoryRoot(), descriptor.HelpLinkUri)), $"{descriptor.HelpLinkUri} does not exist.");
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void The_page_explains_and_its_example_triggers_the_diagnostic(string id)
    {
        string page = File.ReadAllText(PagePath(id)).ReplaceLineEndings("\n");
        DiagnosticDescriptor descriptor = Descriptors().Single(d => d.Id == id);

        Assert.StartsWith($"# {id}: {descriptor.Title}\n", page, StringComparison.Ordinal);
        Assert.Contains($"Severity: **{descriptor.DefaultSeverity}**", page, StringComparison.Ordinal);
        foreach (string section in new[] { "## What it means", "## Example", "## How to fix it" })
        {
            Assert.Contains(section, page, StringComparison.Ordinal);
        }

        if (id == DiagnosticDescriptors.InternalError.Id)
        {
            return; // a bug report, not something a declaration is meant to trigger
        }

        Match example = ExampleBlock().Match(page);
        Assert.True(example.Success, $"{id}.md has no ```csharp block under ## Example.");
        string code = example.Groups["code"].Value;
        Assert.Contains(DiagnosticsOf(code), diagnostic => diagnostic.Id == id);
    }

    /// <summary>
    /// OptGen's diagnostics on an example, compiled at the C# version a <c>&lt;LangVersion&gt;N&lt;/LangVersion&gt;</c>
    /// comment in it names (as a project file would set it), else the latest.
    /// </summary>
    private static IEnumerable<Diagnostic> DiagnosticsOf(string code)
    {
        Match version = LangVersionComment().Match(code);
        if (!version.Success)
        {
            return GeneratorHarness.GeneratorDiagnostics(code);
        }

        Assert.True(LanguageVersionFacts.TryParse(version.Groups["version"].Value, out LanguageVersion languageVersion));
        var options = new CSharpParseOptions(languageVersion);
        CSharpCompilation compilation = GeneratorHarness.Compilation().AddSyntaxTrees(CSharpSyntaxTree.ParseText(code, options, path: "Example.cs"));
        CSharpGeneratorDriver.Create([new OptimizerGenerator().AsSourceGenerator()], parseOptions: options)
            .RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out var generatorDiagnostics);
        return generatorDiagnostics.Concat(GeneratorHarness.AnalyzerDiagnostics(output));
    }

    [Fact]
    public void A_repository_url_given_to_the_build_becomes_the_base_of_every_link()
    {
        // The project file bakes $(OptGenDiagnosticsHelpUrl) into the generator as this metadata (empty here).
        Assert.Contains(typeof(HelpLinks).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>(), m => m.Key == HelpLinks.MetadataKey);

        string online = HelpLinks.BaseFrom([new AssemblyMetadataAttribute(HelpLinks.MetadataKey, "https://example.invalid/optgen/blob/main/docs/diagnostics/")]);
        Assert.Equal("https://example.invalid/optgen/blob/main/docs/diagnostics", online);
        Assert.Equal("docs/diagnostics", HelpLinks.BaseFrom([new AssemblyMetadataAttribute(HelpLinks.MetadataKey, "")]));
        Assert.Equal("docs/diagnostics", HelpLinks.BaseFrom([]));
    }

    [Fact]
    public void The_index_lists_every_page()
    {
        string index = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "diagnostics", "README.md"));
        Assert.All(Descriptors(), descriptor => Assert.Contains($"[{descriptor.Id}]({descriptor.Id}.md)", index, StringComparison.Ordinal));
    }

    /// <summary>Every descriptor, in id order.</summary>
    private static DiagnosticDescriptor[] Descriptors() => DiagnosticDescriptors.All;

    [Fact]
    public void All_holds_every_descriptor_field()
    {
        // A descriptor declared but left out of All would escape the checks above.
        var fields = typeof(DiagnosticDescriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.FieldType == typeof(DiagnosticDescriptor))
            .Select(field => (DiagnosticDescriptor)field.GetValue(null)!);
        Assert.Equal(fields.Select(d => d.Id).Order(), Descriptors().Select(d => d.Id).Order());
    }

    [GeneratedRegex(@"<LangVersion>(?<version>[0-9.]+)</LangVersion>")]
    private static partial Regex LangVersionComment();

    [GeneratedRegex(@"## Example\n+```csharp\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex ExampleBlock();

    private static string PagePath(string id) => Path.Combine(RepositoryRoot(), "docs", "diagnostics", id + ".md");

    private static string RepositoryRoot([CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", ".."));
}

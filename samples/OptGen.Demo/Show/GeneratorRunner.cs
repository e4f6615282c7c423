using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace OptGen.Demo.Show;

/// <summary>The generator's output for one <see cref="ShowRequest"/>.</summary>
/// <param name="Request">What was asked.</param>
/// <param name="GeneratedSources">Each generated file: hint name and text.</param>
/// <param name="Diagnostics">The generator's diagnostics and the compiler's errors on the combined code, formatted.</param>
/// <param name="HasErrors">Whether any diagnostic is an error.</param>
public sealed record ShowResult(
    ShowRequest Request,
    IReadOnlyList<(string HintName, string Text)> GeneratedSources,
    IReadOnlyList<string> Diagnostics,
    bool HasErrors);

/// <summary>
/// Runs the OptGen generator in-process on a one-file compilation, the way the compiler does for a project,
/// without creating one. The generator's assembly travels inside this one as a resource.
/// </summary>
public static class GeneratorRunner
{
    /// <summary>The generator's public type.</summary>
    public const string GeneratorTypeName = "OptGen.Generator.OptimizerGenerator";

    /// <summary>The analyzer that reports misuse of the attribute, in the same assembly as the generator.</summary>
    public const string AnalyzerTypeName = "OptGen.Generator.Diagnostics.OptimizerAnalyzer";

    private static readonly Lazy<IIncrementalGenerator> Generator = new(LoadGenerator);
    private static readonly Lazy<DiagnosticAnalyzer> Analyzer = new(() =>
        (DiagnosticAnalyzer)(Activator.CreateInstance(GeneratorAssembly.GetType(AnalyzerTypeName, throwOnError: true)!)
            ?? throw new InvalidOperationException($"Could not create {AnalyzerTypeName}.")));
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    /// <summary>Runs the generator on <paramref name="request"/>'s declaration.</summary>
    public static ShowResult Run(ShowRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        SyntaxTree tree = CSharpSyntaxTree.ParseText(request.Source, parseOptions, path: "Example.cs");
        var compilation = CSharpCompilation.Create(
            "Example",
            [tree],
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        GeneratorDriver driver = CSharpGeneratorDriver.Create([Generator.Value.AsSourceGenerator()], parseOptions: parseOptions);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics);
        GeneratorRunResult run = driver.GetRunResult().Results.Single();

        var diagnostics = new List<Diagnostic>(generatorDiagnostics);
        if (run.Exception is { } exception)
        {
            return new ShowResult(request, [], [$"The generator threw {exception.GetType().Name}: {exception.Message}"], true);
        }

        // OptGen's analyzer reports misuse (the generator then stays silent); then whatever the compiler says.
        diagnostics.AddRange(output.WithAnalyzers([Analyzer.Value]).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult());
        diagnostics.AddRange(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error && !diagnostics.Any(g => g.Id == d.Id)));
        var sources = run.GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString())).ToList();
        return new ShowResult(
            request,
            sources,
            diagnostics.Select(d => d.ToString()).ToList(),
            diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error));
    }

    /// <summary>The generator's assembly, as embedded at build time.</summary>
    public static Assembly GeneratorAssembly => Generator.Value.GetType().Assembly;

    private static IIncrementalGenerator LoadGenerator()
    {
        using Stream stream = typeof(GeneratorRunner).Assembly.GetManifestResourceStream("OptGen.Generator.dll")
            ?? throw new InvalidOperationException("The OptGen.Generator.dll resource is missing from the demo; rebuild it.");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        Assembly assembly = Assembly.Load(memory.ToArray());
        Type type = assembly.GetType(GeneratorTypeName)
            ?? throw new InvalidOperationException($"The generator assembly has no type {GeneratorTypeName}.");
        return (IIncrementalGenerator)(Activator.CreateInstance(type)
            ?? throw new InvalidOperationException($"Could not create {GeneratorTypeName}."));
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        // The framework this process runs on, plus the runtime library that defines [Optimizer].
        string platform = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? string.Empty;
        var paths = platform.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal)
                || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
            .Append(typeof(OptimizerAttribute).Assembly.Location)
            .Distinct(StringComparer.Ordinal);
        return [.. paths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];
    }
}

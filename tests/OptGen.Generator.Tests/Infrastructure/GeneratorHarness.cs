using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using OptGen.Generator;

namespace OptGen.Generator.Tests.Infrastructure;

/// <summary>Runs the generator on in-memory sources, as the compiler would, with no project and no download.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly ImmutableArray<MetadataReference> s_references =
    [
        .. Net100.References.All,
        MetadataReference.CreateFromFile(typeof(IOptimizer<>).Assembly.Location),
    ];

    public static CSharpCompilation Compilation(params string[] sources) => CSharpCompilation.Create(
        "UserProject",
        sources.Select((source, index) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: $"Source{index}.cs")),
        s_references,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver Driver(bool trackSteps = false) => CSharpGeneratorDriver.Create(
        [new OptimizerGenerator().AsSourceGenerator()],
        parseOptions: ParseOptions,
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>Runs the generator once and returns its result and the compilation with the generated files added.</summary>
    public static (GeneratorDriverRunResult Result, Compilation Output) Run(params string[] sources)
    {
        CSharpCompilation input = Compilation(sources);
        GeneratorDriver driver = Driver().RunGeneratorsAndUpdateCompilation(input, out Compilation output, out _);
        return (driver.GetRunResult(), output);
    }

    /// <summary>
    /// OptGen's diagnostics, in source order: the analyzer's (which reports misuse) on the compilation with the
    /// generated files, and the generator's own (internal errors only).
    /// </summary>
    public static ImmutableArray<Diagnostic> GeneratorDiagnostics(params string[] sources)
    {
        (GeneratorDriverRunResult result, Compilation output) = Run(sources);
        return [.. result.Diagnostics.Concat(AnalyzerDiagnostics(output)).OrderBy(d => d.Location.SourceSpan.Start)];
    }

    /// <summary>What <see cref="OptGen.Generator.Diagnostics.OptimizerAnalyzer"/> reports on <paramref name="compilation"/>.</summary>
    public static ImmutableArray<Diagnostic> AnalyzerDiagnostics(Compilation compilation) =>
        compilation.WithAnalyzers([new OptGen.Generator.Diagnostics.OptimizerAnalyzer()])
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();

    /// <summary>Generates, compiles, and fails on any warning or error, in the generator or in the compiled output.</summary>
    public static (string[] Generated, Compilation Output) GenerateAndCompile(params string[] sources)
    {
        (GeneratorDriverRunResult result, Compilation output) = Run(sources);
        Assert.Empty(result.Diagnostics);
        Assert.Empty(AnalyzerDiagnostics(output));
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToArray();
        Assert.True(problems.Length == 0, "The generated code does not compile cleanly:\n" + string.Join("\n", problems.Select(p => p.ToString())));
        return ([.. result.GeneratedTrees.Select(tree => tree.GetText().ToString())], output);
    }

    /// <summary>
    /// The compilation with <c>VectorN.IsHardwareAccelerated</c> replaced by <c>false</c> in the generated files for
    /// each of <paramref name="widths"/>, so that the next narrower branch of the vector loops runs on this machine.
    /// </summary>
    public static Compilation WithVectorWidthsDisabled(Compilation compilation, string[] widths)
    {
        bool any = false;
        foreach (SyntaxTree tree in compilation.SyntaxTrees.Where(tree => tree.FilePath.EndsWith(".g.cs", StringComparison.Ordinal)).ToArray())
        {
            string text = tree.GetText().ToString();
            string changed = widths.Aggregate(text, (current, width) => current.Replace($"global::System.Runtime.Intrinsics.{width}.IsHardwareAccelerated", "false", StringComparison.Ordinal));
            any |= changed != text;
            compilation = compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(changed, ParseOptions, tree.FilePath));
        }

        Assert.True(widths.Length == 0 || any, "The generated code has no vector branch to switch off.");
        return compilation;
    }

    /// <summary>Emits the compilation and loads it in a collectible context, to run the generated code.</summary>
    public static LoadedAssembly Load(Compilation compilation)
    {
        using var image = new MemoryStream();
        var emit = compilation.Emit(image);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
        image.Position = 0;
        var context = new AssemblyLoadContext("generated", isCollectible: true);
        return new LoadedAssembly(context, context.LoadFromStream(image));
    }
}

/// <summary>An assembly loaded for one test; unloaded when disposed.</summary>
internal sealed class LoadedAssembly(AssemblyLoadContext context, Assembly assembly) : IDisposable
{
    public Assembly Assembly { get; } = assembly;

    public T Create<T>(string typeName, params object[] arguments) =>
        (T)Activator.CreateInstance(Assembly.GetType(typeName, throwOnError: true)!, arguments)!;

    public void Dispose() => context.Unload();
}

using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using OptGen.Generator;
using OptGen.Generator.Diagnostics;

namespace OptGen.CodeFixes.Tests;

/// <summary>
/// Presents the generator's diagnostics as an analyzer's, which is what the code-fix test framework drives: it runs
/// the generator on the compilation and reports what it reports, moved onto the compilation's own syntax trees
/// (a generator's diagnostics carry file locations, which a fix cannot edit). When the usage diagnostics move into a
/// DiagnosticAnalyzer (issue 9), that analyzer can take this one's place; the fixes key on ids and locations only.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class GeneratorDiagnosticsAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [.. DiagnosticDescriptors.All];

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            // The generator runs once per compilation; each tree then reports its own diagnostics, as local ones
            // (the only kind a code fix may answer).
            var run = new Lazy<ImmutableArray<Diagnostic>>(() => CSharpGeneratorDriver.Create(new OptimizerGenerator())
                .RunGenerators(start.Compilation, start.CancellationToken).GetRunResult().Diagnostics);
            start.RegisterSemanticModelAction(model => Report(model, run.Value));
        });
    }

    private static void Report(SemanticModelAnalysisContext context, ImmutableArray<Diagnostic> diagnostics)
    {
        SyntaxTree tree = context.SemanticModel.SyntaxTree;
        foreach (Diagnostic diagnostic in diagnostics.Where(d => d.Location.GetLineSpan().Path == tree.FilePath))
        {
            context.ReportDiagnostic(Diagnostic.Create(
                diagnostic.Descriptor, Location.Create(tree, diagnostic.Location.SourceSpan), diagnostic.Properties, [.. MessageArguments(diagnostic)]));
        }
    }

    /// <summary>The message's arguments, read back from the diagnostic (Roslyn keeps them, but not publicly).</summary>
    private static IEnumerable<object?> MessageArguments(Diagnostic diagnostic) =>
        diagnostic.GetType().GetProperty("Arguments", BindingFlags.NonPublic | BindingFlags.Instance)?.GetValue(diagnostic) as object?[] ?? [];
}

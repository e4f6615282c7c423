using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace OptGen.CodeFixes.Tests;

/// <summary>
/// A code-fix test on .NET 10's reference assemblies and the OptGen runtime, with no download at test time. The
/// framework checks the single fix, and Fix All in document, project and solution scope whenever the code has more
/// than one diagnostic.
/// </summary>
internal sealed class CodeFixTest<TAnalyzer, TCodeFix> : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public CodeFixTest(string source, string fixedSource)
    {
        TestCode = source;
        FixedCode = fixedSource;
        ReferenceAssemblies = new ReferenceAssemblies("net10.0");
        TestState.AdditionalReferences.AddRange(Net100.References.All);
        TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(OptimizerAttribute).Assembly.Location));
    }
}

/// <summary>Code-fix tests against the diagnostics OptGen itself reports.</summary>
internal static class CodeFixTest<TCodeFix>
    where TCodeFix : CodeFixProvider, new()
{
    /// <summary>Runs a fix over <paramref name="source"/> (diagnostics marked <c>{|OPTG004:…|}</c>) and expects <paramref name="fixedSource"/>.</summary>
    public static Task VerifyAsync(string source, string fixedSource) =>
        new CodeFixTest<GeneratorDiagnosticsAnalyzer, TCodeFix>(source, fixedSource).RunAsync();
}

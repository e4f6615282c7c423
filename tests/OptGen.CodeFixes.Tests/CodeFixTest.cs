using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using OptGen.Generator.Diagnostics;

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

/// <summary>Code-fix tests against the diagnostics OptGen itself reports (its <see cref="OptimizerAnalyzer"/>).</summary>
internal static class CodeFixTest<TCodeFix>
    where TCodeFix : CodeFixProvider, new()
{
    /// <summary>Runs a fix over <paramref name="source"/> (diagnostics marked <c>{|OPTG004:…|}</c>) and expects <paramref name="fixedSource"/>.</summary>
    public static Task VerifyAsync(string source, string fixedSource) =>
        new CodeFixTest<OptimizerAnalyzer, TCodeFix>(source, fixedSource).RunAsync();

    /// <summary>
    /// As <see cref="VerifyAsync"/>, for diagnostics the analyzer reports outside the symbol it analyzes: OPTG001 on a
    /// containing type comes from the nested type's symbol action, so the framework calls it non-local (an IDE may
    /// offer its fix only after analyzing the whole document). The fix itself is checked the same way.
    /// </summary>
    public static Task VerifyNonLocalAsync(string source, string fixedSource) =>
        new CodeFixTest<OptimizerAnalyzer, TCodeFix>(source, fixedSource) { CodeFixTestBehaviors = CodeFixTestBehaviors.SkipLocalDiagnosticCheck }.RunAsync();
}

using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using OptGen.Generator.Diagnostics;
using OptGen.Generator.Emit;
using OptGen.Generator.Model;
using OptGen.Generator.Parsing;

namespace OptGen.Generator;

/// <summary>
/// Writes an optimizer into every <c>[OptGen.Optimizer]</c> partial class or struct. The pipeline only:
/// parse (symbols → <see cref="OptimizerSpec"/>, plain data), then emit (spec → source).
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class OptimizerGenerator : IIncrementalGenerator
{
    /// <summary>The attribute's metadata name.</summary>
    public const string AttributeName = "OptGen.OptimizerAttribute";

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<ParseResult> results = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                AttributeName,
                predicate: static (node, _) => node is ClassDeclarationSyntax or StructDeclarationSyntax or RecordDeclarationSyntax,
                transform: static (syntaxContext, cancellationToken) => OptimizerParser.Parse(syntaxContext, cancellationToken))
            .WithTrackingName(TrackingNames.Parse);

        IncrementalValuesProvider<DiagnosticInfo> diagnostics = results
            .SelectMany(static (result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);
        context.RegisterSourceOutput(diagnostics, static (output, diagnostic) => output.ReportDiagnostic(diagnostic.ToDiagnostic()));

        IncrementalValuesProvider<OptimizerSpec> specs = results
            .Where(static result => result.Spec is not null)
            .Select(static (result, _) => result.Spec!)
            .WithTrackingName(TrackingNames.Specs);
        context.RegisterSourceOutput(specs, static (output, spec) => Emit(output, spec));

        // The runtime's TorchDefaults is written from the kind definitions, so the attribute and the generator agree.
        IncrementalValueProvider<bool> isRuntime = context.CompilationProvider
            .Select(static (compilation, _) => compilation.AssemblyName == TorchDefaultsEmitter.RuntimeAssemblyName)
            .WithTrackingName(TrackingNames.Runtime);
        context.RegisterSourceOutput(isRuntime, static (output, isRuntime) =>
        {
            if (isRuntime)
            {
                output.AddSource(TorchDefaultsEmitter.HintName, TorchDefaultsEmitter.Emit());
            }
        });
    }

    private static void Emit(SourceProductionContext output, OptimizerSpec spec)
    {
        string source;
        try
        {
            source = OptimizerEmitter.Emit(spec);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Never let an exception escape (CS8785 would hide every other diagnostic); report it instead.
            output.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InternalError, null, spec.Type.Name, exception.Message));
            return;
        }

        output.AddSource(spec.HintName, source);
    }
}

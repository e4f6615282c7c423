using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using OptGen.Generator.Diagnostics;
using OptGen.Generator.Emit;
using OptGen.Generator.Model;
using OptGen.Generator.Parsing;

namespace OptGen.Generator;

/// <summary>
/// Writes an optimizer into every valid <c>[OptGen.Optimizer]</c> partial class or struct. The pipeline only:
/// parse (symbols → <see cref="OptimizerSpec"/>, plain data), name (unique file names), then emit (spec → source).
/// Misuse is reported by <see cref="OptimizerAnalyzer"/>; the generator stays silent and generates nothing for it.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class OptimizerGenerator : IIncrementalGenerator
{
    /// <summary>The attribute's metadata name.</summary>
    public const string AttributeName = OptimizerParser.AttributeName;

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<ParseResult> results = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                AttributeName,
                predicate: static (node, _) => node is ClassDeclarationSyntax or StructDeclarationSyntax or RecordDeclarationSyntax,
                transform: static (syntaxContext, cancellationToken) => syntaxContext.TargetSymbol is INamedTypeSymbol type
                    ? OptimizerParser.Parse(type, syntaxContext.SemanticModel.Compilation, cancellationToken)
                    : new ParseResult(null, EquatableArray<DiagnosticInfo>.Empty))
            .WithTrackingName(TrackingNames.Parse);

        IncrementalValuesProvider<OptimizerSpec> specs = results
            .Where(static result => result.Spec is not null)
            .Select(static (result, _) => result.Spec!)
            .WithTrackingName(TrackingNames.Specs);

        // File names must be unique ignoring case across all optimizers, so they are chosen together; each named
        // spec is still its own item, so an unchanged optimizer's output stays cached.
        IncrementalValuesProvider<NamedSpec> named = specs
            .Collect()
            .SelectMany(static (all, _) => HintNames.Assign(all))
            .WithTrackingName(TrackingNames.Named);
        context.RegisterSourceOutput(named, static (output, spec) => Emit(output, spec));

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

    private static void Emit(SourceProductionContext output, NamedSpec named)
    {
        try
        {
            output.AddSource(named.HintName, OptimizerEmitter.Emit(named.Spec));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Never let an exception escape (CS8785 would hide every other optimizer); report it instead.
            output.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InternalError, null, named.Spec.Type.Name, exception.Message));
        }
    }
}

using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using OptGen.Generator.Diagnostics;
using OptGen.Generator.Model;

namespace OptGen.Generator.Parsing;

/// <summary>
/// Whether OptGen can add an optimizer to the type at all: a partial, non-static class or mutable struct that
/// another file may extend, in a project whose C# is new enough for the generated code.
/// </summary>
internal static class TypeShapeChecks
{
    /// <summary>The C# version the generated code needs (inline arrays, file-scoped namespaces, …).</summary>
    public const LanguageVersion RequiredLanguageVersion = LanguageVersion.CSharp12;

    /// <summary>Reports what makes the type unusable; false when it is (generation then stops).</summary>
    public static bool Check(INamedTypeSymbol type, AttributeSyntax attribute, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        int before = diagnostics.Count;
        LocationInfo? name = LocationInfo.From(type.Locations.FirstOrDefault());
        if (attribute.SyntaxTree.Options is CSharpParseOptions { LanguageVersion: var version } && version < RequiredLanguageVersion)
        {
            diagnostics.Add(OptimizerParser.Report(
                DiagnosticDescriptors.LanguageVersionTooLow, LocationInfo.From(attribute), version.ToDisplayString(), RequiredLanguageVersion.ToDisplayString()));
        }

        string? unsupported = type switch
        {
            { IsFileLocal: true } => "file-local, so no other file can add to it; remove 'file'",
            { IsStatic: true } => "static, so it can have no instance state; remove 'static'",
            { IsRefLikeType: true } => "a ref struct, which cannot implement IOptimizer<T>; make it a struct or a class",
            { IsReadOnly: true } => "a readonly struct, whose state could not change; remove 'readonly'",
            { TypeKind: TypeKind.Interface } => "an interface; declare a class or a struct",
            _ => null,
        };
        if (unsupported is not null)
        {
            diagnostics.Add(OptimizerParser.Report(DiagnosticDescriptors.UnsupportedType, name, type.Name, unsupported));
        }

        CheckPartial(type, diagnostics, cancellationToken);
        return diagnostics.Count == before;
    }

    private static void CheckPartial(INamedTypeSymbol type, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
        {
            foreach (SyntaxReference reference in current.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax declaration
                    && !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
                {
                    diagnostics.Add(OptimizerParser.Report(DiagnosticDescriptors.NotPartial, LocationInfo.From(declaration.Identifier.GetLocation()), current.Name));
                    break;
                }
            }
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using OptGen.Generator.Diagnostics;
using OptGen.Generator.Kinds;
using OptGen.Generator.Model;

namespace OptGen.Generator.Parsing;

/// <summary>
/// Turns one <c>[Optimizer]</c> type into an <see cref="OptimizerSpec"/> and its diagnostics. This is the
/// only stage that sees symbols and syntax; what it returns is plain data.
/// </summary>
internal static class OptimizerParser
{
    public static ParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        try
        {
            return ParseCore(context, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The generator must never throw (CS8785 would hide every other diagnostic); report instead.
            DiagnosticInfo error = Report(DiagnosticDescriptors.InternalError, LocationInfo.From(context.TargetNode), context.TargetSymbol.Name, exception.Message);
            return new ParseResult(null, new[] { error }.ToEquatableArray());
        }
    }

    private static ParseResult ParseCore(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var diagnostics = new List<DiagnosticInfo>();
        if (context.TargetSymbol is not INamedTypeSymbol type || context.Attributes.Length == 0)
        {
            return new ParseResult(null, EquatableArray<DiagnosticInfo>.Empty);
        }

        AttributeData attribute = context.Attributes[0];
        var attributeSyntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;

        // Arguments the compiler itself rejects (wrong types, non-constants, missing kind) carry errors
        // already; adding ours would only repeat them.
        if (attribute.ConstructorArguments.Length != 1
            || attribute.ConstructorArguments[0].Kind == TypedConstantKind.Error
            || attribute.ConstructorArguments[0].Value is not int kindValue
            || attribute.NamedArguments.Any(argument => argument.Value.Kind == TypedConstantKind.Error))
        {
            return new ParseResult(null, EquatableArray<DiagnosticInfo>.Empty);
        }

        var arguments = new AttributeArguments(attribute, attributeSyntax);

        if (KindRegistry.Find((Kind)kindValue) is not { } definition)
        {
            diagnostics.Add(Report(
                DiagnosticDescriptors.UndefinedKind,
                arguments.KindLocation,
                $"(Kind){kindValue}",
                string.Join(", ", KindRegistry.All.Select(known => known.Kind))));
            return new ParseResult(null, diagnostics.ToEquatableArray());
        }

        Kind kind = definition.Kind;
        CheckPartial(type, diagnostics, cancellationToken);

        int parameterCount = 0;
        if (arguments.TryGet("Params", out TypedConstant paramsArgument))
        {
            parameterCount = (int)paramsArgument.Value!;
            if (parameterCount < 1)
            {
                diagnostics.Add(Report(DiagnosticDescriptors.InvalidParameterCount, arguments.LocationOf("Params"), parameterCount));
            }
        }
        else if (type.IsValueType)
        {
            diagnostics.Add(Report(DiagnosticDescriptors.StructWithoutParams, LocationInfo.From(attributeSyntax), type.Name));
        }

        ElementType element = ElementType.Double;
        if (arguments.TryGet("ElementType", out TypedConstant elementArgument))
        {
            switch ((elementArgument.Value as ITypeSymbol)?.SpecialType)
            {
                case SpecialType.System_Double:
                    break;
                case SpecialType.System_Single:
                    element = ElementType.Float;
                    break;
                default:
                    diagnostics.Add(Report(
                        DiagnosticDescriptors.UnsupportedElementType,
                        arguments.LocationOf("ElementType"),
                        (elementArgument.Value as ITypeSymbol)?.ToDisplayString() ?? "null"));
                    break;
            }
        }

        HyperparameterValues hyperparameters = HyperparameterReader.Read(definition, arguments, diagnostics);

        bool parallel = arguments.Boolean("Parallel") ?? false;
        if (parallel && type.IsValueType)
        {
            diagnostics.Add(Report(DiagnosticDescriptors.ParallelStruct, arguments.ArgumentLocationOf("Parallel"), type.Name));
        }
        else if (parallel && parameterCount is > 0 and <= Emit.Storage.StateStorage.UnrollLimit)
        {
            diagnostics.Add(Report(DiagnosticDescriptors.ParallelWithoutEffect, arguments.ArgumentLocationOf("Parallel"), parameterCount, Emit.Storage.StateStorage.UnrollLimit));
            parallel = false;
        }

        if (diagnostics.Any(d => DiagnosticDescriptors.ById(d.Id).DefaultSeverity == DiagnosticSeverity.Error))
        {
            return new ParseResult(null, diagnostics.ToEquatableArray());
        }

        var spec = new OptimizerSpec(
            Namespace: type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString(),
            ContainingTypes: ContainingTypesOf(type),
            Type: DeclarationOf(type),
            Kind: kind,
            ParameterCount: parameterCount,
            Element: element,
            Hyperparameters: hyperparameters,
            Parallel: parallel);
        return new ParseResult(spec, diagnostics.ToEquatableArray());
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
                    diagnostics.Add(Report(DiagnosticDescriptors.NotPartial, LocationInfo.From(declaration.Identifier.GetLocation()), current.Name));
                    break;
                }
            }
        }
    }

    private static EquatableArray<TypeDeclaration> ContainingTypesOf(INamedTypeSymbol type)
    {
        var containing = new List<TypeDeclaration>();
        for (INamedTypeSymbol? current = type.ContainingType; current is not null; current = current.ContainingType)
        {
            containing.Insert(0, DeclarationOf(current));
        }

        return containing.ToEquatableArray();
    }

    private static TypeDeclaration DeclarationOf(INamedTypeSymbol type)
    {
        string keyword = type switch
        {
            { IsRecord: true, IsValueType: true } => "record struct",
            { IsRecord: true } => "record",
            { TypeKind: TypeKind.Interface } => "interface",
            { IsValueType: true } => "struct",
            _ => "class",
        };
        string name = type.TypeParameters.Length == 0
            ? type.Name
            : $"{type.Name}<{string.Join(", ", type.TypeParameters.Select(parameter => parameter.Name))}>";
        return new TypeDeclaration(keyword, name, type.MetadataName);
    }

    internal static DiagnosticInfo Report(DiagnosticDescriptor descriptor, LocationInfo? location, params object[] arguments) =>
        new(descriptor.Id, location, arguments.Select(Format).ToEquatableArray());

    internal static string Format(object argument) => argument switch
    {
        double value => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => argument.ToString() ?? string.Empty,
    };
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using OptGen.Generator.Diagnostics;
using OptGen.Generator.Emit;
using OptGen.Generator.Kinds;
using OptGen.Generator.Model;

namespace OptGen.Generator.Parsing;

/// <summary>
/// Turns one <c>[Optimizer]</c> type into an <see cref="OptimizerSpec"/> and its diagnostics. This is the only
/// stage that sees symbols and syntax; what it returns is plain data. The generator uses the spec (and only when
/// there is no error); the analyzer reports the diagnostics.
/// </summary>
internal static class OptimizerParser
{
    /// <summary>The attribute's metadata name.</summary>
    public const string AttributeName = "OptGen.OptimizerAttribute";

    public static ParseResult Parse(INamedTypeSymbol type, Compilation compilation, CancellationToken cancellationToken)
    {
        try
        {
            return ParseCore(type, compilation, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Never let an exception escape (CS8785 would hide every other diagnostic); report it instead.
            DiagnosticInfo error = Report(DiagnosticDescriptors.InternalError, LocationInfo.From(type.Locations.FirstOrDefault()), type.Name, exception.Message);
            return new ParseResult(null, new[] { error }.ToEquatableArray());
        }
    }

    private static ParseResult ParseCore(INamedTypeSymbol type, Compilation compilation, CancellationToken cancellationToken)
    {
        var none = new ParseResult(null, EquatableArray<DiagnosticInfo>.Empty);
        AttributeData[] attributes = [.. type.GetAttributes().Where(a => a.AttributeClass?.ToDisplayString() == AttributeName)];
        if (attributes.Length != 1 || attributes[0].ApplicationSyntaxReference?.GetSyntax(cancellationToken) is not AttributeSyntax attributeSyntax)
        {
            return none; // two of them is the compiler's CS0579
        }

        AttributeData attribute = attributes[0];

        // Whatever the compiler already rejects in the attribute (a wrong type, a duplicate or unknown argument, a
        // non-constant, a decimal literal, a syntax error) it reports; adding ours would only repeat it.
        if (compilation.GetSemanticModel(attributeSyntax.SyntaxTree).GetDiagnostics(attributeSyntax.Span, cancellationToken).Any(d => d.Severity == DiagnosticSeverity.Error)
            || attribute.ConstructorArguments.Length != 1
            || attribute.ConstructorArguments[0].Value is not int kindValue
            || attribute.NamedArguments.Any(argument => argument.Value.Kind == TypedConstantKind.Error))
        {
            return none;
        }

        var diagnostics = new List<DiagnosticInfo>();
        var arguments = new AttributeArguments(attribute, attributeSyntax);
        if (!TypeShapeChecks.Check(type, attributeSyntax, diagnostics, cancellationToken))
        {
            return new ParseResult(null, diagnostics.ToEquatableArray());
        }

        if (KindRegistry.Find((Kind)kindValue) is not { } definition)
        {
            diagnostics.Add(Report(
                DiagnosticDescriptors.UndefinedKind,
                arguments.KindLocation,
                $"(Kind){kindValue}",
                string.Join(", ", KindRegistry.All.Select(known => known.Kind))));
            return new ParseResult(null, diagnostics.ToEquatableArray());
        }

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

        ElementType element = ReadElementType(arguments, diagnostics);
        HyperparameterValues hyperparameters = HyperparameterReader.Read(definition, arguments, diagnostics);
        if (element == ElementType.Float)
        {
            ElementTypeChecks.CheckFloatRange(definition, hyperparameters, arguments, diagnostics);
        }

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

        if (HasError(diagnostics))
        {
            return new ParseResult(null, diagnostics.ToEquatableArray());
        }

        var spec = new OptimizerSpec(
            Namespace: type.ContainingNamespace.IsGlobalNamespace ? null : NamespaceOf(type.ContainingNamespace, Identifiers.Escape),
            MetadataNamespace: type.ContainingNamespace.IsGlobalNamespace ? null : NamespaceOf(type.ContainingNamespace, name => name),
            ContainingTypes: ContainingTypesOf(type),
            Type: DeclarationOf(type),
            Kind: definition.Kind,
            ParameterCount: parameterCount,
            Element: element,
            Hyperparameters: hyperparameters,
            Parallel: parallel);

        // What depends on the code that would be generated: its member names, its state's size.
        var context = new EmitContext(spec);
        MemberChecks.Check(type, context, arguments, attributeSyntax, diagnostics, cancellationToken);
        return new ParseResult(HasError(diagnostics) ? null : spec, diagnostics.ToEquatableArray());
    }

    private static ElementType ReadElementType(AttributeArguments arguments, List<DiagnosticInfo> diagnostics)
    {
        if (!arguments.TryGet("ElementType", out TypedConstant elementArgument))
        {
            return ElementType.Double;
        }

        switch ((elementArgument.Value as ITypeSymbol)?.SpecialType)
        {
            case SpecialType.System_Double:
                return ElementType.Double;
            case SpecialType.System_Single:
                return ElementType.Float;
            default:
                diagnostics.Add(Report(
                    DiagnosticDescriptors.UnsupportedElementType,
                    arguments.LocationOf("ElementType"),
                    (elementArgument.Value as ITypeSymbol)?.ToDisplayString() ?? "null"));
                return ElementType.Double;
        }
    }

    private static bool HasError(List<DiagnosticInfo> diagnostics) =>
        diagnostics.Any(d => DiagnosticDescriptors.ById(d.Id).DefaultSeverity == DiagnosticSeverity.Error);

    /// <summary>The namespace's parts, each spelled by <paramref name="spell"/>, outermost first.</summary>
    private static string NamespaceOf(INamespaceSymbol ns, Func<string, string> spell)
    {
        var parts = new List<string>();
        for (INamespaceSymbol? current = ns; current is { IsGlobalNamespace: false }; current = current.ContainingNamespace)
        {
            parts.Insert(0, spell(current.Name));
        }

        return string.Join(".", parts);
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
            ? Identifiers.Escape(type.Name)
            : $"{Identifiers.Escape(type.Name)}<{string.Join(", ", type.TypeParameters.Select(parameter => Identifiers.Escape(parameter.Name)))}>";
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

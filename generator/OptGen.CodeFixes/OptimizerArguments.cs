using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace OptGen.CodeFixes;

/// <summary>Finds the <c>[Optimizer]</c> argument a diagnostic points at, whether at the argument or at its value.</summary>
internal static class OptimizerArguments
{
    /// <summary>The named argument (<c>Beta2 = 1</c>) whose span holds the diagnostic's location, if any.</summary>
    public static AttributeArgumentSyntax? At(SyntaxNode root, Diagnostic diagnostic)
    {
        if (!diagnostic.Location.IsInSource || !root.FullSpan.Contains(diagnostic.Location.SourceSpan))
        {
            return null;
        }

        SyntaxNode node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        AttributeArgumentSyntax? argument = node.AncestorsAndSelf().OfType<AttributeArgumentSyntax>().FirstOrDefault();
        return argument?.NameEquals is null ? null : argument;
    }

    /// <summary>The argument's name, as the attribute's property is called.</summary>
    public static string NameOf(AttributeArgumentSyntax argument) => argument.NameEquals!.Name.Identifier.ValueText;

    /// <summary>The <see cref="Kind"/> of the attribute the argument belongs to, when it is a constant the compiler knows.</summary>
    public static Kind? KindOf(AttributeArgumentSyntax argument, SemanticModel model, CancellationToken cancellationToken)
    {
        var attribute = argument.Parent?.Parent as AttributeSyntax;
        AttributeArgumentSyntax? kindArgument = attribute?.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals is null && a.NameColon is null);
        if (kindArgument is null)
        {
            return null;
        }

        Optional<object?> value = model.GetConstantValue(kindArgument.Expression, cancellationToken);
        return value.HasValue && value.Value is int kind ? (Kind)kind : null;
    }
}

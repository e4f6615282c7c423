using System.Linq;
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
}

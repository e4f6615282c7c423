using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace OptGen.CodeFixes;

/// <summary>OPTG001: adds <c>partial</c> to the type and to every type that contains it.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakePartialCodeFix)), Shared]
public sealed class MakePartialCodeFix : DocumentCodeFix
{
    public override ImmutableArray<string> FixableDiagnosticIds => [DiagnosticIds.NotPartial];

    protected override string? TitleFor(SyntaxNode root, Diagnostic diagnostic) =>
        TypeAt(root, diagnostic) is { } type
            ? type.Ancestors().OfType<TypeDeclarationSyntax>().Any(IsNotPartial)
                ? $"Make '{type.Identifier.ValueText}' and its containing types partial"
                : $"Make '{type.Identifier.ValueText}' partial"
            : null;

    protected override void Apply(DocumentEditor editor, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (TypeAt(editor.OriginalRoot, diagnostic) is not { } type)
        {
            return;
        }

        foreach (TypeDeclarationSyntax declaration in type.AncestorsAndSelf().OfType<TypeDeclarationSyntax>().Where(IsNotPartial))
        {
            // The lambda form sees the declaration as earlier edits left it: Fix All on a nested type and on its
            // container both reach the container, which must get one partial, not two.
            editor.ReplaceNode(declaration, (current, _) => AddPartial((TypeDeclarationSyntax)current));
        }
    }

    /// <summary>The type declaration whose name the diagnostic underlines.</summary>
    private static TypeDeclarationSyntax? TypeAt(SyntaxNode root, Diagnostic diagnostic) =>
        diagnostic.Location.IsInSource && root.FullSpan.Contains(diagnostic.Location.SourceSpan)
            ? root.FindToken(diagnostic.Location.SourceSpan.Start).Parent as TypeDeclarationSyntax
            : null;

    private static bool IsNotPartial(TypeDeclarationSyntax declaration) => !declaration.Modifiers.Any(SyntaxKind.PartialKeyword);

    /// <summary>
    /// <c>partial</c> must come right before the type keyword: after the other modifiers, or, when there are none,
    /// in the keyword's place, taking over its leading trivia (its indentation).
    /// </summary>
    private static SyntaxNode AddPartial(TypeDeclarationSyntax declaration)
    {
        if (!IsNotPartial(declaration))
        {
            return declaration;
        }

        if (declaration.Modifiers.Count > 0)
        {
            return declaration.AddModifiers(SyntaxFactory.Token(SyntaxKind.PartialKeyword).WithTrailingTrivia(SyntaxFactory.Space));
        }

        SyntaxToken keyword = declaration.Keyword;
        SyntaxToken partial = SyntaxFactory.Token(keyword.LeadingTrivia, SyntaxKind.PartialKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space));
        return declaration
            .ReplaceToken(keyword, keyword.WithLeadingTrivia(SyntaxFactory.TriviaList()))
            .WithModifiers(SyntaxFactory.TokenList(partial));
    }
}

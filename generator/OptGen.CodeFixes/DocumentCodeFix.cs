using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;

namespace OptGen.CodeFixes;

/// <summary>
/// A fix that edits the document holding the diagnostic. One diagnostic and Fix All run the same code: every
/// diagnostic of a document becomes an edit on one <see cref="DocumentEditor"/>, which keeps edits to nested nodes
/// (a type and its containing type, two arguments of one attribute) from overwriting each other.
/// </summary>
public abstract class DocumentCodeFix : CodeFixProvider
{
    /// <summary>Fix All applies every diagnostic of a document in one pass of <see cref="Apply"/>.</summary>
    public sealed override FixAllProvider GetFixAllProvider() =>
        FixAllProvider.Create((context, document, diagnostics) => FixAsync(document, diagnostics, context.CancellationToken)!);

    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            string? title = TitleFor(root, diagnostic);
            if (title is not null)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(title, token => FixAsync(context.Document, [diagnostic], token), EquivalenceKey),
                    diagnostic);
            }
        }
    }

    /// <summary>One key per fix, so that Fix All gathers every diagnostic this fix can answer.</summary>
    protected string EquivalenceKey => GetType().Name;

    /// <summary>The fix's title for this diagnostic, or null when the code at its location is not what the fix expects.</summary>
    protected abstract string? TitleFor(SyntaxNode root, Diagnostic diagnostic);

    /// <summary>Records the edits that answer one diagnostic (nothing when the code is not what the fix expects).</summary>
    protected abstract void Apply(DocumentEditor editor, Diagnostic diagnostic, CancellationToken cancellationToken);

    private async Task<Document> FixAsync(Document document, IEnumerable<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        DocumentEditor editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        foreach (Diagnostic diagnostic in diagnostics)
        {
            Apply(editor, diagnostic, cancellationToken);
        }

        return editor.GetChangedDocument();
    }
}

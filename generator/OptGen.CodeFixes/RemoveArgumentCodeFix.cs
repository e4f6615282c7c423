using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;

namespace OptGen.CodeFixes;

/// <summary>
/// OPTG010: removes a hyperparameter the kind ignores. OPTG006: removes the dampening Nesterov momentum cannot take.
/// Either way the argument goes, with its comma.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveArgumentCodeFix)), Shared]
public sealed class RemoveArgumentCodeFix : DocumentCodeFix
{
    public override ImmutableArray<string> FixableDiagnosticIds => [DiagnosticIds.UnusedHyperparameter, DiagnosticIds.NesterovWithDampening];

    protected override string? TitleFor(SyntaxNode root, Diagnostic diagnostic) =>
        OptimizerArguments.At(root, diagnostic) is { } argument
            ? diagnostic.Id == DiagnosticIds.NesterovWithDampening
                ? "Remove Dampening (Nesterov momentum takes none)"
                : $"Remove {OptimizerArguments.NameOf(argument)}, which this kind ignores"
            : null;

    protected override void Apply(DocumentEditor editor, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (OptimizerArguments.At(editor.OriginalRoot, diagnostic) is { } argument)
        {
            editor.RemoveNode(argument);
        }
    }
}

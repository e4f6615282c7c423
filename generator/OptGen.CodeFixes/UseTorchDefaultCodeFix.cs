using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace OptGen.CodeFixes;

/// <summary>
/// OPTG003, OPTG004, OPTG005, OPTG011, OPTG014, OPTG015 (a value outside its range): writes the kind's default, which
/// the diagnostic carries, in its place, e.g. <c>Beta2 = 1</c> → <c>Beta2 = 0.999</c>. The value stays written out, so the
/// declaration still says what it uses.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseTorchDefaultCodeFix)), Shared]
public sealed class UseTorchDefaultCodeFix : DocumentCodeFix
{
    public override ImmutableArray<string> FixableDiagnosticIds =>
    [
        DiagnosticIds.InvalidLearningRate, DiagnosticIds.DecayOutOfRange, DiagnosticIds.InvalidEpsilon, DiagnosticIds.NegativeHyperparameter,
        DiagnosticIds.RhoOutOfRange, DiagnosticIds.RpropEtas,
    ];

    protected override string? TitleFor(SyntaxNode root, Diagnostic diagnostic) =>
        Replacement(root, diagnostic) is var (argument, literal)
            ? $"Use torch's default: {OptimizerArguments.NameOf(argument)} = {literal.Token.Text}"
            : null;

    protected override void Apply(DocumentEditor editor, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (Replacement(editor.OriginalRoot, diagnostic) is var (argument, literal))
        {
            editor.ReplaceNode(argument.Expression, literal.WithTriviaFrom(argument.Expression));
        }
    }

    private static (AttributeArgumentSyntax Argument, LiteralExpressionSyntax Literal)? Replacement(
        SyntaxNode root, Diagnostic diagnostic)
    {
        AttributeArgumentSyntax? argument = OptimizerArguments.At(root, diagnostic);
        double? value = argument is null ? null : TorchDefaultValue.For(diagnostic);
        return value is null
            ? null
            : (argument!, SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(TorchDefaultValue.Literal(value.Value), value.Value)));
    }
}

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace OptGen.CodeFixes.Tests;

/// <summary>
/// The fix writes whatever default the diagnostic carries in Properties["TorchDefault"] (here a made-up 0.25, not
/// torch's 0.9), and offers nothing when a diagnostic carries none: the reporter knows the kinds, the fix does not.
/// </summary>
public sealed class CarriedDefaultTests
{
    [Fact]
    public Task The_carried_default_wins_over_the_table() =>
        new CodeFixTest<CarriedDefaultAnalyzer, UseTorchDefaultCodeFix>(
            """
            using OptGen;

            [Optimizer(Kind.Adam, Params = 2, Beta1 = {|OPTG004:1|})]
            public partial class A;
            """,
            """
            using OptGen;

            [Optimizer(Kind.Adam, Params = 2, Beta1 = 0.25)]
            public partial class A;
            """).RunAsync();

    [Fact]
    public Task Without_a_carried_default_no_fix_is_offered() =>
        new CodeFixTest<CarriedDefaultAnalyzer, UseTorchDefaultCodeFix>(
            """
            using OptGen;

            [Optimizer(Kind.Adam, Params = 2, Beta1 = {|OPTG004:2|})]
            public partial class A;
            """,
            """
            using OptGen;

            [Optimizer(Kind.Adam, Params = 2, Beta1 = {|OPTG004:2|})]
            public partial class A;
            """).RunAsync();

    /// <summary>Reports OPTG004 on <c>Beta1 = 1</c> carrying 0.25 as the default, and on <c>Beta1 = 2</c> carrying none.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class CarriedDefaultAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor s_descriptor = new("OPTG004", "range", "range", "OptGen", DiagnosticSeverity.Error, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [s_descriptor];

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterSyntaxNodeAction(
                node =>
                {
                    var argument = (AttributeArgumentSyntax)node.Node;
                    if (argument.NameEquals?.Name.Identifier.ValueText == "Beta1" && argument.Expression.ToString() is "1" or "2")
                    {
                        node.ReportDiagnostic(Diagnostic.Create(s_descriptor, argument.Expression.GetLocation(),
                            argument.Expression.ToString() == "1" ? ImmutableDictionary<string, string?>.Empty.Add("TorchDefault", "0.25") : null));
                    }
                },
                SyntaxKind.AttributeArgument);
        }
    }
}

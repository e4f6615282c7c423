using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace OptGen.CodeFixes.Tests;

/// <summary>
/// A range diagnostic that carries its default in Properties["TorchDefault"] is fixed with that value, not with the
/// fix's own table: the reporter knows every kind's defaults, including kinds the table has not heard of.
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

    /// <summary>Reports OPTG004 on any <c>Beta1 = 1</c>, carrying 0.25 (not torch's 0.9) as the default.</summary>
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
                    if (argument.NameEquals?.Name.Identifier.ValueText == "Beta1" && argument.Expression.ToString() == "1")
                    {
                        node.ReportDiagnostic(Diagnostic.Create(s_descriptor, argument.Expression.GetLocation(),
                            ImmutableDictionary<string, string?>.Empty.Add("TorchDefault", "0.25")));
                    }
                },
                SyntaxKind.AttributeArgument);
        }
    }
}

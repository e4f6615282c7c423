using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using OptGen.Generator.Tests.Infrastructure;

namespace OptGen.Generator.Tests;

/// <summary>
/// The README's prerequisite: the generated code needs C# 12 (inline arrays hold a large struct's state; C# 11 is
/// enough for the other shapes, C# 10 for file-scoped namespaces). Every shape compiles at exactly that version.
/// </summary>
public sealed class LanguageVersionTests
{
    public const LanguageVersion Required = LanguageVersion.CSharp12;

    [Theory]
    [InlineData("[Optimizer(Kind.Adam, Params = 2)] public partial class Unrolled { }")]
    [InlineData("[Optimizer(Kind.Adam)] public partial class ConstructorSized { }")]
    [InlineData("[Optimizer(Kind.Adagrad, Params = 100)] public partial struct LargeStruct { }")]
    [InlineData("[Optimizer(Kind.RMSProp, Params = 5000, Parallel = true, Centered = true, Momentum = 0.5)] public partial class ParallelLarge { }")]
    [InlineData("[Optimizer(Kind.Sgd, Params = 2)] public partial struct SmallStruct { }")]
    [InlineData("namespace N { public partial class O { [Optimizer(Kind.Nesterov, Params = 3, ElementType = typeof(float))] public partial class Nested { } } }")]
    public void The_generated_code_compiles_at_the_required_language_version(string declaration)
    {
        var parseOptions = new CSharpParseOptions(Required);
        Compilation input = GeneratorHarness.Compilation()
            .AddSyntaxTrees(CSharpSyntaxTree.ParseText("using OptGen; " + declaration, parseOptions, path: "Source.cs"));
        CSharpGeneratorDriver.Create([new OptimizerGenerator().AsSourceGenerator()], parseOptions: parseOptions)
            .RunGeneratorsAndUpdateCompilation(input, out Compilation output, out _);

        Assert.NotEqual(input.SyntaxTrees.Count(), output.SyntaxTrees.Count());
        Assert.Empty(output.GetDiagnostics().Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning).Select(diagnostic => diagnostic.ToString()));
    }
}

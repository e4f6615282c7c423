using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using OptGen.Generator.Tests.Infrastructure;

namespace OptGen.Generator.Tests.Robustness;

/// <summary>
/// Legal programs that used to make every optimizer in the project vanish (CS8785) or produce generated code that
/// did not compile, with no OPTG diagnostic to say why. Each now generates code that compiles, or gets a diagnostic
/// on the right span.
/// </summary>
public sealed class HostileDeclarationTests
{
    [Theory]
    [InlineData("[Optimizer(Kind.Adam, Params = 2)] partial class MyAdam; [Optimizer(Kind.Sgd, Params = 2)] partial class MYADAM;")]
    [InlineData("namespace N { [Optimizer(Kind.Adam, Params = 2)] partial class A; } namespace n { [Optimizer(Kind.Sgd, Params = 2)] partial class A; }")]
    [InlineData("namespace @namespace.@event { [Optimizer(Kind.Adam, Params = 2)] partial class @class; [Optimizer(Kind.Sgd, Params = 2)] partial struct @struct; }")]
    [InlineData("[Optimizer(Kind.Adam, Params = 2)] partial class @int; [Optimizer(Kind.Adam, Params = 2)] partial class Ünïcödé;")]
    [InlineData("[Optimizer(Kind.Adam, Params = 2)] partial class Tagged<@class, T2>;")]
    [InlineData("[Optimizer(Kind.Adam)] partial class Shadowed<Vector256, Vector512>; class Vector128 { }")]
    [InlineData("namespace S { [Optimizer(Kind.RMSProp, Params = 40)] partial class Wide; class Vector256 { } class Vector512 { } class Vector128 { } }")]
    [InlineData("[Optimizer(Kind.Adam, Params = 2)] partial class Twice; partial class Twice { }")]
    public void Legal_programs_generate_code_that_compiles_with_unique_file_names(string declarations)
    {
        (string[] generated, _) = GeneratorHarness.GenerateAndCompile("using OptGen;\n" + declarations);
        Assert.NotEmpty(generated);
    }

    [Fact]
    public void File_names_differ_ignoring_case_and_hold_no_angle_brackets_or_at_signs()
    {
        (GeneratorDriverRunResult result, _) = GeneratorHarness.Run(
            "using OptGen; namespace @namespace { [Optimizer(Kind.Adam, Params = 2)] partial class MyAdam; [Optimizer(Kind.Sgd, Params = 2)] partial class MYADAM; [Optimizer(Kind.Sgd, Params = 2)] partial class myadam; }");
        string[] names = [.. result.Results.Single().GeneratedSources.Select(source => source.HintName)];
        Assert.Equal(3, names.Length);
        Assert.Equal(3, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(names, name => Assert.DoesNotContain(name, c => c is '<' or '>' or '@'));
    }

    [Fact]
    public void The_attribute_on_two_partial_parts_is_the_compilers_error_and_nothing_else()
    {
        (GeneratorDriverRunResult result, Compilation output) = GeneratorHarness.Run(
            "using OptGen; [Optimizer(Kind.Adam, Params = 2)] partial class Split; [Optimizer(Kind.Adam, Params = 2)] partial class Split;");
        Assert.Null(result.Results.Single().Exception);
        Assert.Empty(result.GeneratedTrees);
        Assert.Contains(output.GetDiagnostics(), d => d.Id == "CS0579");
        Assert.Empty(GeneratorHarness.AnalyzerDiagnostics(output));
    }

    [Theory]
    [InlineData("[Optimizer(Kind.Adam, Params = 2, Params = 3)] partial class Duplicate;")]
    [InlineData("[Optimizer(Kind.Adam, Params = 2, LearningRate = 0.1m)] partial class DecimalRate;")]
    [InlineData("[Optimizer(Kind.Adam, Params = 2, Beta1 = )] partial class Missing;")]
    public void Where_the_compiler_reports_the_attribute_OptGen_stays_silent(string declaration)
    {
        (GeneratorDriverRunResult result, Compilation output) = GeneratorHarness.Run("using OptGen;\n" + declaration);
        Assert.Null(result.Results.Single().Exception);
        Assert.Contains(output.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error && d.Id.StartsWith("CS", StringComparison.Ordinal));
        Assert.Empty(GeneratorHarness.AnalyzerDiagnostics(output));
        Assert.Empty(result.Diagnostics);
    }

    [Theory]
    [InlineData("[Optimizer(Kind.Adam, Params = 2)] file partial class Local;", "OPTG017", "Local")]
    [InlineData("[Optimizer(Kind.Adam, Params = 2)] static partial class Static;", "OPTG017", "Static")]
    [InlineData("[Optimizer(Kind.Adam, Params = 2)] readonly partial struct Frozen;", "OPTG017", "Frozen")]
    [InlineData("[Optimizer(Kind.Adam, Params = 2)] readonly partial record struct FrozenRecord;", "OPTG017", "FrozenRecord")]
    [InlineData("[Optimizer(Kind.Adam, Params = 2)] ref partial struct Stacked;", "OPTG017", "Stacked")]
    [InlineData("[Optimizer(Kind.Adam, Params = 2, ElementType = typeof(float), WeightDecay = 1e39)] partial class Huge;", "OPTG018", "1e39")]
    [InlineData("[Optimizer(Kind.Adam, Params = 2, ElementType = typeof(float), Epsilon = 1e-50)] partial class Tiny;", "OPTG018", "1e-50")]
    [InlineData("[Optimizer(Kind.Adagrad, Params = 2, ElementType = typeof(float), InitialAccumulatorValue = 3.4028236e38)] partial class Edge;", "OPTG018", "3.4028236e38")]
    [InlineData("[Optimizer(Kind.Adam, Params = 2)] partial class HasStep { public void Step() { } }", "OPTG019", "Step")]
    [InlineData("[Optimizer(Kind.Adam, Params = 2)] partial class HasRate { public double LearningRate; }", "OPTG019", "LearningRate")]
    [InlineData("[Optimizer(Kind.Adam, Params = 40)] partial struct HasBuffer { private struct ParameterBuffer { } }", "OPTG019", "ParameterBuffer")]
    [InlineData("[Optimizer(Kind.Adam, Params = 2)] partial class Reset;", "OPTG019", "Reset")]
    [InlineData("[Optimizer(Kind.Adam)] partial class Sized { public Sized(int n) { } }", "OPTG019", "Sized")]
    [InlineData("[Optimizer(Kind.Adam)] partial class Primary(int seed);", "OPTG020", "Primary")]
    [InlineData("[Optimizer(Kind.Adam, Params = 2)] partial struct PrimaryStruct(int seed);", "OPTG020", "PrimaryStruct")]
    [InlineData("[Optimizer(Kind.Adam, Params = 1073741800)] partial class Enormous;", "OPTG021", "1073741800")]
    public void What_would_not_compile_gets_a_diagnostic_on_the_right_span(string declaration, string id, string squiggled)
    {
        string source = "using OptGen;\n" + declaration;
        (GeneratorDriverRunResult result, Compilation output) = GeneratorHarness.Run(source);
        Assert.Empty(result.GeneratedTrees);
        Diagnostic diagnostic = Assert.Single(GeneratorHarness.AnalyzerDiagnostics(output), d => d.Id == id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(squiggled, source.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
    }

    [Fact]
    public void A_primary_constructor_is_fine_when_OptGen_generates_no_constructor() =>
        GeneratorHarness.GenerateAndCompile("using OptGen; [Optimizer(Kind.Adam, Params = 2)] partial class Seeded(int seed) { public int Seed => seed; }");

    [Fact]
    public void Csharp_below_12_gets_a_diagnostic_not_a_wall_of_errors()
    {
        var options = new CSharpParseOptions(LanguageVersion.CSharp11);
        CSharpCompilation compilation = GeneratorHarness.Compilation("using OptGen; [Optimizer(Kind.Adam, Params = 2)] public partial class Old;");
        compilation = compilation.ReplaceSyntaxTree(compilation.SyntaxTrees[0], compilation.SyntaxTrees[0].WithRootAndOptions(compilation.SyntaxTrees[0].GetRoot(), options));
        GeneratorDriver driver = CSharpGeneratorDriver.Create([new OptimizerGenerator().AsSourceGenerator()], parseOptions: options)
            .RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out _);
        Assert.Empty(driver.GetRunResult().GeneratedTrees);
        Diagnostic diagnostic = Assert.Single(GeneratorHarness.AnalyzerDiagnostics(output));
        Assert.Equal("OPTG022", diagnostic.Id);
        Assert.Contains("C# 11", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_struct_too_big_for_the_stack_gets_a_warning_and_still_compiles()
    {
        (GeneratorDriverRunResult result, Compilation output) = GeneratorHarness.Run("using OptGen; [Optimizer(Kind.Adam, Params = 100000)] public partial struct Giant;");
        Assert.Single(result.GeneratedTrees);
        Diagnostic diagnostic = Assert.Single(GeneratorHarness.AnalyzerDiagnostics(output));
        Assert.Equal(("OPTG023", DiagnosticSeverity.Warning), (diagnostic.Id, diagnostic.Severity));
        Assert.Contains("make it a class", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }
}

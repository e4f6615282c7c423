using Microsoft.CodeAnalysis;
using OptGen.Generator.Tests.Infrastructure;

namespace OptGen.Generator.Tests;

/// <summary>One test per diagnostic: its id, its severity, and the text under its squiggle.</summary>
public sealed class DiagnosticTests
{
    [Fact]
    public void OPTG001_type_not_partial() =>
        AssertSingle("[Optimizer(Kind.Sgd, Params = 2)] public class Plain;", "OPTG001", DiagnosticSeverity.Error, "Plain");

    [Fact]
    public void OPTG001_containing_type_not_partial() =>
        AssertSingle("public class Outer { [Optimizer(Kind.Sgd, Params = 2)] public partial class Inner; }", "OPTG001", DiagnosticSeverity.Error, "Outer");

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    public void OPTG002_params_below_one(string value) =>
        AssertSingle($"[Optimizer(Kind.Adam, Params = {value})] public partial class A;", "OPTG002", DiagnosticSeverity.Error, value);

    [Theory]
    [InlineData("0")]
    [InlineData("-0.1")]
    [InlineData("double.NaN")]
    [InlineData("double.PositiveInfinity")]
    public void OPTG003_learning_rate_not_positive_finite(string value) =>
        AssertSingle($"[Optimizer(Kind.Sgd, Params = 2, LearningRate = {value})] public partial class A;", "OPTG003", DiagnosticSeverity.Error, value);

    [Theory]
    [InlineData("Adam", "Beta1", "1")]
    [InlineData("Adam", "Beta2", "1.5")]
    [InlineData("Adam", "Beta1", "-0.1")]
    [InlineData("Momentum", "Momentum", "1")]
    [InlineData("Momentum", "Dampening", "1")]
    [InlineData("RMSProp", "Alpha", "1")]
    [InlineData("Nesterov", "Momentum", "0")]
    public void OPTG004_decay_outside_its_range(string kind, string name, string value) =>
        AssertSingle($"[Optimizer(Kind.{kind}, Params = 2, {name} = {value})] public partial class A;", "OPTG004", DiagnosticSeverity.Error, value);

    [Theory]
    [InlineData("0")]
    [InlineData("-1e-8")]
    public void OPTG005_epsilon_not_positive(string value) =>
        AssertSingle($"[Optimizer(Kind.Adam, Params = 2, Epsilon = {value})] public partial class A;", "OPTG005", DiagnosticSeverity.Error, value);

    [Fact]
    public void OPTG006_nesterov_with_dampening() =>
        AssertSingle("[Optimizer(Kind.Nesterov, Params = 2, Dampening = 0.1)] public partial class A;", "OPTG006", DiagnosticSeverity.Error, "0.1");

    [Theory]
    [InlineData("int")]
    [InlineData("decimal")]
    [InlineData("System.Half")]
    public void OPTG007_element_type_not_float_or_double(string type) =>
        AssertSingle($"[Optimizer(Kind.Sgd, Params = 2, ElementType = typeof({type}))] public partial class A;", "OPTG007", DiagnosticSeverity.Error, $"typeof({type})");

    [Fact]
    public void OPTG008_undefined_kind() =>
        AssertSingle("[Optimizer((Kind)42, Params = 2)] public partial class A;", "OPTG008", DiagnosticSeverity.Error, "(Kind)42");

    [Fact]
    public void OPTG009_struct_without_params() =>
        AssertSingle("[Optimizer(Kind.Adam)] public partial struct A;", "OPTG009", DiagnosticSeverity.Error, "Optimizer(Kind.Adam)");

    [Theory]
    [InlineData("Sgd", "Beta1 = 0.8")]
    [InlineData("Adam", "Momentum = 0.5")]
    [InlineData("Momentum", "Epsilon = 1e-6")]
    [InlineData("Adagrad", "Centered = true")]
    [InlineData("RMSProp", "Amsgrad = true")]
    [InlineData("Adam", "LrDecay = 0.1")]
    public void OPTG010_hyperparameter_the_kind_ignores_is_a_warning_and_code_is_still_generated(string kind, string argument)
    {
        string source = $"using OptGen; [Optimizer(Kind.{kind}, Params = 2, {argument})] public partial class A;";
        (var result, Compilation output) = GeneratorHarness.Run(source);
        Assert.Empty(result.Diagnostics); // the generator itself is silent; the analyzer reports
        Diagnostic diagnostic = Assert.Single(GeneratorHarness.AnalyzerDiagnostics(output));
        AssertDiagnostic(diagnostic, source, "OPTG010", DiagnosticSeverity.Warning, argument);
        Assert.Single(result.GeneratedTrees);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Theory]
    [InlineData("Adam", "WeightDecay", "-0.01")]
    [InlineData("Adagrad", "LrDecay", "-1")]
    [InlineData("Adagrad", "InitialAccumulatorValue", "double.NaN")]
    public void OPTG011_negative_hyperparameter(string kind, string name, string value) =>
        AssertSingle($"[Optimizer(Kind.{kind}, Params = 2, {name} = {value})] public partial class A;", "OPTG011", DiagnosticSeverity.Error, value);

    [Fact]
    public void OPTG012_parallel_struct() =>
        AssertSingle("[Optimizer(Kind.Adam, Params = 1000, Parallel = true)] public partial struct A;", "OPTG012", DiagnosticSeverity.Error, "Parallel = true");

    [Fact]
    public void OPTG013_parallel_straight_line_code_is_a_warning() =>
        AssertSingle("[Optimizer(Kind.Adam, Params = 2, Parallel = true)] public partial class A;", "OPTG013", DiagnosticSeverity.Warning, "Parallel = true");

    [Theory]
    [InlineData("-0.1")]
    [InlineData("1.5")]
    [InlineData("double.NaN")]
    public void OPTG014_rho_outside_zero_to_one(string value) =>
        AssertSingle($"[Optimizer(Kind.Adadelta, Params = 2, Rho = {value})] public partial class A;", "OPTG014", DiagnosticSeverity.Error, value);

    [Theory]
    [InlineData("EtaMinus", "0")]
    [InlineData("EtaMinus", "1")]
    [InlineData("EtaPlus", "1")]
    [InlineData("EtaPlus", "0.5")]
    [InlineData("EtaPlus", "double.PositiveInfinity")]
    public void OPTG015_rprop_etas_out_of_order(string name, string value) =>
        AssertSingle($"[Optimizer(Kind.Rprop, Params = 2, {name} = {value})] public partial class A;", "OPTG015", DiagnosticSeverity.Error, value);

    [Fact]
    public void OPTG016_rprop_min_step_above_max_step() =>
        AssertSingle("[Optimizer(Kind.Rprop, Params = 2, MinStepSize = 2, MaxStepSize = 1)] public partial class A;", "OPTG016", DiagnosticSeverity.Error, "2");

    [Theory]
    [InlineData("Rprop", "WeightDecay = 0.1")]
    [InlineData("AdamW", "DecoupledWeightDecay = true")]
    [InlineData("Adadelta", "Beta1 = 0.9")]
    public void OPTG010_also_for_the_later_kinds(string kind, string argument) =>
        AssertSingle($"[Optimizer(Kind.{kind}, Params = 2, {argument})] public partial class A;", "OPTG010", DiagnosticSeverity.Warning, argument);

    [Fact]
    public void A_range_error_carries_the_kinds_default_for_a_code_fix()
    {
        Diagnostic diagnostic = Assert.Single(GeneratorHarness.GeneratorDiagnostics("using OptGen; [Optimizer(Kind.AdamW, Params = 2, WeightDecay = -1)] public partial class A;"));
        Assert.Equal("0.01", diagnostic.Properties["TorchDefault"]);
    }

    [Fact]
    public void Every_error_suppresses_generation()
    {
        (var result, _) = GeneratorHarness.Run("using OptGen; [Optimizer(Kind.Adam, Params = 2, Beta1 = 1)] public partial class A;");
        Assert.Empty(result.GeneratedTrees);
    }

    [Fact]
    public void Messages_say_what_to_change()
    {
        Diagnostic diagnostic = Assert.Single(GeneratorHarness.GeneratorDiagnostics("using OptGen; [Optimizer(Kind.Adam, Params = 2, Beta2 = 1)] public partial class A;"));
        Assert.Equal("Beta2 is 1; it must be in [0, 1)", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static void AssertSingle(string declaration, string id, DiagnosticSeverity severity, string squiggled)
    {
        string source = "using OptGen;\n" + declaration;
        Diagnostic diagnostic = Assert.Single(GeneratorHarness.GeneratorDiagnostics(source));
        AssertDiagnostic(diagnostic, source, id, severity, squiggled);
    }

    /// <summary>
    /// Checks the id, the severity, and the place: the file, the line and column, and the text the squiggle
    /// covers. (Generator diagnostics carry file-and-span locations rather than syntax trees, so the pipeline
    /// holds no tree; the compiler and the IDE map them back onto the source.)
    /// </summary>
    private static void AssertDiagnostic(Diagnostic diagnostic, string source, string id, DiagnosticSeverity severity, string squiggled)
    {
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(severity, diagnostic.Severity);
        FileLinePositionSpan place = diagnostic.Location.GetLineSpan();
        Assert.Equal("Source0.cs", place.Path);
        string underlined = source.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length);
        Assert.Equal(squiggled, underlined);
        string line = source.ReplaceLineEndings("\n").Split('\n')[place.StartLinePosition.Line];
        Assert.Equal(squiggled, line.Substring(place.StartLinePosition.Character, squiggled.Length));
        Assert.False(string.IsNullOrWhiteSpace(diagnostic.Descriptor.HelpLinkUri));
    }
}

using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using OptGen.Generator.Tests.Infrastructure;

namespace OptGen.Generator.Tests.Robustness;

/// <summary>
/// Random declarations — kinds (defined or not), type shapes, names, namespaces, sizes, element types, values
/// from the ordinary to NaN, ∞ and 1e-50, language versions — through the generator and the analyzer. None may make
/// either throw, and every one either compiles with the generated code or comes with an OPTG error that explains
/// why nothing was generated: the generated code never adds a compiler error of its own.
/// </summary>
public sealed class GeneratorFuzzTests
{
    private const int Cases = 1000;

    private static readonly string[] s_shapes =
        ["partial class", "partial class", "partial class", "partial struct", "partial record", "partial record struct", "sealed partial class",
         "abstract partial class", "readonly partial struct", "static partial class", "file partial class", "ref partial struct"];

    private static readonly string[] s_names =
        ["Opt", "Opt", "Opt", "Opt", "@class", "@int", "Ünïcödé", "Step", "Reset", "LearningRate", "ParameterBuffer", "Vector256", "_m0", "Generic<T>", "Pair<@class, TOther>"];

    private static readonly string[] s_namespaces = ["", "N", "n", "@namespace.@event", "A.B.C"];

    private static readonly string[] s_members =
        ["", "", "", " { public void Step() { } }", " { public int StepCount; }", " { public Opt2(int n) { } }", " { private double _beta1Power; }", " { public void Train() { } }"];

    private static readonly string[] s_reals =
        ["0", "0.1", "0.5", "0.9", "0.999", "1e-8", "0.01", "0.3", "1", "-1", "2", "50", "1e-50", "1e39", "3.4028236e38", "double.NaN", "double.PositiveInfinity", "double.Epsilon", "-0.0"];

    private static readonly string[] s_params = ["", "", "Params = 1, ", "Params = 2, ", "Params = 16, ", "Params = 17, ", "Params = 100, ", "Params = 0, ", "Params = -5, ", "Params = 1073741824, ", "Params = 200000, "];

    private static readonly LanguageVersion[] s_versions = [LanguageVersion.Latest, LanguageVersion.Latest, LanguageVersion.Latest, LanguageVersion.Latest, LanguageVersion.CSharp12, LanguageVersion.CSharp13, LanguageVersion.CSharp11, LanguageVersion.CSharp10];

    [Fact]
    public void Random_declarations_never_throw_and_either_compile_or_explain_why_not()
    {
        var random = new Random(20261203);
        string[] kinds = [.. Enum.GetNames(typeof(IOptimizer<>).Assembly.GetType("OptGen.Kind", throwOnError: true)!).Select(name => "Kind." + name), "(Kind)99", "(Kind)(-1)"];
        string[] hyperparameters = [.. typeof(IOptimizer<>).Assembly.GetType("OptGen.OptimizerAttribute", throwOnError: true)!.GetProperties()
            .Where(p => p.CanWrite && (p.PropertyType == typeof(double) || p.PropertyType == typeof(bool)) && p.Name != "Parallel").Select(p => p.Name + (p.PropertyType == typeof(bool) ? ":bool" : ""))];
        var failures = new List<string>();
        int generated = 0, explained = 0;
        var errors = new Dictionary<string, int>();
        for (int i = 0; i < Cases && failures.Count < 5; i++)
        {
            string source = Declaration(random, kinds, hyperparameters, i);
            LanguageVersion version = s_versions[random.Next(s_versions.Length)];
            string? failure = Check(source, version, errors, ref generated, ref explained);
            if (failure is not null)
            {
                failures.Add($"--- case {i} (C# {version.ToDisplayString()}):\n{source}\n{failure}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        // The fuzz must exercise both outcomes, or it proves little (the message shows which errors it met).
        Assert.True(generated > Cases / 10 && explained > Cases / 10, $"{generated} generated, {explained} explained; " + string.Join(", ", errors.OrderByDescending(p => p.Value).Select(p => $"{p.Key}={p.Value}")));
    }

    private static string Declaration(Random random, string[] kinds, string[] hyperparameters, int index)
    {
        var arguments = new StringBuilder(Pick(random, s_params));
        foreach (string hyperparameter in hyperparameters.Where(_ => random.Next(10) == 0))
        {
            string[] parts = hyperparameter.Split(':');
            arguments.Append(parts[0]).Append(" = ").Append(parts.Length > 1 ? (random.Next(2) == 0 ? "true" : "false") : Pick(random, s_reals)).Append(", ");
        }

        if (random.Next(3) == 0)
        {
            arguments.Append("ElementType = typeof(").Append(Pick(random, ["float", "float", "float", "int", "double"])).Append("), ");
        }

        if (random.Next(6) == 0)
        {
            arguments.Append("Parallel = true, ");
        }

        string name = Pick(random, s_names).Replace("Opt", "Opt" + index.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        string members = Pick(random, s_members).Replace("Opt2", name.Split('<')[0], StringComparison.Ordinal);
        string declaration = $"[Optimizer({Pick(random, kinds)}, {arguments.ToString().TrimEnd(',', ' ')})] {Pick(random, s_shapes)} {name}{(members.Length == 0 ? ";" : members)}";
        if (random.Next(6) == 0)
        {
            declaration = $"public partial class Outer{index} {{ {declaration} }}";
        }

        string ns = Pick(random, s_namespaces);
        return "using OptGen;\n" + (ns.Length == 0 ? declaration : $"namespace {ns} {{ {declaration} }}") + "\n";
    }

    /// <summary>Null when the case behaves; otherwise what went wrong.</summary>
    private static string? Check(string source, LanguageVersion version, Dictionary<string, int> errors, ref int generated, ref int explained)
    {
        var options = new CSharpParseOptions(version);
        CSharpCompilation input = GeneratorHarness.Compilation(source);
        input = input.ReplaceSyntaxTree(input.SyntaxTrees[0], CSharpSyntaxTree.ParseText(source, options, "Source0.cs"));
        GeneratorDriver driver = CSharpGeneratorDriver.Create([new OptimizerGenerator().AsSourceGenerator()], parseOptions: options)
            .RunGeneratorsAndUpdateCompilation(input, out Compilation output, out var driverDiagnostics);
        GeneratorRunResult run = driver.GetRunResult().Results.Single();
        if (run.Exception is not null)
        {
            return "the generator threw: " + run.Exception;
        }

        var optgen = run.Diagnostics.Concat(GeneratorHarness.AnalyzerDiagnostics(output)).ToArray();
        if (driverDiagnostics.Concat(optgen).FirstOrDefault(d => d.Id is "CS8785" or "OPTG000") is { } crash)
        {
            return "crashed: " + crash;
        }

        bool explainedHere = optgen.Any(d => d.Severity == DiagnosticSeverity.Error);
        foreach (Diagnostic error in optgen.Where(d => d.Severity == DiagnosticSeverity.Error))
        {
            errors[error.Id] = errors.GetValueOrDefault(error.Id) + 1;
        }

        if (explainedHere)
        {
            explained++;
            return run.GeneratedSources.Length == 0 ? null : "an OPTG error was reported, yet code was generated";
        }

        if (run.GeneratedSources.Length > 0)
        {
            generated++;
        }

        // Generation must add no compiler error: whatever is wrong with the output was wrong with the input.
        var before = new HashSet<string>(input.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Id));
        var added = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error && !before.Contains(d.Id)).ToArray();
        return added.Length == 0 ? null : "the generated code added errors:\n" + string.Join("\n", added.Take(5));
    }

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];
}

using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using OptGen.Generator;

namespace OptGen.Benchmarks.Generator;

/// <summary>
/// The generator itself, as the compiler and the IDE run it: <see cref="CSharpGeneratorDriver"/> over a project of
/// 100 <c>[Optimizer]</c> classes (the six kinds, float and double, straight-line/vectorized/constructor-sized, some
/// with options on) in 10 files, plus 10 files of ordinary code; first a cold run (a new driver: parse, spec and emit
/// all 100), then the incremental rerun after an edit to one ordinary file (what happens on every keystroke), which
/// must find every optimizer's output cached.
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    public const int OptimizerCount = 100;

    private static readonly string[] Kinds = ["Sgd", "Momentum", "Nesterov", "Adagrad", "RMSProp", "Adam"];

    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _edited = null!;
    private GeneratorDriver _warm = null!;
    private CSharpParseOptions _parseOptions = null!;

    [GlobalSetup]
    public void Setup()
    {
        _parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = new List<SyntaxTree>();
        for (int file = 0; file < 10; file++)
        {
            var source = new StringBuilder("using OptGen;\n\nnamespace Project.Layer").Append(file).Append(";\n\n");
            for (int i = 0; i < OptimizerCount / 10; i++)
            {
                int n = file * 10 + i;
                string kind = Kinds[n % Kinds.Length];
                string type = n % 2 == 0 ? "double" : "float";
                string size = (n % 5) switch { 0 or 1 => ", Params = 2", 2 => ", Params = 10", 3 => ", Params = 1000", _ => "" };
                string options = (n % 7) switch
                {
                    0 => ", WeightDecay = 1e-4",
                    1 => ", Maximize = true",
                    2 when kind == "Adam" => ", Amsgrad = true",
                    3 when kind == "RMSProp" => ", Centered = true, Momentum = 0.5",
                    _ => "",
                };
                source.Append($"[Optimizer(Kind.{kind}, ElementType = typeof({type}), LearningRate = 0.01{size}{options})]\n");
                source.Append($"public partial class Optimizer{n};\n\n");
            }

            trees.Add(CSharpSyntaxTree.ParseText(source.ToString(), _parseOptions, path: $"Optimizers{file}.cs"));
        }

        for (int file = 0; file < 10; file++)
        {
            trees.Add(CSharpSyntaxTree.ParseText(OrdinaryCode(file, 0), _parseOptions, path: $"Code{file}.cs"));
        }

        _compilation = CSharpCompilation.Create(
            "Project",
            trees,
            [.. Basic.Reference.Assemblies.Net100.References.All, MetadataReference.CreateFromFile(typeof(OptimizerAttribute).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        SyntaxTree old = trees[^1];
        _edited = _compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(OrdinaryCode(9, 1), _parseOptions, path: old.FilePath));

        _warm = NewDriver().RunGenerators(_compilation);
        Check(_warm, expectCached: false);
        Check(_warm.RunGenerators(_edited), expectCached: true);
    }

    [Benchmark(Description = "Cold run, 100 optimizers")]
    public GeneratorDriver Cold() => NewDriver().RunGenerators(_compilation);

    [Benchmark(Description = "Rerun after an unrelated edit")]
    public GeneratorDriver Incremental() => _warm.RunGenerators(_edited);

    private GeneratorDriver NewDriver() =>
        CSharpGeneratorDriver.Create(
            [new OptimizerGenerator().AsSourceGenerator()],
            parseOptions: _parseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    private static string OrdinaryCode(int file, int edit) => $$"""
        namespace Project.Code{{file}};

        public static class Helpers{{file}}
        {
            public static int Twice(int x) => 2 * x + {{edit}};
            public static double Mean(double[] values) { double s = 0; foreach (double v in values) s += v; return s / values.Length; }
        }
        """;

    private static void Check(GeneratorDriver driver, bool expectCached)
    {
        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        if (result.Exception is not null || result.Diagnostics.Any(d => d.Severity >= DiagnosticSeverity.Warning))
        {
            throw new InvalidOperationException(
                $"The generator failed: {result.Exception?.Message ?? string.Join("; ", result.Diagnostics)}");
        }

        if (result.GeneratedSources.Length != OptimizerCount)
        {
            throw new InvalidOperationException($"Expected {OptimizerCount} generated files, got {result.GeneratedSources.Length}.");
        }

        if (expectCached)
        {
            var outputs = result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs);
            var notCached = outputs.Where(o => o.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged)).ToList();
            if (notCached.Count > 0)
            {
                throw new InvalidOperationException($"{notCached.Count} generator outputs were recomputed after an unrelated edit.");
            }
        }
    }
}

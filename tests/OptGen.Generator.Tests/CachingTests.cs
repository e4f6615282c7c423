using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using OptGen.Generator.Tests.Infrastructure;

namespace OptGen.Generator.Tests;

/// <summary>The pipeline is incremental: unrelated edits reuse every step, and an edit to one attribute redoes only its type.</summary>
public sealed class CachingTests
{
    private const string Optimizers = """
        using OptGen;
        namespace Samples;
        [Optimizer(Kind.Adam, Params = 2, LearningRate = 0.1)] public partial class First;
        [Optimizer(Kind.Sgd, Params = 3, LearningRate = 1)] public partial class Second;
        """;

    private static readonly string[] s_trackedSteps = [TrackingNames.Parse, TrackingNames.Specs, TrackingNames.Named];

    [Fact]
    public void An_unrelated_edit_leaves_every_step_cached()
    {
        CSharpCompilation compilation = GeneratorHarness.Compilation(Optimizers, "namespace Samples; public class Other { }");
        GeneratorDriver driver = GeneratorHarness.Driver(trackSteps: true).RunGenerators(compilation);

        SyntaxTree other = compilation.SyntaxTrees.Last();
        CSharpCompilation edited = compilation.ReplaceSyntaxTree(
            other, other.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From("namespace Samples; public class Other { public int X; }")));
        GeneratorRunResult second = driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (string step in s_trackedSteps.Where(second.TrackedSteps.ContainsKey))
        {
            Assert.All(
                second.TrackedSteps[step].SelectMany(run => run.Outputs),
                output => Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {output.Reason}"));
        }

        Assert.All(
            second.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(run => run.Outputs),
            output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    [Fact]
    public void Changing_one_argument_modifies_only_that_types_output()
    {
        CSharpCompilation compilation = GeneratorHarness.Compilation(Optimizers);
        GeneratorDriver driver = GeneratorHarness.Driver(trackSteps: true).RunGenerators(compilation);
        string secondBefore = SourceOf(driver, "Samples.Second.g.cs");

        SyntaxTree tree = compilation.SyntaxTrees.Single();
        CSharpCompilation edited = compilation.ReplaceSyntaxTree(
            tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(Optimizers.Replace("LearningRate = 0.1", "LearningRate = 0.2"))));
        driver = driver.RunGenerators(edited);
        GeneratorRunResult result = driver.GetRunResult().Results.Single();

        var specReasons = result.TrackedSteps[TrackingNames.Specs].SelectMany(run => run.Outputs).Select(output => output.Reason).ToArray();
        Assert.Equal(1, specReasons.Count(reason => reason == IncrementalStepRunReason.Modified));
        Assert.Equal(1, specReasons.Count(reason => reason is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached));
        Assert.Equal(secondBefore, SourceOf(driver, "Samples.Second.g.cs"));
        Assert.Contains("= 0.2;", SourceOf(driver, "Samples.First.g.cs"));
    }

    [Fact]
    public void No_step_output_holds_a_compilation_a_symbol_or_syntax()
    {
        CSharpCompilation compilation = GeneratorHarness.Compilation(
            Optimizers, "using OptGen; [Optimizer(Kind.Adam, Params = 0)] public partial class Bad;");
        GeneratorRunResult result = GeneratorHarness.Driver(trackSteps: true).RunGenerators(compilation).GetRunResult().Results.Single();

        Assert.NotEmpty(result.TrackedSteps[TrackingNames.Parse]);
        foreach (string step in s_trackedSteps.Where(result.TrackedSteps.ContainsKey))
        {
            foreach (var output in result.TrackedSteps[step].SelectMany(run => run.Outputs))
            {
                AssertPlainData(output.Value, $"{step}", new HashSet<object>(ReferenceEqualityComparer.Instance));
            }
        }
    }

    private static string SourceOf(GeneratorDriver driver, string hintName) =>
        driver.GetRunResult().Results.Single().GeneratedSources.Single(source => source.HintName == hintName).SourceText.ToString();

    /// <summary>Walks an object graph and fails on anything that would pin a compilation in the cache.</summary>
    private static void AssertPlainData(object? value, string path, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
        {
            return;
        }

        Assert.False(value is Compilation or ISymbol or SyntaxNode or SemanticModel or SyntaxTree, $"{path} holds a {value.GetType().Name}.");
        if (value is IEnumerable items)
        {
            int index = 0;
            foreach (object? item in items)
            {
                AssertPlainData(item, $"{path}[{index++}]", seen);
            }
        }

        foreach (FieldInfo field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            AssertPlainData(field.GetValue(value), $"{path}.{field.Name}", seen);
        }
    }
}

using Microsoft.CodeAnalysis;
using OptGen.Generator.Tests.Infrastructure;

namespace OptGen.Generator.Tests;

/// <summary>Whatever a user types, mid-edit or wrong, the generator reports or stays silent; it never throws.</summary>
public sealed class MalformedInputTests
{
    public static TheoryData<string> Sources => new()
    {
        "[Optimizer] public partial class MissingKind;",
        "[Optimizer()] public partial class EmptyArguments;",
        "[Optimizer(\"adam\")] public partial class StringKind;",
        "[Optimizer(5)] public partial class IntKind;",
        "[Optimizer((Kind)(-1), Params = 2)] public partial class NegativeKind;",
        "[Optimizer(Kind.Adam, Params = \"two\")] public partial class WrongType;",
        "[Optimizer(Kind.Adam, Params = 2.5)] public partial class FractionalParams;",
        "public static class C { public static int N = 3; } [Optimizer(Kind.Adam, Params = C.N)] public partial class NonConstant;",
        "[Optimizer(Kind.Adam, LearningRate = \"fast\")] public partial class StringRate;",
        "[Optimizer(Kind.Adam, ElementType = null)] public partial class NullElementType;",
        "[Optimizer(Kind.Adam, ElementType = typeof(System.Collections.Generic.List<>))] public partial class OpenGeneric;",
        "[Optimizer(Kind.Adam, Unknown = 3)] public partial class UnknownProperty;",
        "[Optimizer(Kind.Adam, Params = ] public partial class BrokenArgument;",
        "[Optimizer(Kind.Adam, Params = 2)] public partial class",
        "[Optimizer(Kind.Adam, Params = 2)] partial class Unterminated {",
        "[Optimizer(Kind.Adam, Params = 2)] public partial interface IInterface;",
        "[Optimizer(Kind.Adam, Params = 2)] public enum E { A }",
        "[Optimizer(Kind.Adam, Params = 2)] public partial record Record;",
        "[Optimizer(Kind.Adam, Params = 2)] public partial record struct RecordStruct;",
        "[Optimizer(Kind.Adam, Params = 2)] public partial class Generic<T> where T : struct;",
        "[Optimizer(Kind.Adam, Params = 2)][Optimizer(Kind.Sgd, Params = 2)] public partial class Twice;",
        "[Optimizer(Kind.Adam, Params = 2)] public static partial class Static;",
        "[Optimizer(Kind.Adam, Params = 2)] public abstract partial class Abstract;",
        "[Optimizer(Kind.Adam, Params = int.MaxValue)] public partial class Huge;",
        "public partial class Outer<T> { [Optimizer(Kind.Sgd, Params = 1)] public partial struct Inner; }",
        "[Optimizer(Kind.Adam, Params = 2)] public partial class HasStep { public void Step() { } }",
    };

    [Theory]
    [MemberData(nameof(Sources))]
    public void No_exception_escapes_the_generator(string declaration)
    {
        (GeneratorDriverRunResult result, Compilation output) = GeneratorHarness.Run("using OptGen;\n" + declaration);

        GeneratorRunResult run = Assert.Single(result.Results);
        Assert.Null(run.Exception);
        Assert.DoesNotContain(output.GetDiagnostics(), d => d.Id is "CS8785" or "OPTG000");
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "OPTG000");
        Assert.DoesNotContain(GeneratorHarness.AnalyzerDiagnostics(output), d => d.Id == "OPTG000");
    }

    [Fact]
    public void A_generic_record_in_the_global_namespace_compiles()
    {
        GeneratorHarness.GenerateAndCompile("using OptGen; [Optimizer(Kind.Adam, Params = 2)] public partial record Tagged<TTag>;");
    }
}

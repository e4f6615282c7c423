using OptGen.Generator.Tests.Infrastructure;

namespace OptGen.Generator.Tests;

/// <summary>
/// The generated source, checked in under Snapshots/. Each case must also compile with zero warnings.
/// </summary>
public sealed class SnapshotTests
{
    public static TheoryData<string> Kinds => new()
    {
        "Sgd", "Momentum", "Nesterov", "Adagrad", "RMSProp", "Adam", "AdamW", "Adamax", "NAdam", "RAdam", "Adadelta", "Rprop",
    };

    /// <summary>The kinds after torch.optim's first six, as floats, and as large vectorized loops.</summary>
    public static TheoryData<string> LaterKinds => new() { "AdamW", "Adamax", "NAdam", "RAdam", "Adadelta", "Rprop" };

    [Theory]
    [MemberData(nameof(LaterKinds))]
    public void Later_kinds_in_float(string kind) => Verify(
        $"[Optimizer(Kind.{kind}, Params = 2, ElementType = typeof(float))] public partial class Optimizer;",
        $"Float_{kind}");

    [Theory]
    [MemberData(nameof(LaterKinds))]
    public void Later_kinds_with_large_params(string kind) => Verify(
        $"[Optimizer(Kind.{kind}, Params = 100)] public partial class Layer;",
        $"LargeParams_{kind}");

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Each_kind_with_its_defaults(string kind) => Verify(
        $"[Optimizer(Kind.{kind}, Params = 2)] public partial class Optimizer;",
        $"Defaults_{kind}");

    [Fact]
    public void Float_elements() => Verify(
        "[Optimizer(Kind.Adam, Params = 2, LearningRate = 0.1, ElementType = typeof(float))] public partial class NeuronAdam;",
        "Float_Adam");

    [Fact]
    public void Params_omitted() => Verify(
        "[Optimizer(Kind.Adam, LearningRate = 0.01)] public partial class SizedAdam;",
        "ParamsOmitted_Adam");

    [Fact]
    public void Large_params_loop() => Verify(
        "[Optimizer(Kind.Adam, Params = 100)] public partial class LayerAdam;",
        "LargeParams_Adam");

    [Theory]
    [InlineData("Sgd", "WeightDecay = 0.01, Maximize = true")]
    [InlineData("Momentum", "Momentum = 0.8, Dampening = 0.1, WeightDecay = 0.01, Maximize = true")]
    [InlineData("Nesterov", "Momentum = 0.8, WeightDecay = 0.01, Maximize = true")]
    [InlineData("Adagrad", "LrDecay = 0.01, InitialAccumulatorValue = 0.1, Epsilon = 1e-8, WeightDecay = 0.01, Maximize = true")]
    [InlineData("RMSProp", "Alpha = 0.9, Centered = true, Momentum = 0.5, Epsilon = 1e-6, WeightDecay = 0.01, Maximize = true")]
    [InlineData("Adam", "Beta1 = 0.8, Beta2 = 0.99, Epsilon = 1e-6, Amsgrad = true, WeightDecay = 0.01, Maximize = true")]
    [InlineData("AdamW", "Beta1 = 0.8, Beta2 = 0.99, Epsilon = 1e-6, Amsgrad = true, WeightDecay = 0.1, Maximize = true")]
    [InlineData("Adamax", "Beta1 = 0.8, Beta2 = 0.99, Epsilon = 1e-6, WeightDecay = 0.01, Maximize = true")]
    [InlineData("NAdam", "Beta1 = 0.8, Beta2 = 0.99, Epsilon = 1e-6, MomentumDecay = 0.01, WeightDecay = 0.01, DecoupledWeightDecay = true, Maximize = true")]
    [InlineData("RAdam", "Beta1 = 0.8, Beta2 = 0.99, Epsilon = 1e-6, WeightDecay = 0.01, DecoupledWeightDecay = true, Maximize = true")]
    [InlineData("Adadelta", "Rho = 0.95, Epsilon = 1e-5, WeightDecay = 0.01, Maximize = true")]
    [InlineData("Rprop", "EtaMinus = 0.4, EtaPlus = 1.5, MinStepSize = 1e-4, MaxStepSize = 1, Maximize = true")]
    public void Every_option_on(string kind, string options) => Verify(
        $"[Optimizer(Kind.{kind}, Params = 2, LearningRate = 0.05, {options})] public partial class Tuned;",
        $"AllOptions_{kind}");

    [Fact]
    public void Nested_in_a_partial_class_in_a_namespace() => Verify(
        """
        namespace Outer.Inner
        {
            public static partial class Models
            {
                internal partial class Neuron
                {
                    [Optimizer(Kind.Momentum, Params = 2, LearningRate = 1)]
                    private partial class Velocity;
                }
            }
        }
        """,
        "Nested_Momentum",
        inNamespace: false);

    [Fact]
    public void Parallel() => Verify(
        "[Optimizer(Kind.Adam, ElementType = typeof(float), Parallel = true)] public partial class ParallelAdam;",
        "Parallel_Adam");

    [Fact]
    public void Struct() => Verify(
        "[Optimizer(Kind.Sgd, Params = 2, LearningRate = 1)] public partial struct NeuronSgd;",
        "Struct_Sgd");

    [Fact]
    public void Struct_with_large_params_keeps_its_state_inline() => Verify(
        "[Optimizer(Kind.Adagrad, Params = 64, InitialAccumulatorValue = 0.1)] public partial struct LayerAdagrad;",
        "Struct_LargeParams_Adagrad");

    [Fact]
    public void Global_namespace() => Verify(
        "[Optimizer(Kind.RMSProp, Params = 3, ElementType = typeof(float))] internal partial class GlobalRms;",
        "GlobalNamespace_RMSProp",
        inNamespace: false);

    private static void Verify(string declaration, string name, bool inNamespace = true)
    {
        string source = "using OptGen;\n" + (inNamespace ? "namespace Samples;\n" : "") + declaration + "\n";
        (string[] generated, _) = GeneratorHarness.GenerateAndCompile(source);
        string single = Assert.Single(generated);
        Snapshot.Verify(single, name);
    }
}

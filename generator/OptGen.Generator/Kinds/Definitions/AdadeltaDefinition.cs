using System.Collections.Generic;
using OptGen.Generator.Rules;
using static OptGen.Generator.Kinds.Hyperparameter;

namespace OptGen.Generator.Kinds.Definitions;

/// <summary>Adadelta, as torch.optim.Adadelta.</summary>
internal sealed class AdadeltaDefinition : KindDefinition
{
    public override Kind Kind => Kind.Adadelta;

    public override string Reference => "torch.optim.Adadelta";

    protected override IReadOnlyList<HyperparameterUse> Own { get; } =
        [Use(LearningRate, 1.0), Use(Rho), Use(Epsilon, 1e-6), Use(WeightDecay), Use(Maximize)];

    /// <summary>torch: <c>Δ = √(u + ε)/√(v + ε)·g</c>, the running average u of Δ² updated after Δ is used.</summary>
    public override void Define(RuleBuilder rule)
    {
        rule.Title("Adadelta, as <c>torch.optim.Adadelta</c>");
        Transforms.Gradient(rule, l2WeightDecay: true);
        double rho = rule[Rho];
        Constant epsilon = rule.Constant(Epsilon);
        StepValue lr = rule.LearningRateValue();
        BufferValue v = rule.Buffer("v", "v", "running averages of g² (v)", domain: StateDomainKind.NonNegative);
        BufferValue u = rule.Buffer("u", "u", "running averages of Δ² (u)", domain: StateDomainKind.NonNegative);
        rule.Assign(v, Transforms.EmaOfSquare(v, rho, rule.G));
        ElementLocal delta = rule.Local("delta", Call.Sqrt(u + epsilon) / Call.Sqrt(v + epsilon) * rule.G);
        rule.Assign(u, Transforms.EmaOfSquare(u, rho, delta));
        rule.Descend(lr * delta);
    }
}

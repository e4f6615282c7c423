using System.Collections.Generic;
using OptGen.Generator.Rules;
using static OptGen.Generator.Kinds.Hyperparameter;

namespace OptGen.Generator.Kinds.Definitions;

/// <summary>Adamax, as torch.optim.Adamax: the second moment replaced by an exponentially weighted infinity norm.</summary>
internal sealed class AdamaxDefinition : KindDefinition
{
    public override Kind Kind => Kind.Adamax;

    public override string Reference => "torch.optim.Adamax";

    protected override IReadOnlyList<HyperparameterUse> Own { get; } =
        [Use(LearningRate, 2e-3), Use(Beta1), Use(Beta2), Use(Epsilon, 1e-8), Use(WeightDecay), Use(Maximize)];

    public override void Define(RuleBuilder rule)
    {
        rule.Title("Adamax, as <c>torch.optim.Adamax</c>");
        Transforms.Gradient(rule, l2WeightDecay: true);
        ScalarState beta1Power = rule.RunningPower("beta1Power", rule[Beta1]);
        StepValue clr = rule.Value("clr", CurrentLearningRate.Instance / (1.0 - beta1Power), "lr / (1 − β₁ᵗ)");
        BufferValue m = rule.Buffer("m", "m", "first moments (m)");
        BufferValue u = rule.Buffer("u", "u", "exponentially weighted infinity norms (u)", domain: StateDomainKind.NonNegative);
        rule.Assign(m, Transforms.Ema(m, rule[Beta1], rule.G));
        rule.Assign(u, Call.Max(rule.Constant(Beta2) * u, Call.Abs(rule.G) + rule.Constant(Epsilon)));
        rule.Descend(clr * m / u);
    }
}

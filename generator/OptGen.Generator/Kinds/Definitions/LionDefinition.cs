using System.Collections.Generic;
using OptGen.Generator.Rules;
using static OptGen.Generator.Kinds.Hyperparameter;

namespace OptGen.Generator.Kinds.Definitions;

/// <summary>Lion (Chen et al. 2023), as google/automl's lion_pytorch.py: the sign of an interpolated momentum.</summary>
internal sealed class LionDefinition : KindDefinition
{
    public override Kind Kind => Kind.Lion;

    public override string Reference => "google/automl lion_pytorch.py";

    protected override IReadOnlyList<HyperparameterUse> Own { get; } =
        [Use(LearningRate, 1e-4), Use(Beta1, 0.9), Use(Beta2, 0.99), Use(WeightDecay), Use(Maximize)];

    /// <summary>
    /// The reference: <c>θ ← θ·(1 − lr·λ)</c>; <c>u = β₁·m + (1 − β₁)·g</c>; <c>θ ← θ − lr·sign(u)</c>;
    /// <c>m ← β₂·m + (1 − β₂)·g</c>.
    /// </summary>
    public override void Define(RuleBuilder rule)
    {
        rule.Title("Lion, as google/automl's <c>lion_pytorch.py</c>");
        Transforms.Gradient(rule, l2WeightDecay: false);
        Transforms.DecoupledWeightDecay(rule);
        StepValue lr = rule.LearningRateValue();
        BufferValue m = rule.Buffer("m", "m", "momentum (m)");
        ElementLocal update = rule.Local("u", Transforms.Ema(m, rule[Beta1], rule.G));
        rule.Descend(lr * Call.Sign(update));
        rule.Assign(m, Transforms.Ema(m, rule[Beta2], rule.G));
    }
}

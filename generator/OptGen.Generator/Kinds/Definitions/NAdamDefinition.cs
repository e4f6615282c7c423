using System.Collections.Generic;
using OptGen.Generator.Rules;
using static OptGen.Generator.Kinds.Hyperparameter;

namespace OptGen.Generator.Kinds.Definitions;

/// <summary>NAdam, as torch.optim.NAdam: Adam with Nesterov momentum whose factor μₜ warms up with ψ.</summary>
internal sealed class NAdamDefinition : KindDefinition
{
    public override Kind Kind => Kind.NAdam;

    public override string Reference => "torch.optim.NAdam";

    protected override IReadOnlyList<HyperparameterUse> Own { get; } =
        [Use(LearningRate, 2e-3), Use(Beta1), Use(Beta2), Use(Epsilon, 1e-8), Use(WeightDecay), Use(MomentumDecay), Use(DecoupledWeightDecay), Use(Maximize)];

    /// <summary>
    /// torch: <c>μₜ = β₁·(1 − ½·0.96^(t·ψ))</c>, <c>μ̄ₜ = μ̄ₜ₋₁·μₜ</c> (kept as state: it cannot be recomputed cheaply),
    /// then θ takes two steps over the same denominator: <c>lr·(1 − μₜ)/(1 − μ̄ₜ)</c> along g and
    /// <c>lr·μₜ₊₁/(1 − μ̄ₜ·μₜ₊₁)</c> along m.
    /// </summary>
    public override void Define(RuleBuilder rule)
    {
        rule.Title($"NAdam, as <c>torch.optim.NAdam{(rule.IsOn(DecoupledWeightDecay) ? "(decoupled_weight_decay=True)" : "")}</c>");
        Transforms.GradientWithOptionalDecoupledDecay(rule);
        double beta1 = rule[Beta1];
        Constant psi = rule.Constant(MomentumDecay);
        ScalarState beta2Power = rule.RunningPower("beta2Power", rule[Beta2]);
        ScalarState muProduct = rule.State("muProduct", "μ̄", "the product of the momentum factors (μ̄)", 1.0, 0.0, 1.0);
        StepValue mu = rule.Value("mu", beta1 * (1.0 - 0.5 * Call.Pow(new Constant(0.96), StepNumber.Instance * psi)), "μₜ");
        StepValue muNext = rule.Value("muNext", beta1 * (1.0 - 0.5 * Call.Pow(new Constant(0.96), (StepNumber.Instance + 1.0) * psi)), "μₜ₊₁");
        rule.AdvanceProduct(muProduct, mu);
        StepValue gradientStep = rule.Value("gradientStep", CurrentLearningRate.Instance * (1.0 - mu) / (1.0 - muProduct), "lr·(1 − μₜ) / (1 − μ̄ₜ)");
        StepValue momentumStep = rule.Value("momentumStep", CurrentLearningRate.Instance * muNext / (1.0 - muProduct * muNext), "lr·μₜ₊₁ / (1 − μ̄ₜ·μₜ₊₁)");
        StepValue bc2 = rule.Value("bc2", 1.0 - beta2Power, "1 − β₂ᵗ");

        BufferValue m = rule.Buffer("m", "m", "first moments (m)");
        BufferValue v = rule.Buffer("v", "v", "second moments (v)", domain: StateDomainKind.NonNegative);
        rule.Assign(m, Transforms.Ema(m, beta1, rule.G));
        rule.Assign(v, Transforms.EmaOfSquare(v, rule[Beta2], rule.G));
        ElementLocal denominator = rule.Local("denom", Call.Sqrt(v / bc2) + rule.Constant(Epsilon));
        rule.Descend(gradientStep * rule.G / denominator);
        rule.Descend(momentumStep * m / denominator);
    }
}

using System.Collections.Generic;
using OptGen.Generator.Rules;
using static OptGen.Generator.Kinds.Hyperparameter;

namespace OptGen.Generator.Kinds.Definitions;

/// <summary>Rectified Adam, as torch.optim.RAdam (PyTorch's code: the learning rate applied once).</summary>
internal sealed class RAdamDefinition : KindDefinition
{
    public override Kind Kind => Kind.RAdam;

    public override string Reference => "torch.optim.RAdam";

    protected override IReadOnlyList<HyperparameterUse> Own { get; } =
        [Use(LearningRate, 1e-3), Use(Beta1), Use(Beta2), Use(Epsilon, 1e-8), Use(WeightDecay), Use(DecoupledWeightDecay), Use(Maximize)];

    /// <summary>
    /// torch: <c>ρ∞ = 2/(1 − β₂) − 1</c>, <c>ρₜ = ρ∞ − 2t·β₂ᵗ/(1 − β₂ᵗ)</c>. While ρₜ ≤ 5 the variance estimate is not
    /// trusted and the step is momentum SGD, <c>θ ← θ − m̂·lr</c>; after, it is rectified:
    /// <c>θ ← θ − m̂·lr·(√(1 − β₂ᵗ)/(√v + ε))·rₜ</c>, multiplied in torch's order.
    /// </summary>
    public override void Define(RuleBuilder rule)
    {
        rule.Title($"RAdam, as <c>torch.optim.RAdam{(rule.IsOn(DecoupledWeightDecay) ? "(decoupled_weight_decay=True)" : "")}</c>");
        Transforms.GradientWithOptionalDecoupledDecay(rule);
        double beta2 = rule[Beta2];
        double rhoInfinity = 2 / (1 - beta2) - 1;
        ScalarState beta1Power = rule.RunningPower("beta1Power", rule[Beta1]);
        ScalarState beta2Power = rule.RunningPower("beta2Power", beta2);
        StepValue bc1 = rule.Value("bc1", 1.0 - beta1Power, "1 − β₁ᵗ");
        StepValue bc2 = rule.Value("bc2", 1.0 - beta2Power, "1 − β₂ᵗ");
        StepValue rho = rule.Value("rho", rhoInfinity - 2.0 * StepNumber.Instance * beta2Power / bc2, "ρₜ, the length of the approximated SMA");
        StepValue rectified = rule.Value("rectified", new Comparison(ComparisonOperator.Greater, rho, new Constant(5)), "ρₜ > 5: the variance is tractable");
        StepValue rectification = rule.Value(
            "rect",
            Call.Sqrt((rho - 4.0) * (rho - 2.0) * rhoInfinity / ((rhoInfinity - 4) * (rhoInfinity - 2) * rho)),
            "rₜ");
        StepValue sqrtBc2 = rule.Value("sqrtBc2", Call.Sqrt(bc2), "√(1 − β₂ᵗ)");
        StepValue lr = rule.LearningRateValue();

        BufferValue m = rule.Buffer("m", "m", "first moments (m)");
        BufferValue v = rule.Buffer("v", "v", "second moments (v)", domain: StateDomainKind.NonNegative);
        rule.Assign(m, Transforms.Ema(m, rule[Beta1], rule.G));
        rule.Assign(v, Transforms.EmaOfSquare(v, beta2, rule.G));
        ElementLocal mHat = rule.Local("mHat", m / bc1);
        rule.Descend(new Select(
            rectified,
            mHat * lr * (sqrtBc2 / (Call.Sqrt(v) + rule.Constant(Epsilon))) * rectification,
            mHat * lr));
    }
}

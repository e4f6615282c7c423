using System.Collections.Generic;
using OptGen.Generator.Rules;
using static OptGen.Generator.Kinds.Hyperparameter;

namespace OptGen.Generator.Kinds.Definitions;

/// <summary>Adam, as torch.optim.Adam (with <c>decoupled_weight_decay</c>, which makes it AdamW).</summary>
internal sealed class AdamDefinition : KindDefinition
{
    public override Kind Kind => Kind.Adam;

    public override string Reference => "torch.optim.Adam";

    protected override IReadOnlyList<HyperparameterUse> Own { get; } =
        [Use(LearningRate, 1e-3), Use(Beta1), Use(Beta2), Use(Epsilon, 1e-8), Use(WeightDecay), Use(DecoupledWeightDecay), Use(Amsgrad), Use(Maximize)];

    public override void Define(RuleBuilder rule)
    {
        string options = (rule.IsOn(Amsgrad) ? ", amsgrad=True" : "") + (rule.IsOn(DecoupledWeightDecay) ? ", decoupled_weight_decay=True" : "");
        rule.Title($"{(rule.IsOn(Amsgrad) ? "Adam with AMSGrad" : "Adam")}, as <c>torch.optim.Adam({options.TrimStart(',', ' ')})</c>".Replace("Adam()", "Adam"));
        Transforms.GradientWithOptionalDecoupledDecay(rule);
        AdamMoments.Step(rule);
    }
}

/// <summary>AdamW, as torch.optim.AdamW: Adam with decoupled weight decay, λ = 0.01 by default.</summary>
internal sealed class AdamWDefinition : KindDefinition
{
    public override Kind Kind => Kind.AdamW;

    public override string Reference => "torch.optim.AdamW";

    protected override IReadOnlyList<HyperparameterUse> Own { get; } =
        [Use(LearningRate, 1e-3), Use(Beta1), Use(Beta2), Use(Epsilon, 1e-8), Use(WeightDecay, 1e-2), Use(Amsgrad), Use(Maximize)];

    public override void Define(RuleBuilder rule)
    {
        rule.Title($"{(rule.IsOn(Amsgrad) ? "AdamW with AMSGrad" : "AdamW")}, as <c>torch.optim.AdamW{(rule.IsOn(Amsgrad) ? "(amsgrad=True)" : "")}</c>");
        Transforms.Gradient(rule, l2WeightDecay: false);
        Transforms.DecoupledWeightDecay(rule);
        AdamMoments.Step(rule);
    }
}

/// <summary>Adam's moments and step, shared by Adam and AdamW.</summary>
internal static class AdamMoments
{
    /// <summary>
    /// torch's <c>step_size = lr / (1 − β₁ᵗ)</c> and <c>denom = √v / √(1 − β₂ᵗ) + ε</c>, with the division by
    /// √(1 − β₂ᵗ) done as a multiplication by its reciprocal, computed once per step. The powers βᵗ are running
    /// products (OptGen.CompilerServices.RunningPower), so a step costs the same at t = 10⁶ as at t = 1.
    /// </summary>
    public static void Step(RuleBuilder rule)
    {
        ScalarState beta1Power = rule.RunningPower("beta1Power", rule[Beta1]);
        ScalarState beta2Power = rule.RunningPower("beta2Power", rule[Beta2]);
        StepValue stepSize = rule.Value("stepSize", CurrentLearningRate.Instance / (1.0 - beta1Power), "lr / (1 − β₁ᵗ)");
        StepValue invSqrtBc2 = rule.Value("invSqrtBc2", 1.0 / Call.Sqrt(1.0 - beta2Power), "1 / √(1 − β₂ᵗ)");

        BufferValue m = rule.Buffer("m", "m", "first moments (m)");
        BufferValue v = rule.Buffer("v", "v", "second moments (v)", domain: StateDomainKind.NonNegative);
        rule.Assign(m, Transforms.Ema(m, rule[Beta1], rule.G));
        rule.Assign(v, Transforms.EmaOfSquare(v, rule[Beta2], rule.G));
        Expression secondMoment = v;
        if (rule.IsOn(Amsgrad))
        {
            BufferValue vMax = rule.Buffer("vMax", "v̂", "running maxima of v (v̂)", domain: StateDomainKind.NonNegative);
            rule.Assign(vMax, Call.Max(vMax, v));
            secondMoment = vMax;
        }

        rule.Descend(stepSize * m / (Call.Sqrt(secondMoment) * invSqrtBc2 + rule.Constant(Epsilon)));
    }
}

using System;
using System.Collections.Generic;
using OptGen.Generator.Rules;
using static OptGen.Generator.Kinds.Hyperparameter;

namespace OptGen.Generator.Kinds.Definitions;

/// <summary>AdEMAMix (Pagliardini et al. 2024), as apple/ml-ademamix's pytorch/ademamix.py.</summary>
internal sealed class AdEMAMixDefinition : KindDefinition
{
    public override Kind Kind => Kind.AdEMAMix;

    public override string Reference => "apple/ml-ademamix ademamix.py";

    protected override IReadOnlyList<HyperparameterUse> Own { get; } =
        [Use(LearningRate, 1e-3), Use(Beta1, 0.9), Use(Beta2, 0.999), Use(Beta3, 0.9999), Use(Alpha, 2.0, ValueRange.NonNegative),
         Use(Epsilon, 1e-8), Use(WeightDecay), Use(WarmupSteps), Use(Maximize)];

    /// <summary>
    /// The reference: a fast EMA m₁ (β₁; the gradient itself when β₁ = 0) and a slow one m₂ (β₃) of g, Adam's v,
    /// <c>u = (m₁/(1 − β₁ᵗ) + α·m₂) / (√v/√(1 − β₂ᵗ) + ε) + λ·θ</c>, <c>θ ← θ − lr·u</c>. With WarmupSteps = T (the
    /// reference's T_alpha_beta3) α rises linearly and β₃ along the half-life schedule from β₁ over T steps.
    /// </summary>
    public override void Define(RuleBuilder rule)
    {
        double beta1 = rule[Beta1], beta3 = rule[Beta3], alpha = rule[Alpha];
        int warmup = (int)rule[WarmupSteps];
        rule.Title("AdEMAMix, as apple/ml-ademamix's <c>ademamix.py</c>");
        Transforms.Gradient(rule, l2WeightDecay: false);
        ScalarState beta1Power = rule.RunningPower("beta1Power", beta1);
        ScalarState beta2Power = rule.RunningPower("beta2Power", rule[Beta2]);
        StepValue bc1 = rule.Value("bc1", 1.0 - beta1Power, "1 − β₁ᵗ");
        StepValue sqrtBc2 = rule.Value("sqrtBc2", Call.Sqrt(1.0 - beta2Power), "√(1 − β₂ᵗ)");
        Expression alphaNow = new Constant(alpha), beta3Now = new Constant(beta3), oneMinusBeta3 = new Constant(1 - beta3);
        if (warmup > 0)
        {
            // linear_warmup_scheduler and linear_hl_warmup_scheduler, with a = t/T while t < T.
            StepValue warming = rule.Value("warming", new Comparison(ComparisonOperator.Less, StepNumber.Instance, new Constant(warmup)), "t < T");
            StepValue a = rule.Value("a", StepNumber.Instance / (double)warmup, "t / T");
            alphaNow = rule.Value("alphaT", new Select(warming, (1.0 - a) * 0.0 + a * alpha, new Constant(alpha)), "α, warmed up");
            double fBeta1 = HalfLife(beta1), fBeta3 = HalfLife(beta3);
            StepValue beta3Double = rule.Value("beta3D", new Select(warming, Call.Pow(new Constant(0.5), 1.0 / ((1.0 - a) * fBeta1 + a * fBeta3 + 1.0)), new Constant(beta3)), "β₃, warmed up");
            beta3Now = rule.Value("beta3T", beta3Double, "β₃ in the element type");
            oneMinusBeta3 = rule.Value("oneMinusBeta3", 1.0 - beta3Double, "1 − β₃");
        }

        Expression fast = rule.G;
        if (beta1 != 0)
        {
            BufferValue m1 = rule.Buffer("m1", "m₁", "fast first moments (m₁)");
            rule.Assign(m1, Transforms.Ema(m1, beta1, rule.G));
            fast = m1;
        }

        BufferValue m2 = rule.Buffer("m2", "m₂", "slow first moments (m₂)");
        BufferValue v = rule.Buffer("v", "v", "second moments (v)", domain: StateDomainKind.NonNegative);
        rule.Assign(m2, m2 * beta3Now + oneMinusBeta3 * rule.G);
        rule.Assign(v, Transforms.EmaOfSquare(v, rule[Beta2], rule.G));
        Expression update = (fast / bc1 + alphaNow * m2) / (Call.Sqrt(v) / sqrtBc2 + rule.Constant(Epsilon));
        if (rule[WeightDecay] != 0)
        {
            update = update + rule.Constant(WeightDecay) * rule.Theta;
        }

        rule.Descend(rule.LearningRateValue() * update);
    }

    /// <summary>The reference's f(β) = ln ½ / ln(β + 1e-8) − 1: the half-life of an EMA, in steps.</summary>
    private static double HalfLife(double beta) => Math.Log(0.5) / Math.Log(beta + 1e-8) - 1;
}

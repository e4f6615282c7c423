using System.Collections.Generic;
using OptGen.Generator.Rules;
using static OptGen.Generator.Kinds.Hyperparameter;

namespace OptGen.Generator.Kinds.Definitions;

/// <summary>Schedule-Free AdamW (Defazio et al. 2024), as facebookresearch/schedule_free's adamw_schedulefree.py (r = 0).</summary>
internal sealed class ScheduleFreeAdamWDefinition : KindDefinition
{
    public override Kind Kind => Kind.ScheduleFreeAdamW;

    public override string Reference => "facebookresearch/schedule_free adamw_schedulefree.py";

    protected override IReadOnlyList<HyperparameterUse> Own { get; } =
        [Use(LearningRate, 0.0025), Use(Beta1, 0.9), Use(Beta2, 0.999), Use(Epsilon, 1e-8), Use(WeightDecay), Use(WarmupSteps), Use(WeightLrPower), Use(Maximize)];

    /// <summary>
    /// The reference, per step (its k = t − 1): <c>lrₜ = lr·min(1, t/T)</c>, <c>lr_max = max(lrₜ, lr_max)</c>,
    /// <c>w = lr_max^p</c>, <c>Σw += w</c>, <c>c = w/Σw</c>; per element: <c>v ← β₂·v + (1 − β₂)·g²</c>,
    /// <c>ĝ = g/(√(v/(1 − β₂ᵗ)) + ε) + λ·y</c>, <c>y ← lerp(y, z, c)</c>, <c>y ← y + lrₜ·(β₁·(1 − c) − 1)·ĝ</c>,
    /// <c>z ← z − lrₜ·ĝ</c>, z starting at y. θ holds y while training; <c>Eval</c> moves it to
    /// <c>x = lerp(y, z, 1 − 1/β₁)</c> and <c>Train</c> back to <c>y = lerp(x, z, 1 − β₁)</c>. Like the reference it
    /// starts in evaluation mode and refuses to step there.
    /// </summary>
    public override void Define(RuleBuilder rule)
    {
        double beta1 = rule[Beta1];
        int warmup = (int)rule[WarmupSteps];
        rule.Title("Schedule-Free AdamW, as facebookresearch/schedule_free's <c>adamw_schedulefree.py</c>");
        Transforms.Gradient(rule, l2WeightDecay: false);
        ScalarState beta2Power = rule.RunningPower("beta2Power", rule[Beta2]);
        ScalarState lrMax = rule.State("lrMax", "lr_max", "the largest learning rate so far (lr_max)", -1.0, -1.0, double.MaxValue);
        ScalarState weightSum = rule.State("weightSum", "Σw", "the sum of the averaging weights (Σw)", 0.0, 0.0, double.MaxValue);
        Expression scheduled = CurrentLearningRate.Instance;
        if (warmup > 0)
        {
            scheduled = CurrentLearningRate.Instance * new Select(
                new Comparison(ComparisonOperator.Less, StepNumber.Instance - 1.0, new Constant(warmup)),
                StepNumber.Instance / (double)warmup,
                new Constant(1));
        }

        StepValue lrT = rule.Value("lrT", scheduled, "this step's learning rate, warmed up");
        rule.Advance(lrMax, Call.Max(lrT, lrMax));
        StepValue weight = rule.Value("weight", Call.Pow(lrMax, rule.Constant(WeightLrPower)), "lr_max^p");
        rule.Advance(weightSum, weightSum + weight);
        StepValue ckp1 = rule.Value("ckp1", new Select(new Comparison(ComparisonOperator.Equal, weightSum, new Constant(0)), new Constant(0), weight / weightSum), "c = w / Σw");
        StepValue c = rule.Value("c", ckp1, "c, in the element type");
        StepValue lerpFromY = rule.Value("lerpFromY", new Comparison(ComparisonOperator.Less, ckp1, new Constant(0.5)), "|c| < 0.5: torch's lerp form");
        StepValue yStep = rule.Value("yStep", lrT * (1.0 - beta1 * (1.0 - ckp1)), "−lrₜ·(β₁·(1 − c) − 1)");
        StepValue zStep = rule.Value("zStep", lrT, "lrₜ, in the element type");
        StepValue bc2 = rule.Value("bc2", 1.0 - beta2Power, "1 − β₂ᵗ");
        StepValue first = rule.Value("firstStep", new Comparison(ComparisonOperator.Equal, StepNumber.Instance, new Constant(1)), "z starts at y");

        BufferValue z = rule.Buffer("z", "z", "the base sequence (z)");
        BufferValue v = rule.Buffer("v", "v", "second moments (v)", domain: StateDomainKind.NonNegative);
        rule.Assign(z, new Select(first, rule.Theta, z));
        rule.Assign(v, Transforms.EmaOfSquare(v, rule[Beta2], rule.G));
        Expression normalized = rule.G / (Call.Sqrt(v / bc2) + rule.Constant(Epsilon));
        if (rule[WeightDecay] != 0)
        {
            normalized = normalized + rule.Constant(WeightDecay) * rule.Theta;
        }

        ElementLocal gHat = rule.Local("gHat", normalized);
        rule.SetParameter(new Select(lerpFromY, rule.Theta + c * (z - rule.Theta), z - (z - rule.Theta) * (1.0 - c)));
        rule.Descend(yStep * gHat);
        rule.Assign(z, z - zStep * gHat);
        rule.TrainEval(
            train: Transforms.Lerp(rule.Theta, z, 1 - beta1),
            eval: Transforms.Lerp(rule.Theta, z, 1 - 1 / beta1),
            startsInTraining: false);
        rule.Note("Call Train(parameters) before stepping and Eval(parameters) before evaluating or saving, as the reference's optimizer.train() and optimizer.eval(); Step throws in evaluation mode.");
    }
}

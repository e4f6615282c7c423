using System.Collections.Generic;
using OptGen.Generator.Rules;
using static OptGen.Generator.Kinds.Hyperparameter;

namespace OptGen.Generator.Kinds.Definitions;

/// <summary>ADOPT (Taniguchi et al. 2024), as iShohei220/adopt's adopt.py with its default clip (step^0.25).</summary>
internal sealed class AdoptDefinition : KindDefinition
{
    public override Kind Kind => Kind.Adopt;

    public override string Reference => "iShohei220/adopt adopt.py";

    protected override IReadOnlyList<HyperparameterUse> Own { get; } =
        [Use(LearningRate, 1e-3), Use(Beta1, 0.9), Use(Beta2, 0.9999), Use(Epsilon, 1e-6), Use(WeightDecay), Use(DecoupledWeightDecay), Use(Maximize)];

    /// <summary>
    /// The reference: the first step only sets v ← g² (the parameters do not move); later, with s the steps before
    /// this one, the gradient is normalised by the previous v, clipped to ±s^¼, averaged into m, and θ moves by
    /// lr·m; v is updated last. The first step's special case is a per-step flag, so no element branches on it.
    /// </summary>
    public override void Define(RuleBuilder rule)
    {
        bool decoupled = rule.IsOn(DecoupledWeightDecay);
        rule.Title($"ADOPT, as iShohei220/adopt's <c>adopt.py</c>{(decoupled ? " (decouple=True)" : "")}");
        Transforms.Gradient(rule, l2WeightDecay: !decoupled);
        StepValue first = rule.Value("firstStep", new Comparison(ComparisonOperator.Equal, StepNumber.Instance, new Constant(1)), "the first step only initialises v");
        StepValue lr = rule.Value("stepLr", new Select(first, new Constant(0), CurrentLearningRate.Instance), "lr, but 0 at the first step");
        StepValue clip = rule.Value("clip", Call.Pow(StepNumber.Instance - 1.0, new Constant(0.25)), "the steps before this one, to the ¼");
        if (decoupled && rule[WeightDecay] != 0)
        {
            StepValue decay = rule.Value("decay", new Select(first, new Constant(0), CurrentLearningRate.Instance * rule.Constant(WeightDecay)), "lr·λ, but 0 at the first step");
            rule.Descend(decay * rule.Theta);
        }

        BufferValue m = rule.Buffer("m", "m", "first moments (m)");
        BufferValue v = rule.Buffer("v", "v", "second moments (v)", domain: StateDomainKind.NonNegative);
        ElementLocal normalized = rule.Local("n", rule.G / Call.Max(Call.Sqrt(v), rule.Constant(Epsilon)));
        ElementLocal clipped = rule.Local("nClipped", Call.Min(Call.Max(normalized, -clip), clip));
        rule.Assign(m, new Select(first, m, Transforms.Lerp(m, clipped, 1 - rule[Beta1])));
        rule.Descend(lr * m);
        rule.Assign(v, new Select(first, v + rule.G * rule.G, Transforms.EmaOfSquare(v, rule[Beta2], rule.G)));
    }
}

using System.Collections.Generic;
using OptGen.Generator.Rules;
using static OptGen.Generator.Kinds.Hyperparameter;

namespace OptGen.Generator.Kinds.Definitions;

/// <summary>RMSProp, as torch.optim.RMSprop (the square root taken before ε is added).</summary>
internal sealed class RmsPropDefinition : KindDefinition
{
    public override Kind Kind => Kind.RMSProp;

    public override string Reference => "torch.optim.RMSprop";

    protected override IReadOnlyList<HyperparameterUse> Own { get; } =
        [Use(LearningRate, 1e-2), Use(Alpha), Use(Epsilon, 1e-8), Use(WeightDecay), Use(Momentum, 0.0), Use(Centered), Use(Maximize)];

    public override void Define(RuleBuilder rule)
    {
        double alpha = rule[Alpha];
        rule.Title(rule.IsOn(Centered) ? "Centered RMSProp, as <c>torch.optim.RMSprop(centered=True)</c>" : "RMSProp, as <c>torch.optim.RMSprop</c>");
        Transforms.Gradient(rule, l2WeightDecay: true);
        StepValue lr = rule.LearningRateValue();
        BufferValue v = rule.Buffer("v", "v", "running averages of g² (v)", domain: StateDomainKind.NonNegative);
        rule.Assign(v, Transforms.EmaOfSquare(v, alpha, rule.G));

        Expression variance = v;
        if (rule.IsOn(Centered))
        {
            BufferValue gAvg = rule.Buffer("gAvg", "ḡ", "running averages of g (ḡ)");
            rule.Assign(gAvg, Transforms.Ema(gAvg, alpha, rule.G));
            variance = v - gAvg * gAvg;
        }

        Expression denominator = Call.Sqrt(variance) + rule.Constant(Epsilon);
        if (rule[Momentum] != 0)
        {
            BufferValue b = rule.Buffer("b", "b", "momentum buffers (b)");
            rule.Assign(b, rule.Constant(Momentum) * b + rule.G / denominator);
            rule.Descend(lr * b);
        }
        else
        {
            rule.Descend(lr * rule.G / denominator);
        }
    }
}

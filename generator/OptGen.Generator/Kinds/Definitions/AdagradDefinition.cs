using System.Collections.Generic;
using OptGen.Generator.Rules;
using static OptGen.Generator.Kinds.Hyperparameter;

namespace OptGen.Generator.Kinds.Definitions;

/// <summary>Adagrad, as torch.optim.Adagrad.</summary>
internal sealed class AdagradDefinition : KindDefinition
{
    public override Kind Kind => Kind.Adagrad;

    public override string Reference => "torch.optim.Adagrad";

    protected override IReadOnlyList<HyperparameterUse> Own { get; } =
        [Use(LearningRate, 1e-2), Use(LrDecay), Use(WeightDecay), Use(InitialAccumulatorValue), Use(Epsilon, 1e-10), Use(Maximize)];

    public override void Define(RuleBuilder rule)
    {
        rule.Title("Adagrad, as <c>torch.optim.Adagrad</c>");
        Transforms.Gradient(rule, l2WeightDecay: true);
        StepValue rate = rule[LrDecay] == 0
            ? rule.LearningRateValue()
            : rule.Value("clr", CurrentLearningRate.Instance / (1.0 + (StepNumber.Instance - 1.0) * rule.Constant(LrDecay)), "the decayed learning rate");
        BufferValue s = rule.Buffer("s", "s", "sums of squared gradients (s)", rule[InitialAccumulatorValue], StateDomainKind.NonNegative);
        rule.Assign(s, s + rule.G * rule.G);
        rule.Descend(rate * rule.G / (Call.Sqrt(s) + rule.Constant(Epsilon)));
    }
}

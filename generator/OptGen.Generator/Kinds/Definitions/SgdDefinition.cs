using System.Collections.Generic;
using OptGen.Generator.Rules;
using static OptGen.Generator.Kinds.Hyperparameter;

namespace OptGen.Generator.Kinds.Definitions;

/// <summary>Plain gradient descent, as torch.optim.SGD without momentum.</summary>
internal sealed class SgdDefinition : KindDefinition
{
    public override Kind Kind => Kind.Sgd;

    public override string Reference => "torch.optim.SGD";

    protected override IReadOnlyList<HyperparameterUse> Own { get; } =
        [Use(LearningRate, 1e-3), Use(WeightDecay), Use(Maximize)];

    public override void Define(RuleBuilder rule)
    {
        rule.Title("Stochastic gradient descent, as <c>torch.optim.SGD</c>");
        Transforms.Gradient(rule, l2WeightDecay: true);
        rule.Descend(rule.LearningRateValue() * rule.G);
    }
}

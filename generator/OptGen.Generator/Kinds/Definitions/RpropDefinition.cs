using System.Collections.Generic;
using OptGen.Generator.Diagnostics;
using OptGen.Generator.Model;
using OptGen.Generator.Rules;
using static OptGen.Generator.Kinds.Hyperparameter;

namespace OptGen.Generator.Kinds.Definitions;

/// <summary>Resilient backpropagation, as torch.optim.Rprop.</summary>
internal sealed class RpropDefinition : KindDefinition
{
    public override Kind Kind => Kind.Rprop;

    public override string Reference => "torch.optim.Rprop";

    protected override IReadOnlyList<HyperparameterUse> Own { get; } =
        [Use(LearningRate, 1e-2), Use(EtaMinus), Use(EtaPlus), Use(MinStepSize), Use(MaxStepSize), Use(Maximize)];

    public override void Validate(HyperparameterValues values, IArgumentReporter reporter)
    {
        if (values[MinStepSize] > values[MaxStepSize])
        {
            reporter.Report(DiagnosticDescriptors.RpropStepSizes, MinStepSize.Name, values[MinStepSize], values[MaxStepSize]);
        }
    }

    /// <summary>
    /// torch, per element: the step size η grows by η₊ while g keeps its sign, shrinks by η₋ when it flips (and that
    /// step is skipped: g counts as 0), stays when either is 0; it is clamped to [Γ₋, Γ₊] and starts at lr; θ moves
    /// by η against sign(g). The learning rate is read only at the first step, as torch does.
    /// </summary>
    public override void Define(RuleBuilder rule)
    {
        rule.Title("Rprop, as <c>torch.optim.Rprop</c>");
        Transforms.Gradient(rule, l2WeightDecay: false);
        StepValue first = rule.Value("firstStep", new Comparison(ComparisonOperator.Equal, StepNumber.Instance, new Constant(1)), "the step sizes start at lr");
        StepValue lr = rule.LearningRateValue();
        BufferValue previous = rule.Buffer("prev", "g₋", "gradients of the previous step, 0 after a sign change (g₋)");
        BufferValue eta = rule.Buffer("eta", "η", "per-parameter step sizes (η)", domain: StateDomainKind.NonNegative);
        // torch takes sign(g·g₋) and compares it with 0; the product compared directly is the same test (and NaN
        // fails every comparison either way), with no sign function to evaluate.
        ElementLocal agreement = rule.Local("agreement", rule.G * previous);
        Expression zero = new Constant(0);
        Expression factor = new Select(
            new Comparison(ComparisonOperator.Greater, agreement, zero),
            rule.Constant(EtaPlus),
            new Select(new Comparison(ComparisonOperator.Less, agreement, zero), rule.Constant(EtaMinus), new Constant(1)));
        rule.Assign(eta, Call.Min(Call.Max(new Select(first, lr, eta) * factor, rule.Constant(MinStepSize)), rule.Constant(MaxStepSize)));
        ElementLocal step = rule.Local("gStep", new Select(new Comparison(ComparisonOperator.Less, agreement, zero), zero, rule.G));
        // sign(gStep)·η as a select: +η, −η, or gStep·η, which is ±0 or NaN exactly where sign(gStep)·η is.
        rule.Descend(new Select(
            new Comparison(ComparisonOperator.Greater, step, zero),
            eta,
            new Select(new Comparison(ComparisonOperator.Less, step, zero), -eta, step * eta)));
        rule.Assign(previous, step);
        rule.Note("LearningRate is the initial step size: as in torch, changing it after the first step has no effect.");
    }
}

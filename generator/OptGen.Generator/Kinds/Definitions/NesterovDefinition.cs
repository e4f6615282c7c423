using System.Collections.Generic;
using OptGen.Generator.Diagnostics;
using OptGen.Generator.Model;
using OptGen.Generator.Rules;
using static OptGen.Generator.Kinds.Hyperparameter;

namespace OptGen.Generator.Kinds.Definitions;

/// <summary>Nesterov accelerated gradient, as torch.optim.SGD(momentum=μ, nesterov=True).</summary>
internal sealed class NesterovDefinition : KindDefinition
{
    public override Kind Kind => Kind.Nesterov;

    public override string Reference => "torch.optim.SGD(momentum, nesterov=True)";

    protected override IReadOnlyList<HyperparameterUse> Own { get; } =
        [Use(LearningRate, 1e-3), Use(Momentum, 0.9, ValueRange.OpenFraction), Use(Dampening), Use(WeightDecay), Use(Maximize)];

    public override void Validate(HyperparameterValues values, IArgumentReporter reporter)
    {
        if (values[Dampening] != 0)
        {
            reporter.Report(DiagnosticDescriptors.NesterovWithDampening, Dampening.Name, values[Dampening]);
        }
    }

    public override void Define(RuleBuilder rule)
    {
        rule.Title($"Nesterov accelerated gradient, as <c>torch.optim.SGD(momentum={Transforms.Show(rule[Momentum])}, nesterov=True)</c>");
        Transforms.Gradient(rule, l2WeightDecay: true);
        BufferValue b = MomentumBuffer.Update(rule);
        rule.Descend(rule.LearningRateValue() * (rule.G + rule.Constant(Momentum) * b));
        rule.Note("θ is the sigmoid-neuron tutorial's look-ahead point w − γ·v; its w is θ + lr·μ·b.");
    }
}

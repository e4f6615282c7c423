using System.Collections.Generic;
using OptGen.Generator.Rules;
using static OptGen.Generator.Kinds.Hyperparameter;

namespace OptGen.Generator.Kinds.Definitions;

/// <summary>Heavy-ball momentum, as torch.optim.SGD(momentum=μ, dampening=τ).</summary>
internal sealed class MomentumDefinition : KindDefinition
{
    public override Kind Kind => Kind.Momentum;

    public override string Reference => "torch.optim.SGD(momentum)";

    protected override IReadOnlyList<HyperparameterUse> Own { get; } =
        [Use(LearningRate, 1e-3), Use(Momentum, 0.9), Use(Dampening), Use(WeightDecay), Use(Maximize)];

    public override void Define(RuleBuilder rule)
    {
        double dampening = rule[Dampening];
        rule.Title($"Gradient descent with momentum, as <c>torch.optim.SGD(momentum={Transforms.Show(rule[Momentum])}, dampening={Transforms.Show(dampening)})</c>");
        Transforms.Gradient(rule, l2WeightDecay: true);
        BufferValue b = MomentumBuffer.Update(rule);
        rule.Descend(rule.LearningRateValue() * b);
        if (dampening == 0)
        {
            rule.Note("For a constant learning rate this traces the same path as the sigmoid-neuron tutorial's v ← γ·v + η·∇; w ← w − v (γ = μ, η = lr).");
        }
    }
}

/// <summary>torch.optim.SGD's momentum buffer, shared by Momentum and Nesterov.</summary>
internal static class MomentumBuffer
{
    /// <summary>
    /// <c>b ← μ·b + (1 − τ)·g</c>, except that the buffer starts as g at the first step (with b = 0, μ·b + g gives
    /// exactly that when τ = 0; with dampening the first step's weight is 1).
    /// </summary>
    public static BufferValue Update(RuleBuilder rule)
    {
        BufferValue b = rule.Buffer("b", "b", "momentum buffers (b)");
        Expression gradientTerm = rule.G;
        double dampening = rule[Dampening];
        if (dampening != 0)
        {
            StepValue weight = rule.Value(
                "gradientWeight",
                new Select(new Comparison(ComparisonOperator.Equal, StepNumber.Instance, new Constant(1)), new Constant(1), new Constant(1 - dampening)),
                "1 − τ, but 1 at the first step: the buffer starts as the gradient");
            gradientTerm = weight * rule.G;
        }

        rule.Assign(b, rule.Constant(Momentum) * b + gradientTerm);
        return b;
    }
}

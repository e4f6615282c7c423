using OptGen.Generator.Emit;
using OptGen.Generator.Model;

namespace OptGen.Generator.Rules;

/// <summary>
/// The update rule of each kind, as torch.optim computes it (see formulas.md), with the hyperparameters of
/// one <see cref="OptimizerSpec"/> folded in. An option that is off leaves nothing behind.
/// </summary>
internal static class UpdateRules
{
    private static readonly Expression G = Gradient.Instance;

    public static UpdateRule For(OptimizerSpec spec)
    {
        var rule = new UpdateRule();
        Hyperparameters h = spec.Hyperparameters;
        DefineGradient(rule, h);
        switch (spec.Kind)
        {
            case Kind.Sgd:
                Sgd(rule);
                break;
            case Kind.Momentum:
                Momentum(rule, h, spec.Element, nesterov: false);
                break;
            case Kind.Nesterov:
                Momentum(rule, h, spec.Element, nesterov: true);
                break;
            case Kind.Adagrad:
                Adagrad(rule, h);
                break;
            case Kind.RMSProp:
                RmsProp(rule, h);
                break;
            case Kind.Adam:
                Adam(rule, h);
                break;
        }

        return rule;
    }

    /// <summary>torch negates the gradient for maximize, then adds the L2 term λ·θ.</summary>
    private static void DefineGradient(UpdateRule rule, Hyperparameters h)
    {
        Expression g = RawGradient.Instance;
        if (h.Maximize)
        {
            g = -g;
            rule.Documentation.Add("g ← −∇f(θ)   (maximize)");
        }

        if (h.WeightDecay != 0)
        {
            g = g + new Constant(h.WeightDecay) * Parameter.Instance;
            rule.Documentation.Add($"g ← g + {Literal.Math(h.WeightDecay)}·θ   (weight decay)");
            rule.CompiledIn.Add($"weight decay λ = {Literal.Math(h.WeightDecay)}");
        }

        rule.GradientDefinition = g;
    }

    private static void Sgd(UpdateRule rule)
    {
        rule.StepScalars.Add(LearningRate());
        rule.Statements.Add(new DescendParameter(new StepScalar("lr") * G));
        rule.Documentation.Add("θ ← θ − lr·g");
    }

    /// <summary>
    /// torch.optim.SGD with momentum: the buffer starts as g at the first step (b = μ·0 + g gives exactly
    /// that), and dampening applies from the second step on. The scale picks between two constants, so they are
    /// written in the element type (<c>t == 1 ? 1f : 0.9f</c>, the same floats a conversion of the doubles gives).
    /// </summary>
    private static void Momentum(UpdateRule rule, Hyperparameters h, ElementType element, bool nesterov)
    {
        string mu = Literal.Math(h.Momentum);
        rule.Buffers.Add(new BufferSpec("b", "momentum buffers (b)", 0));
        rule.StepScalars.Add(LearningRate());
        rule.CompiledIn.Add($"μ = {mu}");

        Expression gradientTerm = G;
        if (h.Dampening != 0)
        {
            double scale = 1 - h.Dampening;
            rule.UsesStepCount = true;
            rule.StepScalars.Add(new StepScalarDefinition(
                "gradientScale",
                $"t == 1 ? {Literal.Element(1, element)} : {Literal.Element(scale, element)}",
                "1 − τ, but 1 at the first step: the buffer starts as the gradient",
                InElementType: true));
            gradientTerm = new StepScalar("gradientScale") * G;
            rule.Documentation.Add($"b ← {mu}·b + {Literal.Math(scale)}·g   (b ← g at the first step)");
            rule.CompiledIn.Add($"τ = {Literal.Math(h.Dampening)}");
        }
        else
        {
            rule.Documentation.Add($"b ← {mu}·b + g   (b starts at 0, so b = g after the first step)");
        }

        rule.Statements.Add(new AssignBuffer("b", new Constant(h.Momentum) * new BufferValue("b") + gradientTerm));
        if (nesterov)
        {
            rule.Statements.Add(new DescendParameter(new StepScalar("lr") * (G + new Constant(h.Momentum) * new BufferValue("b"))));
            rule.Documentation.Add($"θ ← θ − lr·(g + {mu}·b)");
            rule.Note = "θ is the tutorial's look-ahead point w − γ·v; its w is θ + lr·μ·b.";
        }
        else
        {
            rule.Statements.Add(new DescendParameter(new StepScalar("lr") * new BufferValue("b")));
            rule.Documentation.Add("θ ← θ − lr·b");
            rule.Note = "For a constant learning rate this is the tutorial's v ← γ·v + η·∇; w ← w − v.";
        }
    }

    private static void Adagrad(UpdateRule rule, Hyperparameters h)
    {
        string eps = Literal.Math(h.Epsilon);
        rule.Buffers.Add(new BufferSpec("s", "sums of squared gradients (s)", h.InitialAccumulatorValue));
        string rate = "lr";
        if (h.LrDecay != 0)
        {
            rule.UsesStepCount = true;
            rate = "clr";
            rule.StepScalars.Add(new StepScalarDefinition(
                "clr",
                $"LearningRate / (1 + (t - 1) * {Literal.Double(h.LrDecay)})",
                "the decayed learning rate"));
            rule.Documentation.Add($"clr ← lr / (1 + (t − 1)·{Literal.Math(h.LrDecay)})");
            rule.CompiledIn.Add($"lr_decay = {Literal.Math(h.LrDecay)}");
        }
        else
        {
            rule.StepScalars.Add(LearningRate());
        }

        rule.Statements.Add(new AssignBuffer("s", new BufferValue("s") + G * G));
        rule.Statements.Add(new DescendParameter(
            new StepScalar(rate) * G / (new SquareRoot(new BufferValue("s")) + new Constant(h.Epsilon))));
        rule.Documentation.Add("s ← s + g²");
        rule.Documentation.Add($"θ ← θ − {rate}·g / (√s + {eps})");
        rule.CompiledIn.Add($"ε = {eps}");
        if (h.InitialAccumulatorValue != 0)
        {
            rule.CompiledIn.Add($"s starts at {Literal.Math(h.InitialAccumulatorValue)}");
        }
    }

    private static void RmsProp(UpdateRule rule, Hyperparameters h)
    {
        string alpha = Literal.Math(h.Alpha);
        string oneMinusAlpha = Literal.Math(1 - h.Alpha);
        string eps = Literal.Math(h.Epsilon);
        rule.Buffers.Add(new BufferSpec("v", "running averages of g² (v)", 0));
        rule.StepScalars.Add(LearningRate());
        rule.CompiledIn.Add($"α = {alpha}");
        rule.CompiledIn.Add($"ε = {eps}");

        rule.Statements.Add(new AssignBuffer("v", new Constant(h.Alpha) * new BufferValue("v") + new Constant(1 - h.Alpha) * G * G));
        rule.Documentation.Add($"v ← {alpha}·v + {oneMinusAlpha}·g²");

        Expression variance = new BufferValue("v");
        string varianceText = "v";
        if (h.Centered)
        {
            rule.Buffers.Add(new BufferSpec("gAvg", "running averages of g (ḡ)", 0));
            rule.Statements.Add(new AssignBuffer("gAvg", new Constant(h.Alpha) * new BufferValue("gAvg") + new Constant(1 - h.Alpha) * G));
            variance = variance - new BufferValue("gAvg") * new BufferValue("gAvg");
            varianceText = "(v − ḡ²)";
            rule.Documentation.Add($"ḡ ← {alpha}·ḡ + {oneMinusAlpha}·g   (centered)");
        }

        Expression denominator = new SquareRoot(variance) + new Constant(h.Epsilon);
        string denominatorText = $"(√{varianceText} + {eps})";
        if (h.Momentum != 0)
        {
            string mu = Literal.Math(h.Momentum);
            rule.Buffers.Add(new BufferSpec("b", "momentum buffers (b)", 0));
            rule.Statements.Add(new AssignBuffer("b", new Constant(h.Momentum) * new BufferValue("b") + G / denominator));
            rule.Statements.Add(new DescendParameter(new StepScalar("lr") * new BufferValue("b")));
            rule.Documentation.Add($"b ← {mu}·b + g / {denominatorText}");
            rule.Documentation.Add("θ ← θ − lr·b");
            rule.CompiledIn.Add($"μ = {mu}");
        }
        else
        {
            rule.Statements.Add(new DescendParameter(new StepScalar("lr") * G / denominator));
            rule.Documentation.Add($"θ ← θ − lr·g / {denominatorText}");
        }
    }

    /// <summary>
    /// torch.optim.Adam: <c>step_size = lr / (1 − β₁ᵗ)</c>, <c>denom = √v / √(1 − β₂ᵗ) + ε</c>. The powers βᵗ are
    /// kept as running products (see OptGen.RunningPower), so a step costs the same at t = 10⁶ as at t = 1.
    /// </summary>
    private static void Adam(UpdateRule rule, Hyperparameters h)
    {
        string beta1 = Literal.Math(h.Beta1);
        string beta2 = Literal.Math(h.Beta2);
        string eps = Literal.Math(h.Epsilon);
        rule.Buffers.Add(new BufferSpec("m", "first moments (m)", 0));
        rule.Buffers.Add(new BufferSpec("v", "second moments (v)", 0));
        rule.RunningPowers.Add(new RunningPower("beta1Power", h.Beta1, "β₁ᵗ"));
        rule.RunningPowers.Add(new RunningPower("beta2Power", h.Beta2, "β₂ᵗ"));
        rule.StepScalars.Add(new StepScalarDefinition("stepSize", "LearningRate / (1 - _beta1Power)", "lr / (1 − β₁ᵗ)"));
        rule.StepScalars.Add(new StepScalarDefinition("invSqrtBc2", "1 / global::System.Math.Sqrt(1 - _beta2Power)", "1 / √(1 − β₂ᵗ)"));
        rule.CompiledIn.Add($"β₁ = {beta1}");
        rule.CompiledIn.Add($"β₂ = {beta2}");
        rule.CompiledIn.Add($"ε = {eps}");

        rule.Statements.Add(new AssignBuffer("m", new Constant(h.Beta1) * new BufferValue("m") + new Constant(1 - h.Beta1) * G));
        rule.Statements.Add(new AssignBuffer("v", new Constant(h.Beta2) * new BufferValue("v") + new Constant(1 - h.Beta2) * G * G));
        rule.Documentation.Add($"m ← {beta1}·m + {Literal.Math(1 - h.Beta1)}·g");
        rule.Documentation.Add($"v ← {beta2}·v + {Literal.Math(1 - h.Beta2)}·g²");

        Expression secondMoment = new BufferValue("v");
        string secondMomentText = "v";
        if (h.Amsgrad)
        {
            rule.Buffers.Add(new BufferSpec("vMax", "running maxima of v (v̂)", 0));
            rule.Statements.Add(new AssignBuffer("vMax", new Maximum(new BufferValue("vMax"), new BufferValue("v"))));
            secondMoment = new BufferValue("vMax");
            secondMomentText = "v̂";
            rule.Documentation.Add("v̂ ← max(v̂, v)   (AMSGrad)");
        }

        rule.Statements.Add(new DescendParameter(
            new StepScalar("stepSize") * new BufferValue("m")
            / (new SquareRoot(secondMoment) * new StepScalar("invSqrtBc2") + new Constant(h.Epsilon))));
        rule.Documentation.Add($"θ ← θ − lr / (1 − {beta1}ᵗ) · m / (√{secondMomentText} / √(1 − {beta2}ᵗ) + {eps})");
    }

    private static StepScalarDefinition LearningRate() => new("lr", "LearningRate", null);
}

using OptGen.Generator.Emit;
using OptGen.Generator.Rules;
using static OptGen.Generator.Kinds.Hyperparameter;

namespace OptGen.Generator.Kinds;

/// <summary>
/// The pieces kinds share, in the spirit of Optax's transforms: a kind's rule is a short list of these plus its
/// own statements. Each leaves nothing behind when its option is off.
/// </summary>
internal static class Transforms
{
    /// <summary>
    /// torch's gradient: negated for maximize, then (for the L2 form) plus λ·θ. Returns g's definition and sets it.
    /// </summary>
    public static void Gradient(RuleBuilder rule, bool l2WeightDecay)
    {
        Expression g = Clipped(rule);
        if (rule.IsOn(Maximize))
        {
            g = -g;
        }

        if (l2WeightDecay && rule[WeightDecay] != 0)
        {
            g = g + rule.Constant(WeightDecay) * Parameter.Instance;
        }

        rule.DefineGradient(g);
    }

    /// <summary>
    /// The raw gradient clipped as torch's <c>clip_grad_norm_</c> (scaled by this step's coefficient) or
    /// <c>clip_grad_value_</c> (clamped to [−c, c]) would leave it before <c>step()</c>; the raw gradient when neither is on.
    /// </summary>
    private static Expression Clipped(RuleBuilder rule)
    {
        Expression raw = RawGradient.Instance;
        if (rule[Hyperparameter.ClipGradNorm] != 0)
        {
            return raw * ClipScale.Instance;
        }

        double limit = rule[Hyperparameter.ClipGradValue];
        return limit != 0 ? Call.Min(Call.Max(raw, new Constant(-limit)), new Constant(limit)) : raw;
    }

    /// <summary>
    /// Decoupled weight decay, as torch's AdamW: <c>θ ← θ·(1 − lr·λ)</c> before the update (nothing when λ = 0).
    /// </summary>
    public static void DecoupledWeightDecay(RuleBuilder rule)
    {
        if (rule[WeightDecay] != 0)
        {
            StepValue factor = rule.Value("decay", 1.0 - CurrentLearningRate.Instance * rule.Constant(WeightDecay), "1 − lr·λ: decoupled weight decay");
            rule.ScaleParameter(factor);
        }
    }

    /// <summary>The gradient and weight decay of a kind that takes <c>DecoupledWeightDecay</c> (Adam, NAdam, RAdam).</summary>
    public static void GradientWithOptionalDecoupledDecay(RuleBuilder rule)
    {
        bool decoupled = rule.IsOn(Hyperparameter.DecoupledWeightDecay);
        Gradient(rule, l2WeightDecay: !decoupled);
        if (decoupled)
        {
            DecoupledWeightDecay(rule);
        }
    }

    /// <summary>An exponential moving average <c>x ← β·x + (1 − β)·value</c>, with 1 − β folded in.</summary>
    public static Expression Ema(Expression average, double beta, Expression value) => new Constant(beta) * average + new Constant(1 - beta) * value;

    /// <summary>
    /// An exponential moving average of squares, <c>x ← β·x + (1 − β)·value·value</c>, multiplied in torch's order
    /// (<c>addcmul(value, value, 1 − β)</c> computes <c>((1 − β)·value)·value</c>).
    /// </summary>
    public static Expression EmaOfSquare(Expression average, double beta, Expression value) =>
        new Constant(beta) * average + new Constant(1 - beta) * value * value;

    /// <summary>
    /// torch's <c>lerp(a, b, w)</c> for a weight known at compile time, in the form torch's kernel picks:
    /// <c>a + w·(b − a)</c> for |w| &lt; 0.5, else <c>b − (b − a)·(1 − w)</c>.
    /// </summary>
    public static Expression Lerp(Expression a, Expression b, double weight) =>
        System.Math.Abs(weight) < 0.5 ? a + new Constant(weight) * (b - a) : b - (b - a) * new Constant(1 - weight);

    /// <summary>The "λ = 0.01, β₁ = 0.9" style note of a constant for the documentation.</summary>
    public static string Show(double value) => Literal.Math(value);
}

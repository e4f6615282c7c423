using System.Numerics;
using static TorchSharp.torch;

namespace OptGen.Tests.Reference;

/// <summary>
/// The authors' PyTorch code of the optimizers beyond torch.optim — google/automl lion_pytorch.py, iShohei220/adopt
/// adopt.py, apple/ml-ademamix ademamix.py, facebookresearch/schedule_free adamw_schedulefree.py (single-tensor path,
/// r = 0) — replayed op for op with TorchSharp tensor operations, so libtorch does the rounding. Maximize, which
/// only ADOPT's code has, is torch's convention for the others: the gradient is negated first.
/// </summary>
internal static class AuthorsReplay
{
    public static bool Replaces(TorchOptimizerOptions options) => options.Kind is Kind.Lion or Kind.Adopt or Kind.AdEMAMix or Kind.ScheduleFreeAdamW;

    public static T[][] Trajectory<T>(TorchOptimizerOptions options, T[] initial, IReadOnlyList<T[]> gradients, Func<int, double>? learningRateAtStep)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        using Tensor param = TorchReference.ToTensor(initial);
        var state = new State(param);
        if (options.Kind == Kind.ScheduleFreeAdamW)
        {
            ScheduleFreeTrain(options, param, state); // as a training loop calls optimizer.train() first
        }

        var trajectory = new T[gradients.Count][];
        for (int t = 0; t < gradients.Count; t++)
        {
            double lr = learningRateAtStep?.Invoke(t) ?? options.LearningRate;
            using var scope = NewDisposeScope();
            using var parameter = new TorchSharp.Modules.Parameter(param.alias(), requires_grad: false);
            parameter.grad = TorchReference.ToTensor(gradients[t]);
            TorchReference.Clip(parameter, options);
            Tensor grad = options.Maximize ? -parameter.grad! : parameter.grad!;
            switch (options.Kind)
            {
                case Kind.Lion:
                    Lion(options, param, grad, state, lr);
                    break;
                case Kind.Adopt:
                    Adopt(options, param, grad, state, lr);
                    break;
                case Kind.AdEMAMix:
                    AdEMAMix(options, param, grad, state, lr);
                    break;
                default:
                    ScheduleFreeStep(options, param, grad, state, lr);
                    break;
            }

            trajectory[t] = param.data<T>().ToArray();
        }

        state.Dispose();
        return trajectory;
    }

    /// <summary>The x of Schedule-Free after <paramref name="y"/>: what the reference's optimizer.eval() makes of the parameters.</summary>
    public static T[] ScheduleFreeEval<T>(TorchOptimizerOptions options, T[] initial, IReadOnlyList<T[]> gradients)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        using Tensor param = TorchReference.ToTensor(initial);
        var state = new State(param);
        ScheduleFreeTrain(options, param, state);
        foreach (T[] g in gradients)
        {
            using var scope = NewDisposeScope();
            Tensor grad = TorchReference.ToTensor(g);
            ScheduleFreeStep(options, param, options.Maximize ? -grad : grad, state, options.LearningRate);
        }

        // eval(): p.lerp_(end=z, weight=1-1/beta1)
        param.lerp_(state.Z!, 1 - 1 / options.Beta1);
        T[] x = param.data<T>().ToArray();
        state.Dispose();
        return x;
    }

    /// <summary>lion_pytorch.py.</summary>
    private static void Lion(TorchOptimizerOptions o, Tensor p, Tensor grad, State s, double lr)
    {
        p.mul_(1 - lr * o.WeightDecay);
        Tensor update = s.ExpAvg * o.Beta1 + grad * (1 - o.Beta1);
        p.add_(update.sign(), alpha: -lr);
        s.ExpAvg.mul_(o.Beta2).add_(grad, alpha: 1 - o.Beta2);
    }

    /// <summary>adopt.py, <c>_single_tensor_adopt</c>, with the default clip_lambda = step ** 0.25.</summary>
    private static void Adopt(TorchOptimizerOptions o, Tensor p, Tensor grad, State s, double lr)
    {
        if (o.WeightDecay != 0 && !o.DecoupledWeightDecay)
        {
            grad = grad.add(p, alpha: o.WeightDecay);
        }

        if (s.Step == 0)
        {
            s.ExpAvgSq.addcmul_(grad, grad, value: 1);
            s.Step += 1;
            return;
        }

        if (o.WeightDecay != 0 && o.DecoupledWeightDecay)
        {
            p.add_(p, alpha: -lr * o.WeightDecay);
        }

        Tensor denom = clamp(s.ExpAvgSq.sqrt(), min: o.Epsilon);
        Tensor normed = grad.div(denom);
        double clip = Math.Pow(s.Step, 0.25);
        normed.clamp_(-clip, clip);
        s.ExpAvg.lerp_(normed, 1 - o.Beta1);
        p.add_(s.ExpAvg, alpha: -lr);
        s.ExpAvgSq.mul_(o.Beta2).addcmul_(grad, grad, value: 1 - o.Beta2);
        s.Step += 1;
    }

    /// <summary>ademamix.py, with alpha_warmup = beta3_warmup = WarmupSteps (None when 0).</summary>
    private static void AdEMAMix(TorchOptimizerOptions o, Tensor p, Tensor grad, State s, double lr)
    {
        s.Step += 1;
        double bc1 = 1 - Math.Pow(o.Beta1, s.Step);
        double bc2 = 1 - Math.Pow(o.Beta2, s.Step);
        double alpha = o.Alpha, beta3 = o.Beta3;
        if (o.WarmupSteps > 0 && s.Step < o.WarmupSteps)
        {
            double a = s.Step / (double)o.WarmupSteps;
            alpha = (1.0 - a) * 0 + a * o.Alpha;
            static double F(double beta) => Math.Log(0.5) / Math.Log(beta + 1e-8) - 1;
            beta3 = Math.Pow(0.5, 1 / ((1.0 - a) * F(o.Beta1) + a * F(o.Beta3) + 1));
        }

        Tensor fast;
        if (o.Beta1 != 0)
        {
            s.ExpAvg.mul_(o.Beta1).add_(grad, alpha: 1 - o.Beta1);
            fast = s.ExpAvg;
        }
        else
        {
            fast = grad;
        }

        s.ExpAvgSlow.mul_(beta3).add_(grad, alpha: 1 - beta3);
        s.ExpAvgSq.mul_(o.Beta2).addcmul_(grad, grad, value: 1 - o.Beta2);
        Tensor denom = (s.ExpAvgSq.sqrt() / Math.Sqrt(bc2)).add_(o.Epsilon);
        Tensor update = (fast.div(bc1) + alpha * s.ExpAvgSlow) / denom;
        update.add_(p, alpha: o.WeightDecay);
        p.add_(-lr * update);
    }

    /// <summary>adamw_schedulefree.py's train(): y = lerp(x, z, 1 − β₁), once z exists.</summary>
    private static void ScheduleFreeTrain(TorchOptimizerOptions o, Tensor p, State s)
    {
        if (s.Z is not null)
        {
            p.lerp_(s.Z, 1 - o.Beta1);
        }
    }

    /// <summary>adamw_schedulefree.py's step(), single-tensor path, r = 0, no inner momentum.</summary>
    private static void ScheduleFreeStep(TorchOptimizerOptions o, Tensor y, Tensor grad, State s, double baseLr)
    {
        long k = s.Step;
        double sched = k < o.WarmupSteps ? (k + 1) / (double)o.WarmupSteps : 1.0;
        double bc2 = 1 - Math.Pow(o.Beta2, k + 1);
        double lr = baseLr * sched;
        s.LrMax = Math.Max(lr, s.LrMax);
        double weight = 1 * Math.Pow(s.LrMax, o.WeightLrPower);
        s.WeightSum += weight;
        double ckp1 = s.WeightSum == 0 ? 0 : weight / s.WeightSum;
        s.Z ??= y.clone().DetachFromDisposeScope();
        s.ExpAvgSq.mul_(o.Beta2).addcmul_(grad, grad, value: 1 - o.Beta2);
        Tensor denom = s.ExpAvgSq.div(bc2).sqrt_().add_(o.Epsilon);
        Tensor normalized = grad.div(denom);
        if (o.WeightDecay != 0)
        {
            normalized.add_(y, alpha: o.WeightDecay);
        }

        y.lerp_(s.Z, ckp1);
        y.add_(normalized, alpha: lr * (o.Beta1 * (1 - ckp1) - 1));
        s.Z.add_(normalized, alpha: -lr); // z.sub_(ĝ, alpha=lr)
        s.Step = k + 1;
    }

    private sealed class State(Tensor like) : IDisposable
    {
        public Tensor ExpAvg { get; } = zeros_like(like).DetachFromDisposeScope();
        public Tensor ExpAvgSlow { get; } = zeros_like(like).DetachFromDisposeScope();
        public Tensor ExpAvgSq { get; } = zeros_like(like).DetachFromDisposeScope();
        public Tensor? Z { get; set; }
        public long Step { get; set; }
        public double LrMax { get; set; } = -1.0;
        public double WeightSum { get; set; }

        public void Dispose()
        {
            ExpAvg.Dispose();
            ExpAvgSlow.Dispose();
            ExpAvgSq.Dispose();
            Z?.Dispose();
        }
    }
}

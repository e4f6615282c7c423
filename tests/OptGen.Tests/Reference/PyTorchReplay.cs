using System.Numerics;
using static TorchSharp.torch;

namespace OptGen.Tests.Reference;

/// <summary>
/// PyTorch's own optimizer code (torch/optim/*.py, the single-tensor path of PyTorch 2.x), replayed op for op with
/// TorchSharp tensor operations — so libtorch does the rounding — for the cases where TorchSharp 0.107's optimizer
/// classes are wrong or lack an option:
/// <list type="bullet">
/// <item>RAdam, always: once rectification starts (ρₜ &gt; 5) TorchSharp multiplies by the learning rate twice; PyTorch once.</item>
/// <item>NAdam and RAdam with <c>decoupled_weight_decay=True</c>, which TorchSharp does not have.</item>
/// </list>
/// </summary>
internal static class PyTorchReplay
{
    public static bool Replaces(TorchOptimizerOptions options) =>
        options.Kind == Kind.RAdam || (options.Kind == Kind.NAdam && options.DecoupledWeightDecay);

    public static T[][] Trajectory<T>(TorchOptimizerOptions options, T[] initial, IReadOnlyList<T[]> gradients, Func<int, double>? learningRateAtStep)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        using Tensor param = TorchReference.ToTensor(initial);
        using Tensor expAvg = zeros_like(param);
        using Tensor expAvgSq = zeros_like(param);
        double muProduct = 1.0;
        var trajectory = new T[gradients.Count][];
        for (int t = 0; t < gradients.Count; t++)
        {
            double lr = learningRateAtStep?.Invoke(t) ?? options.LearningRate;
            using var scope = NewDisposeScope();
            using var parameter = new TorchSharp.Modules.Parameter(param.alias(), requires_grad: false);
            parameter.grad = TorchReference.ToTensor(gradients[t]);
            TorchReference.Clip(parameter, options);
            Tensor grad = parameter.grad;
            if (options.Maximize)
            {
                grad = -grad;
            }

            int step = t + 1;
            if (options.WeightDecay != 0)
            {
                if (options.DecoupledWeightDecay)
                {
                    param.mul_(1 - lr * options.WeightDecay);
                }
                else
                {
                    grad = grad.add(param, alpha: options.WeightDecay);
                }
            }

            if (options.Kind == Kind.RAdam)
            {
                RAdamStep(options, param, grad, expAvg, expAvgSq, step, lr);
            }
            else
            {
                muProduct = NAdamStep(options, param, grad, expAvg, expAvgSq, step, lr, muProduct);
            }

            trajectory[t] = param.data<T>().ToArray();
        }

        return trajectory;
    }

    /// <summary>torch/optim/radam.py, <c>_single_tensor_radam</c>, after maximize and weight decay.</summary>
    private static void RAdamStep(TorchOptimizerOptions o, Tensor param, Tensor grad, Tensor expAvg, Tensor expAvgSq, int step, double lr)
    {
        expAvg.lerp_(grad, 1 - o.Beta1);
        expAvgSq.mul_(o.Beta2).addcmul_(grad, grad, value: 1 - o.Beta2);
        double biasCorrection1 = 1 - Math.Pow(o.Beta1, step);
        double biasCorrection2 = 1 - Math.Pow(o.Beta2, step);
        Tensor biasCorrectedExpAvg = expAvg / biasCorrection1;
        double rhoInf = 2 / (1 - o.Beta2) - 1;
        double rhoT = rhoInf - 2 * step * Math.Pow(o.Beta2, step) / biasCorrection2;
        if (rhoT > 5.0)
        {
            double rect = Math.Pow((rhoT - 4) * (rhoT - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rhoT), 0.5);
            Tensor adaptiveLr = Math.Pow(biasCorrection2, 0.5) / expAvgSq.sqrt().add_(o.Epsilon);
            param.add_(biasCorrectedExpAvg * lr * adaptiveLr * rect, alpha: -1.0);
        }
        else
        {
            param.add_(biasCorrectedExpAvg * lr, alpha: -1.0);
        }
    }

    /// <summary>torch/optim/nadam.py, <c>_single_tensor_nadam</c>, after maximize and weight decay. Returns the new μ-product.</summary>
    private static double NAdamStep(TorchOptimizerOptions o, Tensor param, Tensor grad, Tensor expAvg, Tensor expAvgSq, int step, double lr, double muProduct)
    {
        double biasCorrection2 = 1 - Math.Pow(o.Beta2, step);
        double mu = o.Beta1 * (1.0 - 0.5 * Math.Pow(0.96, step * o.MomentumDecay));
        double muNext = o.Beta1 * (1.0 - 0.5 * Math.Pow(0.96, (step + 1) * o.MomentumDecay));
        muProduct *= mu;
        expAvg.lerp_(grad, 1 - o.Beta1);
        expAvgSq.mul_(o.Beta2).addcmul_(grad, grad, value: 1 - o.Beta2);
        Tensor denom = expAvgSq.div(biasCorrection2).sqrt().add_(o.Epsilon);
        double muProductNext = muProduct * muNext;
        param.addcdiv_(grad, denom, value: -lr * (1.0 - mu) / (1.0 - muProduct));
        param.addcdiv_(expAvg, denom, value: -lr * muNext / (1.0 - muProductNext));
        return muProduct;
    }
}

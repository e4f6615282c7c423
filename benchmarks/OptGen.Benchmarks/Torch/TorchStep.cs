using System.Numerics;
using OptGen.Reference;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace OptGen.Benchmarks.Torch;

/// <summary>
/// One TorchSharp (libtorch) optimizer over one 1-D parameter tensor whose <c>.grad</c> is set once; <see cref="Step"/>
/// is <c>optimizer.step()</c>, the call a PyTorch training loop makes. Hyperparameters as the generated ones.
/// </summary>
public sealed class TorchStep : IDisposable
{
    private static int s_defaultThreads;

    private readonly Parameter _parameter;
    private readonly Tensor _gradient;
    private readonly optim.Optimizer _optimizer;

    private TorchStep(Parameter parameter, Tensor gradient, optim.Optimizer optimizer)
    {
        _parameter = parameter;
        _gradient = gradient;
        _optimizer = optimizer;
    }

    /// <summary>libtorch's own thread count on this machine (its default: one per core).</summary>
    public static int DefaultThreads
    {
        get
        {
            TorchSharpNative.EnsureLoaded();
            if (s_defaultThreads == 0)
            {
                s_defaultThreads = torch.get_num_threads();
            }

            return s_defaultThreads;
        }
    }

    /// <summary>
    /// Loads TorchSharp (patching its glue library where this machine needs it) and sets libtorch's intra-op thread
    /// count: <paramref name="threads"/>, or its default when null.
    /// </summary>
    public static void UseThreads(int? threads)
    {
        int defaultThreads = DefaultThreads; // read before the first change
        torch.set_num_threads(threads ?? defaultThreads);
    }

    public static TorchStep Create<T>(Kind kind, T[] parameters, T[] gradients, double learningRate = 0.01)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        TorchSharpNative.EnsureLoaded();
        var parameter = new Parameter(ToTensor(parameters), requires_grad: true);
        var gradient = ToTensor(gradients);
        parameter.grad = gradient;
        IEnumerable<Parameter> list = [parameter];
        optim.Optimizer optimizer = kind switch
        {
            Kind.Sgd => optim.SGD(list, learningRate, momentum: 0.0, dampening: 0.0, weight_decay: 0.0, nesterov: false, maximize: false),
            Kind.Momentum => optim.SGD(list, learningRate, momentum: 0.9, dampening: 0.0, weight_decay: 0.0, nesterov: false, maximize: false),
            Kind.RMSProp => optim.RMSProp(list, lr: learningRate, alpha: 0.99, eps: 1e-8, weight_decay: 0.0, momentum: 0.0, centered: false, maximize: false),
            Kind.Adam => optim.Adam(list, lr: learningRate, beta1: 0.9, beta2: 0.999, eps: 1e-8, weight_decay: 0.0, amsgrad: false, maximize: false),
            // Every hyperparameter passed: TorchSharp's AdamW defaults to weight_decay 0, PyTorch's (and Kind.AdamW's) to 0.01.
            Kind.AdamW => optim.AdamW(list, lr: learningRate, beta1: 0.9, beta2: 0.999, eps: 1e-8, weight_decay: 0.01, amsgrad: false, maximize: false),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No TorchSharp benchmark for this kind."),
        };
        return new TorchStep(parameter, gradient, optimizer);
    }

    public void Step() => _optimizer.step();

    /// <summary><c>torch.nn.utils.clip_grad_norm_(params, maxNorm)</c> then <c>optimizer.step()</c>, as a training loop that clips does.</summary>
    public void ClipAndStep(double maxNorm)
    {
        nn.utils.clip_grad_norm_([_parameter], maxNorm);
        _optimizer.step();
    }

    /// <summary>The parameters now (a copy), to check that steps happen.</summary>
    public T[] Parameters<T>()
        where T : unmanaged => _parameter.data<T>().ToArray();

    public void Dispose()
    {
        _optimizer.Dispose();
        _gradient.Dispose();
        _parameter.Dispose();
    }

    private static Tensor ToTensor<T>(T[] values)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        values switch
        {
            float[] f => torch.tensor(f, dtype: ScalarType.Float32),
            double[] d => torch.tensor(d, dtype: ScalarType.Float64),
            _ => throw new NotSupportedException($"No torch dtype for {typeof(T)}."),
        };
}

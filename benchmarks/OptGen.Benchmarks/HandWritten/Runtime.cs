using System.Numerics;

namespace OptGen.Benchmarks.HandWritten;

// A typical "runtime" optimizer, as an optimizer library without a generator is written: an abstract base class
// with a virtual Step over arrays, hyperparameters in instance fields (read every step, not folded into the code),
// state in arrays sized at construction, a loop over the parameters. The update rules, constants and bias
// corrections are the same as the generated ones (βᵗ flushed to zero below 1e-18), so only the shape differs.

public abstract class RuntimeOptimizer<T>(int count)
    where T : unmanaged, IFloatingPointIeee754<T>
{
    protected readonly int Count = count;

    public double LearningRate { get; set; } = 0.01;

    public abstract void Step(T[] parameters, T[] gradients);

    protected void Check(T[] parameters, T[] gradients)
    {
        if (parameters.Length != Count || gradients.Length != Count) Lengths.Throw(parameters.Length, gradients.Length, Count);
    }

    public static RuntimeOptimizer<T> Create(Kind kind, int count) => kind switch
    {
        Kind.Sgd => new RuntimeSgd<T>(count),
        Kind.Momentum => new RuntimeMomentum<T>(count, T.CreateTruncating(0.9)),
        Kind.RMSProp => new RuntimeRMSProp<T>(count, 0.99, T.CreateTruncating(1e-8)),
        Kind.Adam => new RuntimeAdam<T>(count, 0.9, 0.999, T.CreateTruncating(1e-8)),
        Kind.AdamW => new RuntimeAdam<T>(count, 0.9, 0.999, T.CreateTruncating(1e-8), decoupledWeightDecay: 0.01),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}

public sealed class RuntimeSgd<T>(int count) : RuntimeOptimizer<T>(count)
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public override void Step(T[] parameters, T[] gradients)
    {
        Check(parameters, gradients);
        T lr = T.CreateTruncating(LearningRate);
        for (int i = 0; i < parameters.Length; i++)
        {
            parameters[i] -= lr * gradients[i];
        }
    }
}

public sealed class RuntimeMomentum<T>(int count, T momentum) : RuntimeOptimizer<T>(count)
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T _momentum = momentum;
    private readonly T[] _buffer = new T[count];

    public override void Step(T[] parameters, T[] gradients)
    {
        Check(parameters, gradients);
        T lr = T.CreateTruncating(LearningRate);
        for (int i = 0; i < parameters.Length; i++)
        {
            _buffer[i] = _momentum * _buffer[i] + gradients[i];
            parameters[i] -= lr * _buffer[i];
        }
    }
}

public sealed class RuntimeRMSProp<T>(int count, double alpha, T epsilon) : RuntimeOptimizer<T>(count)
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T _alpha = T.CreateTruncating(alpha), _oneMinusAlpha = T.CreateTruncating(1 - alpha), _epsilon = epsilon;
    private readonly T[] _squareAverage = new T[count];

    public override void Step(T[] parameters, T[] gradients)
    {
        Check(parameters, gradients);
        T lr = T.CreateTruncating(LearningRate);
        for (int i = 0; i < parameters.Length; i++)
        {
            T g = gradients[i];
            _squareAverage[i] = _alpha * _squareAverage[i] + _oneMinusAlpha * g * g;
            parameters[i] -= lr * g / (T.Sqrt(_squareAverage[i]) + _epsilon);
        }
    }
}

/// <summary>Adam, and AdamW when <paramref name="decoupledWeightDecay"/> is not 0 (as torch's Adam(decoupled_weight_decay=True)).</summary>
public sealed class RuntimeAdam<T>(int count, double beta1, double beta2, T epsilon, double decoupledWeightDecay = 0) : RuntimeOptimizer<T>(count)
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly double _beta1 = beta1, _beta2 = beta2, _weightDecay = decoupledWeightDecay;
    private readonly T _epsilon = epsilon;
    private readonly T[] _m = new T[count], _v = new T[count];
    private double _beta1Power = 1, _beta2Power = 1;

    public override void Step(T[] parameters, T[] gradients)
    {
        Check(parameters, gradients);
        double b1 = _beta1Power * _beta1, b2 = _beta2Power * _beta2;
        _beta1Power = b1 < 1e-18 ? 0 : b1;
        _beta2Power = b2 < 1e-18 ? 0 : b2;
        T stepSize = T.CreateTruncating(LearningRate / (1 - _beta1Power));
        T invSqrtBc2 = T.CreateTruncating(1 / Math.Sqrt(1 - _beta2Power));
        T beta1 = T.CreateTruncating(_beta1), oneMinusBeta1 = T.CreateTruncating(1 - _beta1);
        T beta2 = T.CreateTruncating(_beta2), oneMinusBeta2 = T.CreateTruncating(1 - _beta2);
        bool decoupled = _weightDecay != 0;
        T decay = T.CreateTruncating(1 - LearningRate * _weightDecay);
        for (int i = 0; i < parameters.Length; i++)
        {
            T g = gradients[i];
            _m[i] = beta1 * _m[i] + oneMinusBeta1 * g;
            _v[i] = beta2 * _v[i] + oneMinusBeta2 * g * g;
            T p = decoupled ? parameters[i] * decay : parameters[i];
            parameters[i] = p - stepSize * _m[i] / (T.Sqrt(_v[i]) * invSqrtBc2 + _epsilon);
        }
    }
}

using System.Numerics;
using System.Numerics.Tensors;
using OptGen.Data;
using OptGen.Losses;

namespace OptGen.Models;

/// <summary>
/// A multi-layer perceptron that classifies into k classes: hidden layers of the chosen widths and activation, then
/// k logits, trained with softmax cross-entropy against a class index (the target, 0 … k − 1). Its output activation is
/// <see cref="Activation.Softmax"/>, and <see cref="Predict"/> returns the most probable class.
/// </summary>
/// <remarks>
/// <para>The parameters are laid out as <see cref="Mlp{T}"/>'s — layer by layer, torch's <c>nn.Linear</c> weight
/// (out × in, row-major) then bias — and <see cref="ParameterBuffers"/> names them as such buffers.</para>
/// <para>A batch is computed as matrix products over blocks of <see cref="BlockRows"/> rows (gathered into a
/// contiguous block, forward through every layer, backward), not one sample at a time. The blocks' buffers are
/// allocated with the model, so a loss or gradient allocates nothing, and one instance must not be used by two
/// threads at once.</para>
/// </remarks>
/// <typeparam name="T">The element type.</typeparam>
public class MlpClassifier<T> : IModel<T>, IParameterLayout
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The rows per block unless the constructor is told otherwise.</summary>
    public const int DefaultBlockRows = 128;

    private readonly int[] _widths;            // input, hidden…, classes
    private readonly DenseLayout _layout;
    private readonly T[] _input;               // the block's rows, gathered
    private readonly T[][] _z;                 // per weight layer: pre-activations (the last: logits)
    private readonly T[][] _a;                 // per hidden layer: activations
    private readonly T[][] _delta;             // per weight layer: ∂L/∂z

    /// <summary>
    /// A classifier from <paramref name="inputs"/> features through hidden layers of widths <paramref name="hidden"/>
    /// to <paramref name="classes"/> logits.
    /// </summary>
    /// <param name="inputs">The number of features.</param>
    /// <param name="hidden">The width of each hidden layer (none: multinomial logistic regression).</param>
    /// <param name="classes">The number of classes k (at least 2).</param>
    /// <param name="activation">The activation of the hidden layers.</param>
    /// <param name="reduction">Mean (torch's default) or sum of the per-sample losses.</param>
    /// <param name="initialization">How <see cref="Initialize"/> draws the weights.</param>
    /// <param name="blockRows">The rows computed together as one matrix product.</param>
    /// <exception cref="ArgumentException">A width is not positive, fewer than two classes, or a softmax hidden activation.</exception>
    public MlpClassifier(
        int inputs,
        IReadOnlyList<int> hidden,
        int classes,
        Activation activation = Activation.ReLU,
        Reduction reduction = Reduction.Mean,
        Initialization initialization = Initialization.Auto,
        int blockRows = DefaultBlockRows)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputs);
        ArgumentNullException.ThrowIfNull(hidden);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(blockRows);
        for (int l = 0; l < hidden.Count; l++)
        {
            if (hidden[l] <= 0)
            {
                throw new ArgumentException($"Hidden layer {l} has width {hidden[l]}; widths must be positive.", nameof(hidden));
            }
        }

        if (activation is not (Activation.Identity or Activation.Sigmoid or Activation.Tanh or Activation.ReLU))
        {
            throw new ArgumentException($"A hidden activation must be element-wise (Identity, Sigmoid, Tanh or ReLU), not {activation}.", nameof(activation));
        }

        HiddenActivation = activation;
        Loss = Loss.SoftmaxCrossEntropy(reduction);
        Initialization = initialization;
        BlockRows = blockRows;
        _widths = [inputs, .. hidden, classes];
        _layout = new DenseLayout(_widths);
        int layers = _widths.Length - 1;
        _z = new T[layers][];
        _a = new T[layers - 1][];
        _delta = new T[layers][];
        for (int l = 0; l < layers; l++)
        {
            int fanOut = _widths[l + 1];
            _z[l] = new T[checked(blockRows * fanOut)];
            _delta[l] = new T[checked(blockRows * fanOut)];
            if (l < layers - 1)
            {
                _a[l] = new T[checked(blockRows * fanOut)];
            }
        }

        ParameterCount = _layout.ParameterCount;
        _input = new T[checked(blockRows * inputs)];
    }

    /// <inheritdoc/>
    public int ParameterCount { get; }

    /// <inheritdoc/>
    public int InputCount => _widths[0];

    /// <summary>The number of classes k.</summary>
    public int ClassCount => _widths[^1];

    /// <inheritdoc/>
    public Loss Loss { get; }

    /// <inheritdoc/>
    public Activation OutputActivation => Activation.Softmax;

    /// <summary>The activation of the hidden layers.</summary>
    public Activation HiddenActivation { get; }

    /// <summary>How <see cref="Initialize"/> draws the weights.</summary>
    public Initialization Initialization { get; }

    /// <summary>The rows computed together as one matrix product.</summary>
    public int BlockRows { get; }

    /// <summary>The layer widths: the input, each hidden layer, and the classes.</summary>
    public IReadOnlyList<int> Widths => _widths;

    /// <summary>The number of weight layers (hidden layers + 1).</summary>
    public int LayerCount => _widths.Length - 1;

    /// <summary>Where layer <paramref name="layer"/>'s (0-based) weight matrix starts in the parameter span; its biases follow it.</summary>
    public int WeightOffset(int layer) => _layout.WeightOffset(layer);

    /// <inheritdoc/>
    public IReadOnlyList<ParameterBuffer> ParameterBuffers => _layout.Buffers;

    /// <summary>A new parameter array, initialised from <paramref name="seed"/>.</summary>
    public T[] CreateParameters(ulong seed)
    {
        var parameters = new T[ParameterCount];
        Initialize(parameters, seed);
        return parameters;
    }

    /// <summary>
    /// Draws the weights from <paramref name="seed"/> (He normal before ReLU layers, Xavier uniform otherwise, by
    /// <see cref="Initialization"/>; the logits' layer is always Xavier) and zeroes the biases.
    /// </summary>
    public virtual void Initialize(Span<T> parameters, ulong seed)
    {
        ModelChecks.Parameters(parameters.Length, ParameterCount, nameof(parameters));
        bool he = Initialization == Initialization.He || (Initialization == Initialization.Auto && HiddenActivation == Activation.ReLU);
        _layout.Initialize(parameters, seed, he);
    }

    /// <summary>The most probable class of one sample, as a number (0 … k − 1).</summary>
    public T Predict(ReadOnlySpan<T> parameters, ReadOnlySpan<T> features)
    {
        ModelChecks.Parameters(parameters.Length, ParameterCount, nameof(parameters));
        ModelChecks.Features(features.Length, InputCount, nameof(features));
        features.CopyTo(_input);
        Forward(parameters, 1);
        return T.CreateChecked(Softmax.ArgMax<T>(_z[^1].AsSpan(0, ClassCount)));
    }

    /// <summary>One sample's k logits, written to <paramref name="logits"/>.</summary>
    public void Logits(ReadOnlySpan<T> parameters, ReadOnlySpan<T> features, Span<T> logits)
    {
        ModelChecks.Parameters(parameters.Length, ParameterCount, nameof(parameters));
        ModelChecks.Features(features.Length, InputCount, nameof(features));
        ModelChecks.Parameters(logits.Length, ClassCount, nameof(logits));
        features.CopyTo(_input);
        Forward(parameters, 1);
        _z[^1].AsSpan(0, ClassCount).CopyTo(logits);
    }

    /// <inheritdoc/>
    public T ComputeLoss(ReadOnlySpan<T> parameters, Batch<T> batch)
    {
        ModelChecks.Parameters(parameters.Length, ParameterCount, nameof(parameters));
        ModelChecks.Batch(batch.Count, batch.Data.FeatureCount, InputCount);
        return Loss.Reduce(Blocks(parameters, batch, default, withGradient: false), batch.Count);
    }

    /// <inheritdoc/>
    public T ComputeLossAndGradient(ReadOnlySpan<T> parameters, Batch<T> batch, Span<T> gradient)
    {
        ModelChecks.Parameters(parameters.Length, ParameterCount, nameof(parameters));
        ModelChecks.Parameters(gradient.Length, ParameterCount, nameof(gradient));
        ModelChecks.Batch(batch.Count, batch.Data.FeatureCount, InputCount);
        gradient.Clear();
        T sum = Blocks(parameters, batch, gradient, withGradient: true);
        if (Loss.Reduction == Reduction.Mean)
        {
            TensorPrimitives.Divide(gradient, T.CreateChecked(batch.Count), gradient);
        }

        return Loss.Reduce(sum, batch.Count);
    }

    // The batch block by block: the summed loss, and (withGradient) the summed gradient added to gradient.
    private T Blocks(ReadOnlySpan<T> parameters, Batch<T> batch, Span<T> gradient, bool withGradient)
    {
        T sum = T.Zero;
        for (int start = 0; start < batch.Count; start += BlockRows)
        {
            int rows = Math.Min(BlockRows, batch.Count - start);
            Gather(batch, start, rows);
            Forward(parameters, rows);
            ReadOnlySpan<T> logits = _z[^1];
            Span<T> outputDelta = _delta[^1];
            for (int r = 0; r < rows; r++)
            {
                ReadOnlySpan<T> z = logits.Slice(r * ClassCount, ClassCount);
                int target = Softmax.ClassOf(batch.Target(start + r), ClassCount);
                sum += withGradient
                    ? Softmax.CrossEntropyAndGradient(z, target, outputDelta.Slice(r * ClassCount, ClassCount))
                    : Softmax.CrossEntropy(z, target);
            }

            if (withGradient)
            {
                Backward(parameters, gradient, rows);
            }
        }

        return sum;
    }

    private void Gather(Batch<T> batch, int start, int rows)
    {
        for (int r = 0; r < rows; r++)
        {
            batch.Features(start + r).CopyTo(_input.AsSpan(r * InputCount, InputCount));
        }
    }

    // Every layer's z (and a) for the block's rows; the logits end up in _z[^1].
    private void Forward(ReadOnlySpan<T> parameters, int rows)
    {
        for (int l = 0; l < LayerCount; l++)
        {
            int fanIn = _widths[l], fanOut = _widths[l + 1];
            ReadOnlySpan<T> input = l == 0 ? _input.AsSpan(0, rows * fanIn) : _a[l - 1].AsSpan(0, rows * fanIn);
            Span<T> z = _z[l].AsSpan(0, rows * fanOut);
            DenseKernels.Forward(input, Weights(parameters, l), Biases(parameters, l), z, rows);
            if (l < LayerCount - 1)
            {
                Activate(z, _a[l].AsSpan(0, rows * fanOut));
            }
        }
    }

    // From ∂L/∂logits in _delta[^1], adds the block's gradient and carries the error signal down the layers.
    private void Backward(ReadOnlySpan<T> parameters, Span<T> gradient, int rows)
    {
        for (int l = LayerCount - 1; l >= 0; l--)
        {
            int fanIn = _widths[l], fanOut = _widths[l + 1];
            ReadOnlySpan<T> input = l == 0 ? _input.AsSpan(0, rows * fanIn) : _a[l - 1].AsSpan(0, rows * fanIn);
            ReadOnlySpan<T> delta = _delta[l].AsSpan(0, rows * fanOut);
            int offset = _layout.WeightOffset(l);
            DenseKernels.AddGradient(delta, input, gradient.Slice(offset, fanIn * fanOut), gradient.Slice(offset + fanIn * fanOut, fanOut), rows);
            if (l == 0)
            {
                break;
            }

            // δ_{l−1} = (δ_l · W_l) ⊙ act'(z_{l−1}).
            Span<T> previous = _delta[l - 1].AsSpan(0, rows * fanIn);
            DenseKernels.Backpropagate(delta, Weights(parameters, l), previous, rows, fanOut);
            ReadOnlySpan<T> z = _z[l - 1].AsSpan(0, rows * fanIn);
            ReadOnlySpan<T> a = _a[l - 1].AsSpan(0, rows * fanIn);
            for (int k = 0; k < previous.Length; k++)
            {
                previous[k] *= Activations.Derivative(HiddenActivation, z[k], a[k]);
            }
        }
    }

    private void Activate(ReadOnlySpan<T> z, Span<T> a)
    {
        switch (HiddenActivation)
        {
            case Activation.ReLU:
                TensorPrimitives.Max(z, T.Zero, a);
                break;
            case Activation.Tanh:
                TensorPrimitives.Tanh(z, a);
                break;
            case Activation.Sigmoid:
                TensorPrimitives.Sigmoid(z, a);
                break;
            default:
                z.CopyTo(a);
                break;
        }
    }

    private ReadOnlySpan<T> Weights(ReadOnlySpan<T> parameters, int layer) =>
        parameters.Slice(_layout.WeightOffset(layer), _widths[layer] * _widths[layer + 1]);

    private ReadOnlySpan<T> Biases(ReadOnlySpan<T> parameters, int layer) =>
        parameters.Slice(_layout.WeightOffset(layer) + _widths[layer] * _widths[layer + 1], _widths[layer + 1]);
}

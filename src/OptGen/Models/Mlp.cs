using System.Numerics;
using OptGen.Data;
using OptGen.Losses;

namespace OptGen.Models;

/// <summary>
/// A multi-layer perceptron with one output: hidden layers of the chosen widths and activation, then a
/// linear output unit followed by <see cref="OutputActivation"/>; trained by backpropagation.
/// </summary>
/// <remarks>
/// <para>The parameters are laid out layer by layer, each as its weight matrix W (out × in, row-major: row
/// o holds the weights into unit o) followed by its biases — the layout of torch's <c>nn.Linear</c>
/// weight and bias, one layer after another.</para>
/// <para>The activations and error signals of one sample live in buffers allocated with the model, so a
/// loss or gradient allocates nothing, and one instance must not be used by two threads at once.</para>
/// </remarks>
/// <typeparam name="T">The element type.</typeparam>
public sealed class Mlp<T> : IModel<T>, IParameterLayout
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly int[] _widths;          // input, hidden…, 1
    private readonly DenseLayout _layout;
    private readonly int[] _unitOffsets;     // per layer l ≥ 1: where its units sit in _z, _a and _delta
    private readonly T[] _z;                 // pre-activations of every non-input unit
    private readonly T[] _a;                 // activations of every non-input unit
    private readonly T[] _delta;             // ∂L/∂z of every non-input unit

    /// <summary>
    /// An MLP from <paramref name="inputs"/> features through hidden layers of widths <paramref name="hidden"/>
    /// to one output.
    /// </summary>
    /// <param name="inputs">The number of features.</param>
    /// <param name="hidden">The width of each hidden layer (none: a linear model).</param>
    /// <param name="activation">The activation of the hidden layers.</param>
    /// <param name="outputActivation">Sigmoid (a probability; the default) or Identity (a value).</param>
    /// <param name="loss">The loss; by default cross-entropy for a sigmoid output, mean squared error otherwise.</param>
    /// <param name="initialization">How <see cref="Initialize"/> draws the weights.</param>
    /// <exception cref="ArgumentException">A width is not positive, or the loss does not fit the output.</exception>
    public Mlp(
        int inputs,
        IReadOnlyList<int> hidden,
        Activation activation = Activation.Tanh,
        Activation outputActivation = Activation.Sigmoid,
        Loss? loss = null,
        Initialization initialization = Initialization.Auto)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputs);
        ArgumentNullException.ThrowIfNull(hidden);
        for (int l = 0; l < hidden.Count; l++)
        {
            if (hidden[l] <= 0)
            {
                throw new ArgumentException($"Hidden layer {l} has width {hidden[l]}; widths must be positive.", nameof(hidden));
            }
        }

        ModelChecks.SingleOutput(outputActivation, activation);
        Loss = loss ?? (outputActivation == Activation.Sigmoid ? Loss.BinaryCrossEntropy() : Loss.SquaredError(Reduction.Mean));
        Loss.CheckOutput(outputActivation);
        HiddenActivation = activation;
        OutputActivation = outputActivation;
        Initialization = initialization;

        _widths = [inputs, .. hidden, 1];
        _layout = new DenseLayout(_widths);
        int layers = _widths.Length - 1;
        _unitOffsets = new int[layers];
        int units = 0;
        for (int l = 1; l <= layers; l++)
        {
            _unitOffsets[l - 1] = units;
            units += _widths[l];
        }

        ParameterCount = _layout.ParameterCount;
        _z = new T[units];
        _a = new T[units];
        _delta = new T[units];
    }

    /// <inheritdoc/>
    public int ParameterCount { get; }

    /// <inheritdoc/>
    public int InputCount => _widths[0];

    /// <inheritdoc/>
    public Loss Loss { get; }

    /// <inheritdoc/>
    public Activation OutputActivation { get; }

    /// <summary>The activation of the hidden layers.</summary>
    public Activation HiddenActivation { get; }

    /// <summary>How <see cref="Initialize"/> draws the weights.</summary>
    public Initialization Initialization { get; }

    /// <summary>The layer widths: the input, each hidden layer, and the output (1).</summary>
    public IReadOnlyList<int> Widths => _widths;

    /// <summary>The number of weight layers (hidden layers + 1).</summary>
    public int LayerCount => _widths.Length - 1;

    /// <summary>Where layer <paramref name="layer"/>'s (0-based) weight matrix starts in the parameter span; its biases follow it.</summary>
    public int WeightOffset(int layer) => _layout.WeightOffset(layer);

    /// <summary>Each layer's weight matrix and bias vector, as torch's <c>nn.Linear</c> names them, in order.</summary>
    public IReadOnlyList<ParameterBuffer> ParameterBuffers => _layout.Buffers;

    /// <summary>A new parameter array, initialised from <paramref name="seed"/>.</summary>
    public T[] CreateParameters(ulong seed)
    {
        var parameters = new T[ParameterCount];
        Initialize(parameters, seed);
        return parameters;
    }

    /// <summary>
    /// Draws the weights from <paramref name="seed"/> (Xavier uniform or He normal, by <see cref="Initialization"/>;
    /// the output layer is always Xavier, as it is not followed by a ReLU) and zeroes the biases.
    /// </summary>
    public void Initialize(Span<T> parameters, ulong seed)
    {
        ModelChecks.Parameters(parameters.Length, ParameterCount, nameof(parameters));
        bool he = Initialization == Initialization.He || (Initialization == Initialization.Auto && HiddenActivation == Activation.ReLU);
        _layout.Initialize(parameters, seed, he);
    }

    /// <inheritdoc/>
    public T Predict(ReadOnlySpan<T> parameters, ReadOnlySpan<T> features)
    {
        ModelChecks.Parameters(parameters.Length, ParameterCount, nameof(parameters));
        ModelChecks.Features(features.Length, InputCount, nameof(features));
        return Activations.Apply(OutputActivation, Forward(parameters, features));
    }

    /// <inheritdoc/>
    public T ComputeLoss(ReadOnlySpan<T> parameters, Batch<T> batch)
    {
        ModelChecks.Parameters(parameters.Length, ParameterCount, nameof(parameters));
        ModelChecks.Batch(batch.Count, batch.Data.FeatureCount, InputCount);
        return BatchLoop.Loss(new Pass(this), Loss, OutputActivation, parameters, batch);
    }

    /// <inheritdoc/>
    public T ComputeLossAndGradient(ReadOnlySpan<T> parameters, Batch<T> batch, Span<T> gradient)
    {
        ModelChecks.Parameters(parameters.Length, ParameterCount, nameof(parameters));
        ModelChecks.Parameters(gradient.Length, ParameterCount, nameof(gradient));
        ModelChecks.Batch(batch.Count, batch.Data.FeatureCount, InputCount);
        return BatchLoop.LossAndGradient(new Pass(this), Loss, OutputActivation, parameters, batch, gradient);
    }

    // Runs one sample forward, keeping every unit's z and a; returns the output's pre-activation.
    private T Forward(ReadOnlySpan<T> parameters, ReadOnlySpan<T> x)
    {
        for (int l = 1; l <= LayerCount; l++)
        {
            int fanIn = _widths[l - 1], fanOut = _widths[l];
            ReadOnlySpan<T> input = l == 1 ? x : _a.AsSpan(_unitOffsets[l - 2], fanIn);
            ReadOnlySpan<T> weights = parameters.Slice(_layout.WeightOffset(l - 1), fanIn * fanOut);
            ReadOnlySpan<T> biases = parameters.Slice(_layout.WeightOffset(l - 1) + fanIn * fanOut, fanOut);
            Span<T> z = _z.AsSpan(_unitOffsets[l - 1], fanOut);
            Span<T> a = _a.AsSpan(_unitOffsets[l - 1], fanOut);
            Activation activation = l == LayerCount ? Activation.Identity : HiddenActivation;
            for (int o = 0; o < fanOut; o++)
            {
                ReadOnlySpan<T> row = weights.Slice(o * fanIn, fanIn);
                T sum = biases[o];
                for (int k = 0; k < fanIn; k++)
                {
                    sum += row[k] * input[k];
                }

                z[o] = sum;
                a[o] = Activations.Apply(activation, sum);
            }
        }

        return _z[_unitOffsets[LayerCount - 1]];
    }

    // Given ∂L/∂z of the output, propagates error signals back and adds this sample's gradient.
    private void Backward(ReadOnlySpan<T> parameters, ReadOnlySpan<T> x, T outputGradient, Span<T> gradient)
    {
        _delta[_unitOffsets[LayerCount - 1]] = outputGradient;
        for (int l = LayerCount; l >= 1; l--)
        {
            int fanIn = _widths[l - 1], fanOut = _widths[l];
            ReadOnlySpan<T> input = l == 1 ? x : _a.AsSpan(_unitOffsets[l - 2], fanIn);
            ReadOnlySpan<T> delta = _delta.AsSpan(_unitOffsets[l - 1], fanOut);
            Span<T> weightGradient = gradient.Slice(_layout.WeightOffset(l - 1), fanIn * fanOut);
            Span<T> biasGradient = gradient.Slice(_layout.WeightOffset(l - 1) + fanIn * fanOut, fanOut);

            // ∂L/∂W[o,k] = δ[o]·input[k];  ∂L/∂b[o] = δ[o].
            for (int o = 0; o < fanOut; o++)
            {
                T d = delta[o];
                Span<T> row = weightGradient.Slice(o * fanIn, fanIn);
                for (int k = 0; k < fanIn; k++)
                {
                    row[k] += d * input[k];
                }

                biasGradient[o] += d;
            }

            if (l == 1)
            {
                break;
            }

            // δ_prev[k] = (Σ_o W[o,k]·δ[o]) · act'(z_prev[k]).
            ReadOnlySpan<T> weights = parameters.Slice(_layout.WeightOffset(l - 1), fanIn * fanOut);
            Span<T> previous = _delta.AsSpan(_unitOffsets[l - 2], fanIn);
            ReadOnlySpan<T> zPrevious = _z.AsSpan(_unitOffsets[l - 2], fanIn);
            previous.Clear();
            for (int o = 0; o < fanOut; o++)
            {
                T d = delta[o];
                ReadOnlySpan<T> row = weights.Slice(o * fanIn, fanIn);
                for (int k = 0; k < fanIn; k++)
                {
                    previous[k] += row[k] * d;
                }
            }

            for (int k = 0; k < fanIn; k++)
            {
                previous[k] *= Activations.Derivative(HiddenActivation, zPrevious[k], input[k]);
            }
        }
    }

    private readonly struct Pass(Mlp<T> model) : ISamplePass<T>
    {
        public T Forward(ReadOnlySpan<T> parameters, ReadOnlySpan<T> features) => model.Forward(parameters, features);

        public void Backward(ReadOnlySpan<T> parameters, ReadOnlySpan<T> features, T outputGradient, Span<T> gradient) =>
            model.Backward(parameters, features, outputGradient, gradient);
    }
}

using System.Numerics;
using OptGen.Data;

namespace OptGen.Models;

/// <summary>
/// Where the parameters of a stack of dense layers lie in one flat span — layer by layer, torch's <c>nn.Linear</c>
/// weight (out × in, row-major) then bias — and how they start: shared by <see cref="Mlp{T}"/> and <see cref="MlpClassifier{T}"/>.
/// </summary>
internal sealed class DenseLayout
{
    private readonly int[] _widths;
    private readonly int[] _weightOffsets;
    private readonly ParameterBuffer[] _buffers;

    /// <summary>The layout of layers of <paramref name="widths"/> (the input first, the output last).</summary>
    public DenseLayout(int[] widths)
    {
        _widths = widths;
        int layers = widths.Length - 1;
        _weightOffsets = new int[layers];
        _buffers = new ParameterBuffer[2 * layers];
        int parameters = 0;
        for (int l = 0; l < layers; l++)
        {
            int weights = checked(widths[l] * widths[l + 1]);
            _weightOffsets[l] = parameters;
            _buffers[2 * l] = new ParameterBuffer($"layer{l}.weight", ParameterRole.Weight, parameters, weights);
            _buffers[2 * l + 1] = new ParameterBuffer($"layer{l}.bias", ParameterRole.Bias, checked(parameters + weights), widths[l + 1]);
            parameters = checked(parameters + weights + widths[l + 1]);
        }

        ParameterCount = parameters;
    }

    public int ParameterCount { get; }

    public int LayerCount => _widths.Length - 1;

    public IReadOnlyList<ParameterBuffer> Buffers => _buffers;

    public int WeightOffset(int layer) => _weightOffsets[layer];

    /// <summary>
    /// Draws every weight from <paramref name="seed"/> — He normal N(0, 2/fan_in) for the hidden layers when
    /// <paramref name="he"/>, else Xavier uniform U(±√(6/(fan_in + fan_out))); the last layer is always Xavier, as no
    /// ReLU follows it — and zeroes the biases.
    /// </summary>
    public void Initialize<T>(Span<T> parameters, ulong seed, bool he)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var random = new SeededRandom(seed);
        for (int l = 0; l < LayerCount; l++)
        {
            int fanIn = _widths[l], fanOut = _widths[l + 1];
            Span<T> weights = parameters.Slice(_weightOffsets[l], fanIn * fanOut);
            if (he && l < LayerCount - 1)
            {
                double deviation = Math.Sqrt(2.0 / fanIn);
                for (int k = 0; k < weights.Length; k++)
                {
                    weights[k] = T.CreateChecked(deviation * random.NextGaussian());
                }
            }
            else
            {
                double bound = Math.Sqrt(6.0 / (fanIn + fanOut));
                for (int k = 0; k < weights.Length; k++)
                {
                    weights[k] = T.CreateChecked(bound * (2 * random.NextDouble() - 1));
                }
            }

            parameters.Slice(_weightOffsets[l] + fanIn * fanOut, fanOut).Clear();
        }
    }
}

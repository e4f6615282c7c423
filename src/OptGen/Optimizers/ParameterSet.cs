using System.Numerics;

namespace OptGen;

/// <summary>
/// A model's parameters as they live in memory — several buffers of different lengths (one per weight matrix,
/// bias, …) — seen by one optimizer as a single flat vector: buffer k is elements
/// [<see cref="Offset"/>(k), <see cref="Offset"/>(k) + its length) of the optimizer's state. Build it once;
/// a generated optimizer's <c>Step(ParameterSet&lt;T&gt;)</c> then updates every buffer in one call, computing its
/// per-step values (step count, bias corrections) once, and allocates nothing — torch's multi-tensor step.
/// </summary>
/// <typeparam name="T">The element type: <see cref="float"/> or <see cref="double"/>.</typeparam>
public sealed class ParameterSet<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Memory<T>[] _parameters;
    private readonly Memory<T>[] _gradients;
    private readonly int[] _offsets;

    /// <summary>Creates a set from pairs of equally long parameter and gradient buffers, in state order.</summary>
    /// <exception cref="ArgumentException">No buffers, an empty buffer, a pair of different lengths, or more than <see cref="int.MaxValue"/> parameters in all.</exception>
    public ParameterSet(params ReadOnlySpan<(Memory<T> Parameters, Memory<T> Gradients)> buffers)
    {
        if (buffers.IsEmpty)
        {
            throw new ArgumentException("A parameter set needs at least one buffer.", nameof(buffers));
        }

        _parameters = new Memory<T>[buffers.Length];
        _gradients = new Memory<T>[buffers.Length];
        _offsets = new int[buffers.Length];
        long total = 0;
        for (int index = 0; index < buffers.Length; index++)
        {
            (Memory<T> parameters, Memory<T> gradients) = buffers[index];
            if (parameters.IsEmpty)
            {
                throw new ArgumentException($"Buffer {index} is empty; every buffer needs at least one parameter.", nameof(buffers));
            }

            CheckGradientLength(index, parameters.Length, gradients.Length, nameof(buffers));
            _parameters[index] = parameters;
            _gradients[index] = gradients;
            _offsets[index] = (int)total;
            total += parameters.Length;
            if (total > int.MaxValue)
            {
                throw new ArgumentException($"The buffers hold {total} parameters in all, more than an optimizer's {int.MaxValue}.", nameof(buffers));
            }
        }

        TotalLength = (int)total;
    }

    /// <summary>The number of buffers.</summary>
    public int Count => _parameters.Length;

    /// <summary>The number of parameters in all buffers: the optimizer's <c>ParameterCount</c>.</summary>
    public int TotalLength { get; }

    /// <summary>Where buffer <paramref name="index"/> starts in the flat vector (and in the optimizer's state).</summary>
    public int Offset(int index) => _offsets[index];

    /// <summary>Buffer <paramref name="index"/>'s parameters, updated in place.</summary>
    public Span<T> Parameters(int index) => _parameters[index].Span;

    /// <summary>Buffer <paramref name="index"/>'s gradients.</summary>
    public ReadOnlySpan<T> Gradients(int index) => _gradients[index].Span;

    /// <summary>Points buffer <paramref name="index"/> at new gradients (a framework that replaces its gradient tensors).</summary>
    /// <exception cref="ArgumentException"><paramref name="gradients"/> is not as long as the buffer.</exception>
    public void SetGradients(int index, Memory<T> gradients)
    {
        CheckGradientLength(index, _parameters[index].Length, gradients.Length, nameof(gradients));
        _gradients[index] = gradients;
    }

    private static void CheckGradientLength(int index, int parameters, int gradients, string argument)
    {
        if (gradients != parameters)
        {
            throw new ArgumentException(
                $"Buffer {index} has {parameters} parameters but {gradients} gradients; they must be equally long.", argument);
        }
    }
}

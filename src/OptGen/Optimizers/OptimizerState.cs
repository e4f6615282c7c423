using System.Diagnostics.CodeAnalysis;
using System.Numerics;

namespace OptGen;

/// <summary>
/// The layout of a saved optimizer state, shared by every generated optimizer:
/// the step count and the learning rate (each a 64-bit value stored exactly, see <see cref="Int64Slots{T}"/>),
/// then every buffer in declaration order.
/// </summary>
/// <remarks>
/// A 64-bit value is split into small integer chunks that the element type holds exactly
/// (32 bits per <see cref="double"/>, 22 bits per <see cref="float"/>), rather than reinterpreted as a
/// floating-point bit pattern, so a state survives any copy or format that preserves numbers.
/// </remarks>
public static class OptimizerState
{
    /// <summary>How many elements of <typeparamref name="T"/> hold one 64-bit value: 2 for double, 3 for float.</summary>
    public static int Int64Slots<T>() where T : unmanaged, IFloatingPointIeee754<T> => 64 / ChunkBits<T>() + (64 % ChunkBits<T>() == 0 ? 0 : 1);

    /// <summary>The elements before the first buffer: the step count and the learning rate.</summary>
    public static int HeaderLength<T>() where T : unmanaged, IFloatingPointIeee754<T> => 2 * Int64Slots<T>();

    internal static int ChunkBits<T>() where T : unmanaged, IFloatingPointIeee754<T> => typeof(T) == typeof(float) ? 22 : 32;

    /// <summary>Throws when a state span's length is not the optimizer's <c>StateLength</c>.</summary>
    public static void CheckLength(int length, int stateLength, string spanName)
    {
        if (length != stateLength)
        {
            ThrowLength(length, stateLength, spanName);
        }
    }

    [DoesNotReturn]
    private static void ThrowLength(int length, int stateLength, string spanName) =>
        throw new ArgumentException(
            $"The span '{spanName}' has {length} elements, but this optimizer's state has StateLength = {stateLength}.",
            spanName);
}

/// <summary>Writes an optimizer state in <see cref="OptimizerState"/>'s layout. Used by generated code.</summary>
public ref struct StateWriter<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Span<T> _destination;
    private int _position;

    /// <summary>Starts writing at the beginning of <paramref name="destination"/>.</summary>
    public StateWriter(Span<T> destination) => _destination = destination;

    /// <summary>Writes a 64-bit integer exactly.</summary>
    public void WriteInt64(long value)
    {
        int bits = OptimizerState.ChunkBits<T>();
        ulong remaining = unchecked((ulong)value);
        ulong mask = (1UL << bits) - 1;
        for (int i = 0; i < OptimizerState.Int64Slots<T>(); i++)
        {
            _destination[_position++] = T.CreateChecked(remaining & mask);
            remaining >>= bits;
        }
    }

    /// <summary>Writes a double exactly (as its 64 bits).</summary>
    public void WriteDouble(double value) => WriteInt64(BitConverter.DoubleToInt64Bits(value));

    /// <summary>Writes one element.</summary>
    public void Write(T value) => _destination[_position++] = value;

    /// <summary>Writes a buffer.</summary>
    public void Write(scoped ReadOnlySpan<T> values)
    {
        values.CopyTo(_destination[_position..]);
        _position += values.Length;
    }
}

/// <summary>Reads an optimizer state written by <see cref="StateWriter{T}"/>. Used by generated code.</summary>
public ref struct StateReader<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly ReadOnlySpan<T> _source;
    private int _position;

    /// <summary>Starts reading at the beginning of <paramref name="source"/>.</summary>
    public StateReader(ReadOnlySpan<T> source) => _source = source;

    /// <summary>Reads a 64-bit integer written by <see cref="StateWriter{T}.WriteInt64"/>.</summary>
    /// <exception cref="ArgumentException">The elements are not the chunks of a 64-bit integer.</exception>
    public long ReadInt64()
    {
        int bits = OptimizerState.ChunkBits<T>();
        ulong value = 0;
        for (int i = 0; i < OptimizerState.Int64Slots<T>(); i++)
        {
            int index = _position++;
            T chunk = _source[index];
            double asDouble = double.CreateChecked(chunk);
            int chunkBits = Math.Min(bits, 64 - i * bits);
            if (!(asDouble >= 0) || asDouble != Math.Floor(asDouble) || asDouble >= Math.Pow(2, chunkBits))
            {
                throw new ArgumentException(
                    $"Element {index} of the state is {chunk}, which is not part of a saved optimizer state.",
                    "source");
            }

            value |= (ulong)asDouble << (i * bits);
        }

        return unchecked((long)value);
    }

    /// <summary>Reads a double written by <see cref="StateWriter{T}.WriteDouble"/>.</summary>
    public double ReadDouble() => BitConverter.Int64BitsToDouble(ReadInt64());

    /// <summary>Reads one element.</summary>
    public T Read() => _source[_position++];

    /// <summary>Reads a buffer into <paramref name="values"/>.</summary>
    public void Read(scoped Span<T> values)
    {
        _source.Slice(_position, values.Length).CopyTo(values);
        _position += values.Length;
    }
}

/// <summary>Argument checks shared by generated optimizers, kept out of line so <c>Step</c> stays small.</summary>
public static class OptimizerGuards
{
    /// <summary>Throws when a span passed to <c>Step</c> is not <paramref name="parameterCount"/> long.</summary>
    [DoesNotReturn]
    public static void ThrowLengthMismatch(string spanName, int length, int parameterCount) =>
        throw new ArgumentException(
            $"The span '{spanName}' has {length} elements, but this optimizer updates ParameterCount = {parameterCount} parameters.",
            spanName);

    /// <summary>Throws when a constructor is given a parameter count below 1.</summary>
    [DoesNotReturn]
    public static void ThrowParameterCount(int parameterCount) =>
        throw new ArgumentOutOfRangeException(
            nameof(parameterCount), parameterCount, "An optimizer needs at least one parameter.");

    /// <summary>Throws when a loaded state has a negative step count or a learning rate that is not positive and finite.</summary>
    public static void CheckLoadedHeader(long stepCount, double learningRate)
    {
        if (stepCount < 0 || !double.IsFinite(learningRate) || learningRate < 0)
        {
            throw new ArgumentException(
                $"The state holds step count {stepCount} and learning rate {learningRate}; it was not written by SaveState.",
                "source");
        }
    }
}

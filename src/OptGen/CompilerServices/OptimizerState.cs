using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;

namespace OptGen.CompilerServices;

/// <summary>
/// The layout of a saved optimizer state, shared by every generated optimizer. A header — the format tag, the
/// kind, a fingerprint of the compiled-in hyperparameters, the step count and the learning rate — then the
/// per-optimizer scalar state (running powers βᵗ, …), then every per-parameter buffer in declaration order.
/// </summary>
/// <remarks>
/// Each 64-bit header value (and each scalar state, as its 64 bits) is split into small integer chunks that the
/// element type holds exactly (32 bits per <see cref="double"/>, 22 bits per <see cref="float"/>), rather than
/// reinterpreted as a floating-point bit pattern, so a state survives any copy or format that preserves numbers.
/// Saving the scalar state (instead of recomputing βᵗ from the step count) makes loading O(1) whatever the step
/// count says.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class OptimizerState
{
    /// <summary>"OPTG" and the layout's version (3: kind, fingerprint and scalar state in the header).</summary>
    public const long FormatTag = 0x4F50_5447_0003;

    /// <summary>The 64-bit values of the header: format tag, kind, fingerprint, step count, learning rate.</summary>
    private const int HeaderValues = 5;

    /// <summary>How many elements of <typeparamref name="T"/> hold one 64-bit value: 2 for double, 3 for float.</summary>
    public static int Int64Slots<T>() where T : unmanaged, IFloatingPointIeee754<T> => 64 / ChunkBits<T>() + (64 % ChunkBits<T>() == 0 ? 0 : 1);

    /// <summary>The elements before the first buffer: the header and <paramref name="scalarStates"/> scalar states.</summary>
    public static int HeaderLength<T>(int scalarStates) where T : unmanaged, IFloatingPointIeee754<T> => (HeaderValues + scalarStates) * Int64Slots<T>();

    /// <summary>
    /// The length of a whole state: the header, the scalar states and <paramref name="buffers"/> buffers of
    /// <paramref name="parameterCount"/> elements.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The state would not fit in a span (more than <see cref="int.MaxValue"/> elements).</exception>
    public static int StateLength<T>(int scalarStates, int buffers, int parameterCount)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        long length = HeaderLength<T>(scalarStates) + (long)buffers * parameterCount;
        if (length > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(
                nameof(parameterCount),
                parameterCount,
                $"{parameterCount} parameters with {buffers} state buffers need a state of {length} elements, more than a span holds ({int.MaxValue}); use fewer parameters per optimizer.");
        }

        return (int)length;
    }

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

/// <summary>What values a state buffer may hold; <see cref="StateReader{T}"/> refuses a state that breaks it.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum StateDomain
{
    /// <summary>Any finite number (a first moment, a momentum buffer).</summary>
    Finite,

    /// <summary>A finite number ≥ 0 (a second moment, a sum of squares, a step size).</summary>
    NonNegative,
}

/// <summary>Writes an optimizer state in <see cref="OptimizerState"/>'s layout. Used by generated code.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public ref struct StateWriter<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Span<T> _destination;
    private int _position;

    /// <summary>Starts a state in <paramref name="destination"/> with its header.</summary>
    public StateWriter(Span<T> destination, int kind, long fingerprint, long stepCount, double learningRate)
    {
        _destination = destination;
        WriteInt64(OptimizerState.FormatTag);
        WriteInt64(kind);
        WriteInt64(fingerprint);
        WriteInt64(stepCount);
        WriteDouble(learningRate);
    }

    /// <summary>Writes a double exactly (as its 64 bits): a scalar state.</summary>
    public void WriteDouble(double value) => WriteInt64(BitConverter.DoubleToInt64Bits(value));

    /// <summary>Writes one element of a buffer held in fields.</summary>
    public void Write(T value) => _destination[_position++] = value;

    /// <summary>Writes a buffer.</summary>
    public void Write(scoped ReadOnlySpan<T> values)
    {
        values.CopyTo(_destination[_position..]);
        _position += values.Length;
    }

    private void WriteInt64(long value)
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
}

/// <summary>
/// Reads and checks an optimizer state written by <see cref="StateWriter{T}"/>. Used by generated code, which
/// checks every part (header, scalar states, buffers) before it changes anything, so a refused state leaves the
/// optimizer as it was.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public ref struct StateReader<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private const string Source = "source";

    private readonly ReadOnlySpan<T> _source;
    private int _position;

    /// <summary>Reads the header and checks that it was written by an optimizer of this kind and configuration.</summary>
    /// <exception cref="ArgumentException">Not a saved state, another kind's, another configuration's, or an impossible step count or learning rate.</exception>
    public StateReader(ReadOnlySpan<T> source, int kind, long fingerprint)
    {
        _source = source;
        if (ReadInt64() != OptimizerState.FormatTag)
        {
            throw new ArgumentException("The state does not start with OptGen's state header: it was not written by SaveState (or by an older OptGen).", Source);
        }

        long writtenKind = ReadInt64();
        if (writtenKind != kind)
        {
            throw new ArgumentException(
                $"The state was written by a Kind.{KindName(writtenKind)} optimizer; this optimizer is Kind.{KindName(kind)}.", Source);
        }

        if (ReadInt64() != fingerprint)
        {
            throw new ArgumentException(
                $"The state was written by a Kind.{KindName(kind)} optimizer with other compiled-in hyperparameters (betas, eps, weight decay, …); its moments mean something else here.", Source);
        }

        StepCount = ReadInt64();
        LearningRate = ReadDouble();
        if (StepCount < 0 || !double.IsFinite(LearningRate) || LearningRate < 0)
        {
            throw new ArgumentException(
                $"The state holds step count {StepCount} and learning rate {LearningRate}; it was not written by SaveState.", Source);
        }
    }

    /// <summary>Reads the header without checking it against an optimizer (for tests and tools).</summary>
    internal static (long Kind, long Fingerprint, long StepCount, double LearningRate) PeekHeader(ReadOnlySpan<T> source)
    {
        var reader = new StateReader<T>(source, checkHeader: false);
        reader.ReadInt64();
        return (reader.ReadInt64(), reader.ReadInt64(), reader.ReadInt64(), reader.ReadDouble());
    }

    private StateReader(ReadOnlySpan<T> source, bool checkHeader)
    {
        _ = checkHeader;
        _source = source;
    }

    /// <summary>The step count the state was saved at.</summary>
    public long StepCount { get; }

    /// <summary>The learning rate the state was saved with.</summary>
    public double LearningRate { get; }

    /// <summary>Reads a scalar state and checks that it lies in [<paramref name="minimum"/>, <paramref name="maximum"/>].</summary>
    public double ReadScalar(string name, double minimum, double maximum)
    {
        int start = _position;
        double value = ReadDouble();
        if (!(value >= minimum && value <= maximum))
        {
            throw new ArgumentException(
                $"The state's {name} (elements {start}…{_position - 1}) is {value}, outside [{minimum}, {maximum}]; the state is corrupted.", Source);
        }

        return value;
    }

    /// <summary>
    /// Checks buffer <paramref name="index"/> (each buffer <paramref name="length"/> long, after the scalar states)
    /// without reading past it: every element must lie in <paramref name="domain"/>.
    /// </summary>
    public readonly void CheckBuffer(int index, int length, string name, StateDomain domain)
    {
        int start = _position + index * length;
        ReadOnlySpan<T> buffer = _source.Slice(start, length);
        for (int i = 0; i < buffer.Length; i++)
        {
            T value = buffer[i];
            if (!T.IsFinite(value) || (domain == StateDomain.NonNegative && T.IsNegative(value)))
            {
                string expected = domain == StateDomain.NonNegative ? "a finite number ≥ 0" : "a finite number";
                throw new ArgumentException(
                    $"Element {start + i} of the state ({name}, parameter {i}) is {value}, but must be {expected}; the state is corrupted.", Source);
            }
        }
    }

    /// <summary>Reads one element of a buffer held in fields.</summary>
    public T Read() => _source[_position++];

    /// <summary>Reads a buffer into <paramref name="values"/>.</summary>
    public void Read(scoped Span<T> values)
    {
        _source.Slice(_position, values.Length).CopyTo(values);
        _position += values.Length;
    }

    private double ReadDouble() => BitConverter.Int64BitsToDouble(ReadInt64());

    private long ReadInt64()
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
                    $"Element {index} of the state is {chunk}, which is not part of a saved optimizer state.", Source);
            }

            value |= (ulong)asDouble << (i * bits);
        }

        return unchecked((long)value);
    }

    private static string KindName(long kind) =>
        kind is >= int.MinValue and <= int.MaxValue && Enum.IsDefined((Kind)(int)kind) ? ((Kind)(int)kind).ToString() : $"({kind})";
}

/// <summary>Argument checks shared by generated optimizers, kept out of line so <c>Step</c> stays small.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class OptimizerGuards
{
    /// <summary>
    /// Throws when the spans passed to <c>Step</c> are not both <paramref name="parameterCount"/> long, naming the one
    /// that is not. Generated code checks both lengths in one condition and passes no strings: a string argument
    /// would make the JIT keep the lengths alive across the call, which costs every <c>Step</c> a register spill.
    /// </summary>
    [DoesNotReturn]
    public static void ThrowLengthMismatch(int parametersLength, int gradientsLength, int parameterCount)
    {
        (string name, int length) = parametersLength != parameterCount ? ("parameters", parametersLength) : ("gradients", gradientsLength);
        throw new ArgumentException(
            $"The span '{name}' has {length} elements, but this optimizer updates ParameterCount = {parameterCount} parameters.", name);
    }

    /// <summary>Throws when the one span passed to a method (the parameters of <c>Train</c>/<c>Eval</c>, the gradients of a scaled <c>Step</c>) is not <paramref name="parameterCount"/> long.</summary>
    [DoesNotReturn]
    public static void ThrowParametersLengthMismatch(int length, int parameterCount) => ThrowLengthMismatch(length, parameterCount, parameterCount);

    /// <inheritdoc cref="ThrowParametersLengthMismatch"/>
    [DoesNotReturn]
    public static void ThrowGradientsLengthMismatch(int length, int parameterCount) => ThrowLengthMismatch(parameterCount, length, parameterCount);

    /// <summary>Throws when a parameter set passed to <c>Step</c> does not hold <paramref name="parameterCount"/> parameters.</summary>
    [DoesNotReturn]
    public static void ThrowSetLengthMismatch(int totalLength, int parameterCount) =>
        throw new ArgumentException(
            $"The parameter set holds {totalLength} parameters, but this optimizer updates ParameterCount = {parameterCount} parameters.",
            "parameters");

    /// <summary>Throws when a constructor is given a parameter count below 1.</summary>
    [DoesNotReturn]
    public static void ThrowParameterCount(int parameterCount) =>
        throw new ArgumentOutOfRangeException(
            nameof(parameterCount), parameterCount, "An optimizer needs at least one parameter.");

    /// <summary>Throws when <c>Step</c> is called on a train/eval optimizer in evaluation mode.</summary>
    [DoesNotReturn]
    public static void ThrowNotTraining(string typeName) =>
        throw new InvalidOperationException(
            $"{typeName} is in evaluation mode: call Train(parameters) before Step, and Eval(parameters) before evaluating or saving, as with the reference's optimizer.train() and optimizer.eval().");

    /// <summary>Throws when a struct optimizer made with <c>default</c> (or as an array element) is used.</summary>
    [DoesNotReturn]
    public static void ThrowNotConstructed(string typeName) =>
        throw new InvalidOperationException(
            $"This {typeName} was made with default (or as an array element) and has no learning rate or state; create it with new {typeName}().");
}

using System.Numerics;

namespace OptGen;

// Ways to build a parameter set besides pairs of Memory<T>: a model's flat arrays cut into its buffers, and
// buffers placed at chosen offsets of the optimizer's state (a step that leaves some buffers out).
public sealed partial class ParameterSet<T>
{
    private string[]? _names;

    /// <summary>The name of buffer <paramref name="index"/> (<c>layer0.weight</c>), or its number when the set was built without names.</summary>
    public string Name(int index) => _names?[index] ?? index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// A set over a model's flat parameter and gradient arrays cut into its buffers: buffer k is
    /// <c>parameters[offsets[k] .. offsets[k] + lengths[k])</c>, and likewise for the gradients. The buffers are
    /// views of the arrays, not copies, and lie in the optimizer's state in the order given.
    /// </summary>
    /// <exception cref="ArgumentException">The arrays differ in length, or a buffer lies outside them.</exception>
    public static ParameterSet<T> Slices(T[] parameters, T[] gradients, IReadOnlyList<(string Name, int Offset, int Length)> buffers)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(gradients);
        ArgumentNullException.ThrowIfNull(buffers);
        if (parameters.Length != gradients.Length)
        {
            throw new ArgumentException($"There are {parameters.Length} parameters but {gradients.Length} gradients; they must be equally many.", nameof(gradients));
        }

        var pairs = new (Memory<T>, Memory<T>)[buffers.Count];
        for (int k = 0; k < buffers.Count; k++)
        {
            (string name, int offset, int length) = buffers[k];
            if (offset < 0 || length < 0 || (long)offset + length > parameters.Length)
            {
                throw new ArgumentException($"Buffer {k} ('{name}') is elements [{offset}, {(long)offset + length}), outside the {parameters.Length} parameters.", nameof(buffers));
            }

            pairs[k] = (parameters.AsMemory(offset, length), gradients.AsMemory(offset, length));
        }

        return new ParameterSet<T>(pairs) { _names = [.. buffers.Select(b => b.Name)] };
    }

    /// <summary>
    /// A set whose buffers sit at the given offsets of an optimizer's state of <paramref name="stateLength"/>
    /// elements, with gaps allowed: a step over it updates those buffers and their state, and leaves the state of
    /// everything in the gaps as it is — how a step skips parameters that have no gradient this time, as torch does.
    /// <see cref="TotalLength"/> is <paramref name="stateLength"/> (the optimizer's <c>ParameterCount</c>).
    /// Gaps are left alone by optimizers sized by their constructor (no <c>Params</c>), which step buffer by buffer; a
    /// <c>Params = N</c> optimizer (a few parameters, straight-line code) steps its whole state, the gaps with a zero gradient.
    /// </summary>
    /// <exception cref="ArgumentException">No buffers, an empty buffer or a pair of different lengths, or buffers that overlap, are out of order or run past <paramref name="stateLength"/>.</exception>
    public static ParameterSet<T> AtOffsets(int stateLength, IReadOnlyList<(string Name, int Offset, Memory<T> Parameters, Memory<T> Gradients)> buffers)
    {
        ArgumentNullException.ThrowIfNull(buffers);
        var pairs = new (Memory<T>, Memory<T>)[buffers.Count];
        for (int k = 0; k < buffers.Count; k++)
        {
            pairs[k] = (buffers[k].Parameters, buffers[k].Gradients);
        }

        var set = new ParameterSet<T>(pairs) { _names = [.. buffers.Select(b => b.Name)] };
        int end = 0;
        for (int k = 0; k < buffers.Count; k++)
        {
            int offset = buffers[k].Offset;
            if (offset < end)
            {
                throw new ArgumentException($"Buffer {k} ('{buffers[k].Name}') starts at {offset}, inside the buffer before it (which ends at {end}); buffers go in order without overlapping.", nameof(buffers));
            }

            set._offsets[k] = offset;
            end = offset + buffers[k].Parameters.Length;
            if (end > stateLength)
            {
                throw new ArgumentException($"Buffer {k} ('{buffers[k].Name}') ends at {end}, past the state's {stateLength} elements.", nameof(buffers));
            }
        }

        set.TotalLength = stateLength;
        return set;
    }
}

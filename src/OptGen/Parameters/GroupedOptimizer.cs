using System.Numerics;
using OptGen.Models;

namespace OptGen;

/// <summary>
/// Parameter groups over a model's flat parameter span, as one <see cref="IOptimizer{T}"/> — so the runtime's
/// <see cref="Training.Trainer{T, TModel, TOptimizer}"/> (and anything else that steps a flat span) trains with groups.
/// Each group is some of the model's <see cref="ParameterBuffer"/>s (e.g. the weights, or the biases) with its own
/// generated optimizer and learning-rate multiplier; see <see cref="ParameterGroups{T}"/> for what a step does.
/// </summary>
/// <remarks>
/// <see cref="LearningRate"/> is the base rate (what a schedule sets). During a <see cref="Step(Span{T}, ReadOnlySpan{T})"/>
/// the spans are pinned and each group's buffers are views of them; nothing is copied or allocated. Parameters in no
/// group are left as they are (frozen).
/// </remarks>
/// <typeparam name="T">The element type.</typeparam>
public sealed class GroupedOptimizer<T> : IOptimizer<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    // The header of SaveState: the base learning rate's 64 bits as four 16-bit numbers (exact in float and double).
    private const int HeaderLength = 4;

    private readonly List<(ParameterBuffer Buffer, UnmanagedMemory<T> Parameters, UnmanagedMemory<T> Gradients)> _views = [];
    private readonly bool[] _covered;
    private readonly double _initialRate;

    /// <summary>Groups over a model of <paramref name="parameterCount"/> parameters at base rate <paramref name="learningRate"/>, clipping the global gradient norm to <paramref name="maxGradientNorm"/> if given.</summary>
    public GroupedOptimizer(int parameterCount, double learningRate, double? maxGradientNorm = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(parameterCount);
        ParameterCount = parameterCount;
        Groups = new ParameterGroups<T>(learningRate) { MaxGradientNorm = maxGradientNorm };
        _covered = new bool[parameterCount];
        _initialRate = learningRate;
    }

    /// <summary>
    /// The usual split of torch's <c>param_groups</c>: <paramref name="weights"/> steps every weight buffer of
    /// <paramref name="model"/> and <paramref name="biases"/> every bias (typically the same kind without weight decay).
    /// </summary>
    public static GroupedOptimizer<T> WeightsAndBiases<TModel>(
        TModel model, IOptimizer<T> weights, IOptimizer<T> biases, double learningRate, double biasLearningRateMultiplier = 1, double? maxGradientNorm = null)
        where TModel : IModel<T>, IParameterLayout
    {
        ArgumentNullException.ThrowIfNull(model);
        var grouped = new GroupedOptimizer<T>(model.ParameterCount, learningRate, maxGradientNorm);
        grouped.Add(weights, model.ParameterBuffers.Where(b => b.Role == ParameterRole.Weight), name: "weights");
        grouped.Add(biases, model.ParameterBuffers.Where(b => b.Role == ParameterRole.Bias), biasLearningRateMultiplier, "biases");
        return grouped;
    }

    /// <summary>The groups.</summary>
    public ParameterGroups<T> Groups { get; }

    /// <inheritdoc/>
    public int ParameterCount { get; }

    /// <summary>The base learning rate: group g steps at this × its multiplier.</summary>
    public double LearningRate
    {
        get => Groups.LearningRate;
        set => Groups.LearningRate = value;
    }

    /// <inheritdoc/>
    public long StepCount => Groups.Groups.Count == 0 ? 0 : Groups.Groups[0].Optimizer.StepCount;

    /// <inheritdoc/>
    public int StateLength => HeaderLength + Groups.Groups.Sum(g => g.Optimizer.StateLength);

    /// <summary>
    /// Adds a group: <paramref name="optimizer"/> (sized to the buffers' total length) steps <paramref name="buffers"/>,
    /// in the order given, at the base rate × <paramref name="learningRateMultiplier"/>.
    /// </summary>
    /// <exception cref="ArgumentException">A buffer lies outside the model or in another group, or the optimizer's size is not the buffers'.</exception>
    public ParameterGroup<T> Add(IOptimizer<T> optimizer, IEnumerable<ParameterBuffer> buffers, double learningRateMultiplier = 1, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(buffers);
        name ??= $"group {Groups.Groups.Count}";
        var pairs = new List<(Memory<T>, Memory<T>)>();
        var added = new List<ParameterBuffer>();
        foreach (ParameterBuffer buffer in buffers)
        {
            if (buffer.Offset < 0 || buffer.Length <= 0 || (long)buffer.Offset + buffer.Length > ParameterCount)
            {
                throw new ArgumentException($"Group '{name}': buffer '{buffer.Name}' is elements [{buffer.Offset}, {(long)buffer.Offset + buffer.Length}), not a non-empty part of the {ParameterCount} parameters.", nameof(buffers));
            }

            if (Array.IndexOf(_covered, true, buffer.Offset, buffer.Length) >= 0 || added.Exists(b => Overlap(b, buffer)))
            {
                throw new ArgumentException($"Group '{name}': buffer '{buffer.Name}' overlaps a buffer already in a group; each parameter belongs to one group.", nameof(buffers));
            }

            added.Add(buffer);
            unsafe
            {
                var parameters = new UnmanagedMemory<T>(null, buffer.Length);
                var gradients = new UnmanagedMemory<T>(null, buffer.Length);
                _views.Add((buffer, parameters, gradients));
                pairs.Add((parameters.Memory, gradients.Memory));
            }
        }

        if (pairs.Count == 0)
        {
            throw new ArgumentException($"Group '{name}' has no buffers.", nameof(buffers));
        }

        ParameterGroup<T> group;
        try
        {
            group = Groups.Add(optimizer, new ParameterSet<T>([.. pairs]), learningRateMultiplier, name);
        }
        catch (ArgumentException)
        {
            _views.RemoveRange(_views.Count - pairs.Count, pairs.Count);
            throw;
        }

        foreach (ParameterBuffer buffer in added)
        {
            Array.Fill(_covered, true, buffer.Offset, buffer.Length);
        }

        return group;
    }

    /// <inheritdoc/>
    public void Step(Span<T> parameters, ReadOnlySpan<T> gradients) => Step(parameters, gradients, T.One);

    /// <summary>Steps every group over views of the flat spans, every gradient × <paramref name="gradientScale"/> (and the clipping coefficient).</summary>
    /// <exception cref="ArgumentException">A span's length is not <see cref="ParameterCount"/>.</exception>
    public unsafe void Step(Span<T> parameters, ReadOnlySpan<T> gradients, T gradientScale)
    {
        CheckLength(parameters.Length, nameof(parameters));
        CheckLength(gradients.Length, nameof(gradients));
        fixed (T* p = parameters)
        fixed (T* g = gradients)
        {
            foreach ((ParameterBuffer buffer, UnmanagedMemory<T> parameterView, UnmanagedMemory<T> gradientView) in _views)
            {
                parameterView.Rebind(p + buffer.Offset);
                gradientView.Rebind(g + buffer.Offset);
            }

            try
            {
                Groups.Step(gradientScale);
            }
            finally
            {
                // The spans are pinned only inside this call: no view may outlive it.
                foreach ((_, UnmanagedMemory<T> parameterView, UnmanagedMemory<T> gradientView) in _views)
                {
                    parameterView.Rebind(null);
                    gradientView.Rebind(null);
                }
            }
        }
    }

    /// <summary>Steps a set of one buffer holding the whole model, as <see cref="Step(Span{T}, ReadOnlySpan{T})"/>.</summary>
    /// <exception cref="NotSupportedException">The set has several buffers: the groups are cut from one flat span; step <see cref="Groups"/> over sets of their own instead.</exception>
    public void Step(ParameterSet<T> parameters) => Step(parameters, T.One);

    /// <summary>Steps a set of one buffer holding the whole model, every gradient × <paramref name="gradientScale"/>.</summary>
    /// <exception cref="NotSupportedException">The set has several buffers (see <see cref="Step(ParameterSet{T})"/>).</exception>
    public void Step(ParameterSet<T> parameters, T gradientScale)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Count != 1 || parameters.Offset(0) != 0)
        {
            throw new NotSupportedException(
                $"A grouped optimizer cuts its groups from one flat span of {ParameterCount} parameters, not from a set of {parameters.Count} buffers; "
                + "step it with the flat span, or give each group a ParameterSet of its own (ParameterGroups<T>).");
        }

        Step(parameters.Parameters(0), parameters.Gradients(0), gradientScale);
    }

    /// <inheritdoc/>
    public void Reset()
    {
        Groups.Reset();
        LearningRate = _initialRate;
    }

    /// <inheritdoc/>
    public void SaveState(Span<T> destination)
    {
        CheckStateLength(destination.Length, nameof(destination));
        ulong bits = BitConverter.DoubleToUInt64Bits(LearningRate);
        for (int i = 0; i < HeaderLength; i++)
        {
            destination[i] = T.CreateChecked((bits >> (16 * i)) & 0xFFFF);
        }

        int offset = HeaderLength;
        foreach (ParameterGroup<T> group in Groups.Groups)
        {
            group.Optimizer.SaveState(destination.Slice(offset, group.Optimizer.StateLength));
            offset += group.Optimizer.StateLength;
        }
    }

    /// <inheritdoc/>
    public void LoadState(ReadOnlySpan<T> source)
    {
        CheckStateLength(source.Length, nameof(source));
        ulong bits = 0;
        for (int i = 0; i < HeaderLength; i++)
        {
            if (!T.IsInteger(source[i]) || source[i] < T.Zero || source[i] > T.CreateChecked(0xFFFF))
            {
                throw new ArgumentException($"Element {i} of the state is {source[i]}, not part of a grouped optimizer's header.", nameof(source));
            }

            bits |= ulong.CreateChecked(source[i]) << (16 * i);
        }

        // All or nothing: if a group refuses its part, the groups loaded before it are put back.
        var previous = new T[StateLength];
        SaveState(previous);
        int offset = HeaderLength;
        try
        {
            foreach (ParameterGroup<T> group in Groups.Groups)
            {
                group.Optimizer.LoadState(source.Slice(offset, group.Optimizer.StateLength));
                offset += group.Optimizer.StateLength;
            }
        }
        catch (ArgumentException)
        {
            offset = HeaderLength;
            foreach (ParameterGroup<T> group in Groups.Groups)
            {
                group.Optimizer.LoadState(previous.AsSpan(offset, group.Optimizer.StateLength));
                offset += group.Optimizer.StateLength;
            }

            throw;
        }

        LearningRate = BitConverter.UInt64BitsToDouble(bits);
    }

    private static bool Overlap(ParameterBuffer a, ParameterBuffer b) =>
        a.Offset < b.Offset + b.Length && b.Offset < a.Offset + a.Length;

    private void CheckLength(int length, string name)
    {
        if (length != ParameterCount)
        {
            throw new ArgumentException($"The span '{name}' has {length} elements, but the grouped optimizer steps {ParameterCount}.", name);
        }
    }

    private void CheckStateLength(int length, string name)
    {
        if (length != StateLength)
        {
            throw new ArgumentException($"The state span '{name}' has {length} elements, but this grouped optimizer's state has {StateLength}.", name);
        }
    }
}

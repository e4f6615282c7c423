using System.Numerics;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace OptGen.TorchSharp;

/// <summary>
/// A TorchSharp model's parameters as one <see cref="ParameterSet{T}"/> over the tensors' own CPU memory, so that a
/// generated optimizer steps them in place — no copies — reading each parameter's <c>.grad</c>, as
/// <c>torch.optim</c>'s <c>step()</c> does.
/// </summary>
/// <remarks>
/// <para>Build it once, after the model is on the CPU in its final dtype; size the optimizer by
/// <see cref="TotalLength"/>. Each <see cref="Step{TOptimizer}(TOptimizer)"/> reads the gradients where they are now (a
/// <c>zero_grad(set_to_none)</c> followed by <c>backward()</c> puts them in new tensors) and steps every parameter in
/// one multi-buffer call. Apart from the managed wrappers TorchSharp itself creates for <c>.grad</c>, a step allocates
/// nothing.</para>
/// <para>As torch, a parameter without a gradient is skipped: it and its optimizer state stay as they are. The one
/// difference: a generated optimizer keeps one step count for all its buffers, where torch keeps one per parameter,
/// so in the Adam family the bias correction of a parameter that skipped steps follows the optimizer's count. A
/// parameter that does not require a gradient (frozen) is left out of the set altogether.</para>
/// <para>Refused with an <see cref="ArgumentException"/> naming the parameter: tensors that are not on the CPU, not
/// contiguous, or not of the element type <typeparamref name="T"/>.</para>
/// </remarks>
/// <typeparam name="T"><see cref="float"/> for float32 models, <see cref="double"/> for float64.</typeparam>
public sealed class TorchParameters<T> : IDisposable
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Entry[] _entries;
    private readonly ParameterSet<T> _all;
    private readonly bool[] _present;
    private readonly Dictionary<string, ParameterSet<T>> _partialSets = [];
    private bool _disposed;

    private TorchParameters(Entry[] entries)
    {
        _entries = entries;
        _present = new bool[entries.Length];
        var pairs = new (string, int, Memory<T>, Memory<T>)[entries.Length];
        int offset = 0;
        for (int k = 0; k < entries.Length; k++)
        {
            pairs[k] = (entries[k].Name, offset, entries[k].Data.Memory, entries[k].Gradient.Memory);
            entries[k].Offset = offset;
            offset = checked(offset + entries[k].Data.Length);
        }

        _all = ParameterSet<T>.AtOffsets(offset, pairs);
        TotalLength = offset;
    }

    /// <summary>The parameters of <paramref name="module"/> that require a gradient, in <c>named_parameters()</c> order.</summary>
    /// <exception cref="ArgumentException">A parameter is not on the CPU, not contiguous, or not of type <typeparamref name="T"/>; or there is none.</exception>
    public static TorchParameters<T> From(nn.Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        return From(module.named_parameters());
    }

    /// <summary>The named parameters that require a gradient, in the order given (as <c>named_parameters()</c> yields them).</summary>
    /// <exception cref="ArgumentException">A parameter is not on the CPU, not contiguous, or not of type <typeparamref name="T"/>; a name repeats; or there is none.</exception>
    public static TorchParameters<T> From(IEnumerable<(string Name, Parameter Parameter)> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var entries = new List<Entry>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach ((string name, Parameter parameter) in parameters)
        {
            ArgumentNullException.ThrowIfNull(parameter, name);
            if (!names.Add(name))
            {
                throw new ArgumentException($"The parameter name '{name}' appears twice; each parameter is stepped once.", nameof(parameters));
            }

            if (!parameter.requires_grad || parameter.numel() == 0)
            {
                continue; // frozen (never has a gradient) or empty: nothing to step
            }

            TensorChecks.SteppableInPlace<T>(parameter, name, "parameter");
            var entry = new Entry(name, parameter);
            if (entries.Find(e => Overlaps(e.Data, entry.Data)) is { } shared)
            {
                throw new ArgumentException(
                    $"The parameter '{name}' shares its memory with '{shared.Name}' (tied weights, or the same tensor twice); give each tensor once, or it would be stepped twice.",
                    nameof(parameters));
            }

            entries.Add(entry);
        }

        if (entries.Count == 0)
        {
            throw new ArgumentException("None of the parameters requires a gradient (or all are empty); there is nothing to step.", nameof(parameters));
        }

        return new TorchParameters<T>([.. entries]);
    }

    /// <summary>Parameters named by their position (<c>0</c>, <c>1</c>, …), as <c>module.parameters()</c> yields them.</summary>
    /// <exception cref="ArgumentException">See <see cref="From(IEnumerable{ValueTuple{string, Parameter}})"/>.</exception>
    public static TorchParameters<T> From(IEnumerable<Parameter> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return From(parameters.Select((p, i) => (i.ToString(System.Globalization.CultureInfo.InvariantCulture), p)));
    }

    /// <summary>The number of parameter tensors stepped.</summary>
    public int Count => _entries.Length;

    /// <summary>The number of elements in all of them: the optimizer's <c>ParameterCount</c>.</summary>
    public int TotalLength { get; }

    /// <summary>
    /// The set of every parameter, for adding to <see cref="ParameterGroups{T}"/> before the first gradient exists; its
    /// gradients are the ones the last <see cref="Bind"/> read.
    /// </summary>
    public ParameterSet<T> All => _all;

    /// <summary>The name of parameter <paramref name="index"/>.</summary>
    public string Name(int index) => _entries[index].Name;

    /// <summary>Parameter <paramref name="index"/> (the model's own tensor).</summary>
    public Parameter this[int index] => _entries[index].Parameter;

    /// <summary>Where parameter <paramref name="index"/> starts in the optimizer's state.</summary>
    public int Offset(int index) => _entries[index].Offset;

    /// <summary>
    /// Reads every parameter's <c>.grad</c> as it is now and returns the set to step: all parameters, or — when some
    /// have no gradient — only those that have one, at their places in the optimizer's state; null when none has one.
    /// For stepping several sets as parameter groups (<see cref="ParameterGroups{T}"/>); <see cref="Step{TOptimizer}(TOptimizer)"/> does this itself.
    /// </summary>
    /// <exception cref="ArgumentException">A gradient is not on the CPU, not contiguous, of another type, or of another size than its parameter.</exception>
    public unsafe ParameterSet<T>? Bind()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        int present = 0;
        for (int k = 0; k < _entries.Length; k++)
        {
            Entry entry = _entries[k];
            using Tensor? gradient = entry.Parameter.grad;
            _present[k] = gradient is not null;
            if (gradient is null)
            {
                continue;
            }

            TensorChecks.SteppableInPlace<T>(gradient, entry.Name, "gradient");
            if (gradient.numel() != entry.Data.Length)
            {
                throw new ArgumentException($"The gradient of '{entry.Name}' has {gradient.numel()} elements, its parameter {entry.Data.Length}.", nameof(Bind));
            }

            // The parameter's storage too, in case the model replaced it in place of the same size.
            TensorChecks.SteppableInPlace<T>(entry.Parameter, entry.Name, "parameter");
            entry.Data.Rebind(TensorChecks.AddressOf<T>(entry.Parameter));
            entry.Gradient.Rebind(TensorChecks.AddressOf<T>(gradient));
            present++;
        }

        return present == _entries.Length ? _all : present == 0 ? null : PartialSet();
    }

    /// <summary>Steps every parameter that has a gradient with <paramref name="optimizer"/>; returns false (and steps nothing) when none has one.</summary>
    /// <exception cref="ArgumentException">The optimizer is not sized <see cref="TotalLength"/>, or a gradient cannot be read in place.</exception>
    public bool Step<TOptimizer>(TOptimizer optimizer)
        where TOptimizer : class, IOptimizer<T>
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        return Step(ref optimizer);
    }

    /// <summary>Steps every parameter that has a gradient with a (struct) <paramref name="optimizer"/>; returns false when none has one.</summary>
    /// <exception cref="ArgumentException">The optimizer is not sized <see cref="TotalLength"/>, or a gradient cannot be read in place.</exception>
    public bool Step<TOptimizer>(ref TOptimizer optimizer)
        where TOptimizer : IOptimizer<T>
    {
        CheckSize(optimizer.ParameterCount);
        if (Bind() is not { } set)
        {
            return false;
        }

        optimizer.Step(set);
        return true;
    }

    /// <summary>Clears the gradients as <c>optimizer.zero_grad(set_to_none)</c>: to none (the default, as torch 2), or to zero in place.</summary>
    public void ZeroGrad(bool setToNone = true)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        foreach (Entry entry in _entries)
        {
            if (setToNone)
            {
                entry.Parameter.grad = null;
            }
            else
            {
                using Tensor? gradient = entry.Parameter.grad;
                gradient?.zero_();
            }
        }
    }

    /// <summary>Forgets the tensors' addresses (the tensors belong to the model and are not disposed).</summary>
    public unsafe void Dispose()
    {
        _disposed = true;
        foreach (Entry entry in _entries)
        {
            entry.Data.Rebind(null);
            entry.Gradient.Rebind(null);
        }
    }

    private static unsafe bool Overlaps(UnmanagedMemory<T> a, UnmanagedMemory<T> b) =>
        a.Pointer < b.Pointer + b.Length && b.Pointer < a.Pointer + a.Length;

    private void CheckSize(int parameterCount)
    {
        if (parameterCount != TotalLength)
        {
            throw new ArgumentException(
                $"The optimizer steps {parameterCount} parameters, but these {Count} tensors hold {TotalLength}; create it with ParameterCount = TotalLength.", "optimizer");
        }
    }

    // The parameters that have a gradient this step, at their own offsets; built once per pattern of missing gradients.
    private ParameterSet<T> PartialSet()
    {
        string key = string.Create(_present.Length, _present, static (chars, present) =>
        {
            for (int k = 0; k < chars.Length; k++)
            {
                chars[k] = present[k] ? '1' : '0';
            }
        });
        if (!_partialSets.TryGetValue(key, out ParameterSet<T>? set))
        {
            var buffers = new List<(string, int, Memory<T>, Memory<T>)>();
            for (int k = 0; k < _entries.Length; k++)
            {
                if (_present[k])
                {
                    buffers.Add((_entries[k].Name, _entries[k].Offset, _entries[k].Data.Memory, _entries[k].Gradient.Memory));
                }
            }

            set = ParameterSet<T>.AtOffsets(TotalLength, buffers);
            _partialSets.Add(key, set);
        }

        return set;
    }

    private sealed unsafe class Entry
    {
        public Entry(string name, Parameter parameter)
        {
            Name = name;
            Parameter = parameter;
            int length = (int)parameter.numel();
            Data = new UnmanagedMemory<T>(TensorChecks.AddressOf<T>(parameter), length);
            Gradient = new UnmanagedMemory<T>(null, length);
        }

        public string Name { get; }

        public Parameter Parameter { get; }

        public UnmanagedMemory<T> Data { get; }

        public UnmanagedMemory<T> Gradient { get; }

        public int Offset { get; set; }
    }
}

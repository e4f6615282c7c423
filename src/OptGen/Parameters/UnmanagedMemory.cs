using System.Buffers;

namespace OptGen;

/// <summary>
/// Memory that is not on the managed heap — a native framework's tensor, a memory-mapped file — as a
/// <see cref="Memory{T}"/>, so that a <see cref="ParameterSet{T}"/> can step it in place without copying. The address
/// can be moved with <see cref="Rebind"/> (a framework that replaces a gradient tensor), and every
/// <see cref="Memory{T}"/> made from this manager then sees the new place: nothing is allocated per step.
/// </summary>
/// <remarks>
/// The owner of the memory keeps it alive and in place while it is used here; this class neither frees nor pins it.
/// </remarks>
/// <typeparam name="T">The element type.</typeparam>
public sealed unsafe class UnmanagedMemory<T> : MemoryManager<T>
    where T : unmanaged
{
    private T* _pointer;

    /// <summary>Memory of <paramref name="length"/> elements at <paramref name="pointer"/> (null: not yet bound; <see cref="Rebind"/> before use).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is negative.</exception>
    public UnmanagedMemory(T* pointer, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        _pointer = pointer;
        Length = length;
    }

    /// <summary>The number of elements.</summary>
    public int Length { get; }

    /// <summary>Where the elements are now (null while unbound).</summary>
    public T* Pointer => _pointer;

    /// <summary>Points this memory (and every <see cref="Memory{T}"/> made from it) at <paramref name="pointer"/>; the length stays.</summary>
    public void Rebind(T* pointer) => _pointer = pointer;

    /// <summary>The memory, usable while this manager is bound (its length is fixed; its address follows <see cref="Rebind"/>).</summary>
    public override Memory<T> Memory => CreateMemory(Length);

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">The memory is not bound to an address.</exception>
    public override Span<T> GetSpan()
    {
        if (_pointer is null && Length > 0)
        {
            throw new InvalidOperationException($"This memory of {Length} elements is not bound to an address; call Rebind first.");
        }

        return new Span<T>(_pointer, Length);
    }

    /// <inheritdoc/>
    public override MemoryHandle Pin(int elementIndex = 0)
    {
        if ((uint)elementIndex > (uint)Length)
        {
            throw new ArgumentOutOfRangeException(nameof(elementIndex), elementIndex, $"The memory has {Length} elements.");
        }

        return new MemoryHandle(_pointer + elementIndex);
    }

    /// <inheritdoc/>
    public override void Unpin()
    {
        // Unmanaged memory does not move.
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing) => _pointer = null;
}

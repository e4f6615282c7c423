using System.ComponentModel;
using System.Numerics;

namespace OptGen.CompilerServices;

/// <summary>
/// Splits a step across the machine's cores: the parameter range is cut into one chunk per core, each a
/// whole number of 64-byte cache lines (so no two cores write the same line), the calling thread takes the
/// first and <see cref="StepWorkers"/> the rest. Every element is updated by the same code as a
/// single-threaded step, so the results are the same bit for bit. Nothing is allocated per step.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed unsafe class ParallelStep<T> : IParallelWork
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>
    /// Below this many parameters a step runs on the calling thread alone: waking the other cores costs a few
    /// microseconds, more than they would save.
    /// </summary>
    public const int MinimumParallelLength = 1 << 15;

    private static readonly int s_elementsPerCacheLine = 64 / sizeof(T);

    private readonly IRangeStep<T> _target;
    private T* _parameters;
    private T* _gradients;
    private int _length;
    private int _chunkLength;
    private int _busy;

    /// <summary>Creates the splitter for one optimizer.</summary>
    public ParallelStep(IRangeStep<T> target) => _target = target ?? throw new ArgumentNullException(nameof(target));

    /// <summary>Runs <see cref="IRangeStep{T}.StepRange"/> over the whole range, split across the cores.</summary>
    /// <exception cref="InvalidOperationException">Another thread is running a step of the same optimizer.</exception>
    public void Run(Span<T> parameters, ReadOnlySpan<T> gradients)
    {
        // The pointers below live in this object while the workers run. A second thread stepping the same
        // optimizer would overwrite them under the first one's workers; refuse it instead of corrupting memory.
        if (Interlocked.Exchange(ref _busy, 1) != 0)
        {
            throw new InvalidOperationException(
                "Two threads called Step on the same optimizer at once. A generated optimizer is not thread-safe: give each thread its own, or serialize the calls.");
        }

        try
        {
            RunExclusive(parameters, gradients);
        }
        finally
        {
            Volatile.Write(ref _busy, 0);
        }
    }

    private void RunExclusive(Span<T> parameters, ReadOnlySpan<T> gradients)
    {
        int chunks = StepWorkers.Shared.ChunkCount;
        if (parameters.Length < MinimumParallelLength || chunks == 1)
        {
            _target.StepRange(parameters, gradients, 0, parameters.Length);
            return;
        }

        int lines = (parameters.Length + s_elementsPerCacheLine - 1) / s_elementsPerCacheLine;
        fixed (T* parameterPointer = parameters)
        fixed (T* gradientPointer = gradients)
        {
            _parameters = parameterPointer;
            _gradients = gradientPointer;
            _length = parameters.Length;
            _chunkLength = (lines + chunks - 1) / chunks * s_elementsPerCacheLine;
            try
            {
                StepWorkers.Shared.Run(this);
            }
            finally
            {
                // The pointers are valid only inside 'fixed'; never leave them behind.
                _parameters = null;
                _gradients = null;
            }
        }
    }

    void IParallelWork.RunChunk(int index)
    {
        int start = Math.Min(index * _chunkLength, _length);
        int end = Math.Min(start + _chunkLength, _length);
        if (start < end)
        {
            _target.StepRange(new Span<T>(_parameters, _length), new ReadOnlySpan<T>(_gradients, _length), start, end);
        }
    }
}

using System.ComponentModel;

namespace OptGen.CompilerServices;

/// <summary>A piece of work split into numbered chunks.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IParallelWork
{
    /// <summary>Runs chunk <paramref name="index"/>.</summary>
    void RunChunk(int index);
}

/// <summary>
/// Long-lived background threads, one per core beyond the first, that run chunks of a parallel step. A step
/// hands them work through events that spin briefly before blocking, so consecutive steps cost no thread
/// start and no allocation.
/// </summary>
/// <remarks>
/// The caller waits for the workers on a counter and a monitor it owns rather than on a
/// <see cref="CountdownEvent"/>: the slim events allocate their lock object the first time a wait outlasts
/// the spin, which would make an unlucky step allocate.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class StepWorkers
{
    /// <summary>The process-wide workers: <see cref="Environment.ProcessorCount"/> − 1 threads.</summary>
    public static StepWorkers Shared { get; } = new(Environment.ProcessorCount - 1);

    /// <summary>How long the caller spins (and yields) before blocking: what a slim event spins on a multicore machine.</summary>
    private const int SpinsBeforeBlocking = 35;

    private readonly Lock _gate = new();
    private readonly ManualResetEventSlim[] _start;
    private readonly object _doneGate = new();
    private int _running;
    private IParallelWork? _work;
    private Exception? _failure;

    /// <summary>Starts <paramref name="workerCount"/> workers. Internal so tests can have fresh ones; their threads never end.</summary>
    internal StepWorkers(int workerCount)
    {
        _start = new ManualResetEventSlim[Math.Max(0, workerCount)];
        for (int worker = 0; worker < _start.Length; worker++)
        {
            _start[worker] = new ManualResetEventSlim(false, spinCount: 2000);
            int chunk = worker + 1;
            var thread = new Thread(() => WorkerLoop(chunk)) { IsBackground = true, Name = $"OptGen step worker {chunk}" };
            thread.Start();
        }
    }

    /// <summary>How many chunks <see cref="Run"/> runs: one per worker, and one on the calling thread.</summary>
    public int ChunkCount => _start.Length + 1;

    /// <summary>
    /// Runs chunks 0 … <see cref="ChunkCount"/> − 1 of <paramref name="work"/> at once: chunk 0 on the calling
    /// thread, chunk k on worker k. Returns when all have finished.
    /// </summary>
    public void Run(IParallelWork work)
    {
        int helpers = _start.Length;
        lock (_gate)
        {
            _work = work;
            _failure = null;
            if (helpers > 0)
            {
                Volatile.Write(ref _running, helpers);
                for (int worker = 0; worker < helpers; worker++)
                {
                    _start[worker].Set();
                }
            }

            try
            {
                work.RunChunk(0);
            }
            finally
            {
                WaitForWorkers();
                _work = null;
            }

            if (_failure is not null)
            {
                throw new AggregateException("A parallel optimizer step failed on a worker thread.", _failure);
            }
        }
    }

    private void WorkerLoop(int chunk)
    {
        ManualResetEventSlim start = _start[chunk - 1];
        while (true)
        {
            start.Wait();
            start.Reset();
            try
            {
                _work!.RunChunk(chunk);
            }
            catch (Exception exception)
            {
                _failure = exception;
            }
            finally
            {
                if (Interlocked.Decrement(ref _running) == 0)
                {
                    lock (_doneGate)
                    {
                        Monitor.PulseAll(_doneGate);
                    }
                }
            }
        }
    }

    /// <summary>Spins while the workers are likely to finish soon, then blocks until the last one has.</summary>
    private void WaitForWorkers()
    {
        SpinWait spinner = default;
        while (Volatile.Read(ref _running) != 0)
        {
            if (spinner.Count < SpinsBeforeBlocking)
            {
                spinner.SpinOnce(sleep1Threshold: -1);
                continue;
            }

            lock (_doneGate)
            {
                // The last worker pulses while holding the gate, so checking under it cannot miss the pulse.
                while (Volatile.Read(ref _running) != 0)
                {
                    Monitor.Wait(_doneGate);
                }
            }
        }
    }
}

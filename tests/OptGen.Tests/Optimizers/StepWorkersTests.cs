using Xunit;

namespace OptGen.Tests.Optimizers;

/// <summary>
/// The thread hand-off under a parallel step. Its waits must not allocate, including the first time the calling
/// thread outwaits its spin and blocks — timing a test machine cannot be relied on to avoid.
/// </summary>
public sealed class StepWorkersTests
{
    [Fact]
    public void Run_runs_every_chunk_exactly_once()
    {
        var work = new CountingWork(StepWorkers.Shared.ChunkCount, slowChunkDelay: TimeSpan.Zero);

        for (int round = 1; round <= 50; round++)
        {
            StepWorkers.Shared.Run(work);
            Assert.All(work.Runs, runs => Assert.Equal(round, runs));
        }
    }

    [Fact]
    public void Run_allocates_nothing_even_when_the_caller_must_block_for_slow_workers()
    {
        // Fresh workers, so no earlier test has already made a wait block (and any lazy allocation happen).
        var workers = new StepWorkers(workerCount: 1);

        // Chunk 0 (the caller's) is instant and chunk 1 sleeps, so every wait outlasts the spin and blocks.
        var work = new CountingWork(workers.ChunkCount, slowChunkDelay: TimeSpan.FromMilliseconds(20));
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int round = 0; round < 5; round++)
        {
            workers.Run(work);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.All(work.Runs, runs => Assert.Equal(5, runs));
    }

    [Fact]
    public void A_failing_worker_chunk_surfaces_on_the_calling_thread_and_the_workers_stay_usable()
    {
        var workers = new StepWorkers(workerCount: 1);

        var failure = Assert.Throws<AggregateException>(() => workers.Run(new FailingWork()));
        Assert.IsType<InvalidOperationException>(failure.InnerException);

        var work = new CountingWork(workers.ChunkCount, slowChunkDelay: TimeSpan.Zero);
        workers.Run(work);
        Assert.All(work.Runs, runs => Assert.Equal(1, runs));
    }

    private sealed class CountingWork(int chunkCount, TimeSpan slowChunkDelay) : IParallelWork
    {
        public int[] Runs { get; } = new int[chunkCount];

        public void RunChunk(int index)
        {
            if (index > 0 && slowChunkDelay > TimeSpan.Zero)
            {
                Thread.Sleep(slowChunkDelay);
            }

            Interlocked.Increment(ref Runs[index]);
        }
    }

    private sealed class FailingWork : IParallelWork
    {
        public void RunChunk(int index)
        {
            if (index == 1)
            {
                throw new InvalidOperationException("chunk 1 failed");
            }
        }
    }
}

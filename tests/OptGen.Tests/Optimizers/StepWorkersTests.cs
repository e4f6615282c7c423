using OptGen.CompilerServices;
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
        // The runtime itself may allocate on a thread now and then (tiered compilation, a busy machine), so the
        // assertion is that some attempt allocated nothing. Each attempt has fresh workers, whose first blocking
        // wait is inside the measurement: a lazily allocated lock would make every attempt allocate.
        var perAttempt = new List<long>();
        for (int attempt = 0; attempt < 5 && !perAttempt.Contains(0); attempt++)
        {
            var workers = new StepWorkers(workerCount: 1);

            // Chunk 0 (the caller's) is instant and chunk 1 sleeps, so every wait outlasts the spin and blocks.
            var work = new CountingWork(workers.ChunkCount, slowChunkDelay: TimeSpan.FromMilliseconds(10));
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int round = 0; round < 3; round++)
            {
                workers.Run(work);
            }

            perAttempt.Add(GC.GetAllocatedBytesForCurrentThread() - before);
            Assert.All(work.Runs, runs => Assert.Equal(3, runs));
        }

        Assert.True(perAttempt.Contains(0), $"Every attempt allocated: {string.Join(", ", perAttempt)} bytes.");
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

using OptGen.Distributed.Mpi;

namespace OptGen.Distributed.TestHost;

/// <summary>
/// Checks each collective of the binding against values every rank can compute alone (small integers, whose sums
/// are exact in any order), optionally with a tiny chunk size so the chunked paths run too.
/// </summary>
internal static class CollectivesScenario
{
    public static int Run(Communicator world, int? chunk)
    {
        if (chunk is { } elements)
        {
            world.ChunkElements = elements;
        }

        int p = world.Size, r = world.Rank;
        const int n = 37;   // not a multiple of any chunk size used

        // Allreduce: Σ over ranks of (rank + 1)·(i + 1).
        var sums = new double[n];
        for (int i = 0; i < n; i++)
        {
            sums[i] = (r + 1) * (i + 1);
        }

        world.Allreduce<double>(sums);
        Expect("Allreduce", sums, i => p * (p + 1) / 2 * (i + 1));

        // Reduce_scatter_block: block b of rank s holds s + b·1000 + i; rank r receives Σ_s (s + r·1000 + i).
        var send = new float[n * p];
        for (int b = 0; b < p; b++)
        {
            for (int i = 0; i < n; i++)
            {
                send[b * n + i] = r + b * 1000 + i;
            }
        }

        var block = new float[n];
        world.ReduceScatterBlock<float>(send, block);
        Expect("Reduce_scatter_block", block, i => p * (p - 1) / 2 + p * (r * 1000 + i));

        // Allgather in place: block s holds s·100 + i.
        var gathered = new double[n * p];
        for (int i = 0; i < n; i++)
        {
            gathered[r * n + i] = r * 100 + i;
        }

        world.AllgatherInPlace<double>(gathered);
        Expect("Allgather", gathered, k => k / n * 100 + k % n);

        // Broadcast from the last rank.
        var broadcast = new float[n];
        if (r == p - 1)
        {
            for (int i = 0; i < n; i++)
            {
                broadcast[i] = 7 * i;
            }
        }

        world.Broadcast<float>(broadcast, root: p - 1);
        Expect("Bcast", broadcast, i => 7 * i);

        Console.WriteLine($"collectives rank={r} size={p} library={world.Family} ok");
        return 0;
    }

    private static void Expect<T>(string what, T[] actual, Func<int, double> expected)
        where T : struct, IConvertible
    {
        for (int i = 0; i < actual.Length; i++)
        {
            double value = actual[i].ToDouble(System.Globalization.CultureInfo.InvariantCulture);
            if (value != expected(i))
            {
                throw new InvalidOperationException($"{what}: element {i} is {value}, expected {expected(i)}.");
            }
        }
    }
}

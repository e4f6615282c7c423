using System.Numerics;

namespace OptGen.Data;

/// <summary>Seeded splits of a dataset.</summary>
public static class DatasetSplit
{
    /// <summary>
    /// Shuffles the rows from <paramref name="seed"/> and puts round(<paramref name="testFraction"/>·n) of them
    /// (at least one, and at least one left for training) into the test part.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="testFraction"/> is not in (0, 1).</exception>
    /// <exception cref="ArgumentException">The dataset has fewer than two rows.</exception>
    public static (Dataset<T> Train, Dataset<T> Test) TrainTest<T>(Dataset<T> data, double testFraction, ulong seed)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!(testFraction > 0 && testFraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(testFraction), testFraction, "The test fraction must be strictly between 0 and 1.");
        }

        if (data.Count < 2)
        {
            throw new ArgumentException($"A dataset of {data.Count} row cannot be split.", nameof(data));
        }

        int[] order = Enumerable.Range(0, data.Count).ToArray();
        new SeededRandom(seed).Shuffle(order.AsSpan());
        int testCount = Math.Clamp((int)Math.Round(testFraction * data.Count), 1, data.Count - 1);
        return (data.Subset(order.AsSpan(testCount)), data.Subset(order.AsSpan(0, testCount)));
    }
}

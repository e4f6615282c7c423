using OptGen.Data;

namespace OptGen.Tests.Runtime;

/// <summary>Small datasets and helpers shared by the runtime tests.</summary>
internal static class TestData
{
    /// <summary>Ten seeded points for the neuron: x in [−2, 3], y in (0.05, 0.95).</summary>
    public static Dataset<double> NeuronPoints(int count = 10, ulong seed = 7)
    {
        var random = new SeededRandom(seed);
        var x = new double[count];
        var y = new double[count];
        for (int i = 0; i < count; i++)
        {
            x[i] = -2 + 5 * random.NextDouble();
            y[i] = 0.05 + 0.9 * random.NextDouble();
        }

        return Dataset<double>.FromColumn(x, y);
    }

    /// <summary>Half-moons split and standardised, as the tests and the README train on them.</summary>
    public static (Dataset<T> Train, Dataset<T> Test) Moons<T>(int count, ulong seed)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        var (train, test) = DatasetSplit.TrainTest(SyntheticData.TwoMoons<T>(count, noise: 0.1, seed: seed), testFraction: 0.25, seed: seed + 1);
        var scaler = Standardizer<T>.Fit(train);
        return (scaler.Transform(train), scaler.Transform(test));
    }

    /// <summary>The bits of a double, for bit-for-bit comparisons with readable failures.</summary>
    public static long[] Bits(ReadOnlySpan<double> values)
    {
        var bits = new long[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            bits[i] = BitConverter.DoubleToInt64Bits(values[i]);
        }

        return bits;
    }

    /// <summary>A fresh empty folder under the temp directory.</summary>
    public static string NewFolder()
    {
        string folder = Path.Combine(Path.GetTempPath(), "optgen-runtime-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }
}

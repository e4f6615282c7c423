using System.Numerics;

namespace OptGen.Data;

/// <summary>Small seeded datasets: the tutorial's two points, two half-moons, sparse linearly separable data.</summary>
public static class SyntheticData
{
    /// <summary>The tutorial's neuron data: X = [0.5, 2.5], Y = [0.2, 0.9].</summary>
    public static Dataset<T> TutorialNeuron<T>()
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Dataset<T>.FromColumn([T.CreateChecked(0.5), T.CreateChecked(2.5)], [T.CreateChecked(0.2), T.CreateChecked(0.9)]);

    /// <summary>
    /// Two interleaved half-moons in the plane (as scikit-learn's <c>make_moons</c>): the upper moon
    /// (cos t, sin t) has target 0, the lower (1 − cos t, ½ − sin t) target 1, with t uniform in [0, π] and
    /// Gaussian noise of standard deviation <paramref name="noise"/> on both coordinates. Rows alternate 0, 1.
    /// </summary>
    public static Dataset<T> TwoMoons<T>(int count, double noise, ulong seed)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 2);
        ArgumentOutOfRangeException.ThrowIfNegative(noise);
        var random = new SeededRandom(seed);
        var features = new T[count * 2];
        var targets = new T[count];
        for (int i = 0; i < count; i++)
        {
            double t = Math.PI * random.NextDouble();
            bool lower = (i & 1) == 1;
            double x = lower ? 1 - Math.Cos(t) : Math.Cos(t);
            double y = lower ? 0.5 - Math.Sin(t) : Math.Sin(t);
            features[2 * i] = T.CreateChecked(x + noise * random.NextGaussian());
            features[2 * i + 1] = T.CreateChecked(y + noise * random.NextGaussian());
            targets[i] = lower ? T.One : T.Zero;
        }

        return new Dataset<T>(features, targets, 2);
    }

    /// <summary>
    /// A linearly separable set with sparse features (the tutorial's case for adaptive learning rates):
    /// each feature is non-zero (a standard normal value) with probability <paramref name="density"/>, the
    /// target is 1 when w*·x &gt; 0 for a hidden Gaussian w*, and rows within <paramref name="margin"/> of the
    /// boundary (or with no non-zero feature) are drawn again, so a margin separates the classes.
    /// </summary>
    public static Dataset<T> SparseLinearlySeparable<T>(int count, int featureCount, double density, ulong seed, double margin = 0.1)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(featureCount, 1);
        if (!(density > 0 && density <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(density), density, "The density must be in (0, 1].");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(margin);
        var random = new SeededRandom(seed);
        var weights = new double[featureCount];
        for (int j = 0; j < featureCount; j++)
        {
            weights[j] = random.NextGaussian();
        }

        var features = new T[count * featureCount];
        var targets = new T[count];
        var row = new double[featureCount];
        for (int i = 0; i < count; i++)
        {
            double score;
            do
            {
                score = 0;
                for (int j = 0; j < featureCount; j++)
                {
                    row[j] = random.NextDouble() < density ? random.NextGaussian() : 0.0;
                    score += weights[j] * row[j];
                }
            }
            while (Math.Abs(score) <= margin);

            for (int j = 0; j < featureCount; j++)
            {
                features[i * featureCount + j] = T.CreateChecked(row[j]);
            }

            targets[i] = score > 0 ? T.One : T.Zero;
        }

        return new Dataset<T>(features, targets, featureCount);
    }
}

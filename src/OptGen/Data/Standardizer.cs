using System.Numerics;

namespace OptGen.Data;

/// <summary>
/// Standardises features to zero mean and unit variance, with the means and deviations fitted on the
/// training part only, so that no information from held-out data leaks into training.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
public sealed class Standardizer<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[] _means;
    private readonly T[] _deviations;

    private Standardizer(T[] means, T[] deviations)
    {
        _means = means;
        _deviations = deviations;
    }

    /// <summary>The fitted mean of each feature.</summary>
    public ReadOnlySpan<T> Means => _means;

    /// <summary>The fitted (population) standard deviation of each feature; 1 for a constant feature, so it maps to 0.</summary>
    public ReadOnlySpan<T> Deviations => _deviations;

    /// <summary>Fits the means and deviations of <paramref name="train"/>'s features.</summary>
    public static Standardizer<T> Fit(Dataset<T> train)
    {
        ArgumentNullException.ThrowIfNull(train);
        int d = train.FeatureCount;
        var means = new T[d];
        var deviations = new T[d];
        T n = T.CreateChecked(train.Count);
        for (int j = 0; j < d; j++)
        {
            // Two passes (mean, then squared deviations): stabler than Σx² − n·mean².
            T sum = T.Zero;
            for (int i = 0; i < train.Count; i++)
            {
                sum += train.Features(i)[j];
            }

            T mean = sum / n;
            T squares = T.Zero;
            for (int i = 0; i < train.Count; i++)
            {
                T delta = train.Features(i)[j] - mean;
                squares += delta * delta;
            }

            T deviation = T.Sqrt(squares / n);
            means[j] = mean;
            deviations[j] = deviation > T.Zero ? deviation : T.One;
        }

        return new Standardizer<T>(means, deviations);
    }

    /// <summary>A new dataset with <paramref name="data"/>'s features standardised (targets unchanged).</summary>
    /// <exception cref="ArgumentException">The feature count differs from the fitted one.</exception>
    public Dataset<T> Transform(Dataset<T> data)
    {
        ArgumentNullException.ThrowIfNull(data);
        CheckWidth(data.FeatureCount, nameof(data));
        var features = data.AllFeatures.ToArray();
        for (int i = 0; i < data.Count; i++)
        {
            Transform(features.AsSpan(i * data.FeatureCount, data.FeatureCount));
        }

        return new Dataset<T>(features, data.Targets.ToArray(), data.FeatureCount, data.FeatureNames, data.TargetName);
    }

    /// <summary>Standardises one feature row in place.</summary>
    public void Transform(Span<T> row)
    {
        CheckWidth(row.Length, nameof(row));
        for (int j = 0; j < row.Length; j++)
        {
            row[j] = (row[j] - _means[j]) / _deviations[j];
        }
    }

    private void CheckWidth(int width, string name)
    {
        if (width != _means.Length)
        {
            throw new ArgumentException($"The standardiser was fitted on {_means.Length} features, not {width}.", name);
        }
    }
}

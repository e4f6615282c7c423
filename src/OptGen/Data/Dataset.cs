using System.Numerics;

namespace OptGen.Data;

/// <summary>
/// An in-memory dataset: <see cref="Count"/> rows of <see cref="FeatureCount"/> features (stored row-major
/// in one flat array) and one target per row.
/// </summary>
/// <typeparam name="T">The element type: <see cref="float"/> or <see cref="double"/>.</typeparam>
public sealed class Dataset<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[] _features;
    private readonly T[] _targets;
    private readonly string[] _featureNames;

    /// <summary>
    /// Creates a dataset over <paramref name="features"/> (row-major, <c>targets.Length × featureCount</c>)
    /// and <paramref name="targets"/>. The arrays are taken as they are, not copied.
    /// </summary>
    /// <exception cref="ArgumentException">The lengths do not agree, or a value is not finite.</exception>
    public Dataset(T[] features, T[] targets, int featureCount, IReadOnlyList<string>? featureNames = null, string? targetName = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(featureCount);
        if ((long)targets.Length * featureCount != features.Length)
        {
            throw new ArgumentException(
                $"{targets.Length} targets × {featureCount} features need {(long)targets.Length * featureCount} feature values, but there are {features.Length}.",
                nameof(features));
        }

        if (featureNames is not null && featureNames.Count != featureCount)
        {
            throw new ArgumentException($"There are {featureNames.Count} feature names for {featureCount} features.", nameof(featureNames));
        }

        CheckFinite(features, nameof(features));
        CheckFinite(targets, nameof(targets));
        _features = features;
        _targets = targets;
        FeatureCount = featureCount;
        _featureNames = featureNames?.ToArray() ?? Enumerable.Range(0, featureCount).Select(i => $"x{i}").ToArray();
        TargetName = targetName ?? "y";
    }

    /// <summary>Creates a dataset with one feature per row (as the tutorial's neuron: X and Y).</summary>
    public static Dataset<T> FromColumn(ReadOnlySpan<T> x, ReadOnlySpan<T> y) => new(x.ToArray(), y.ToArray(), 1);

    /// <summary>Creates a dataset from feature rows (each <c>rows[i]</c> the same length) and targets.</summary>
    public static Dataset<T> FromRows(IReadOnlyList<T[]> rows, ReadOnlySpan<T> targets)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0 || rows.Count != targets.Length)
        {
            throw new ArgumentException($"There are {rows.Count} rows and {targets.Length} targets; both must be the same positive number.", nameof(rows));
        }

        int d = rows[0].Length;
        var features = new T[rows.Count * d];
        for (int i = 0; i < rows.Count; i++)
        {
            if (rows[i].Length != d)
            {
                throw new ArgumentException($"Row {i} has {rows[i].Length} features, but row 0 has {d}.", nameof(rows));
            }

            rows[i].CopyTo(features, i * d);
        }

        return new Dataset<T>(features, targets.ToArray(), d);
    }

    /// <summary>The number of rows.</summary>
    public int Count => _targets.Length;

    /// <summary>The number of features per row.</summary>
    public int FeatureCount { get; }

    /// <summary>The names of the features (from a CSV header, or <c>x0</c>, <c>x1</c>, …).</summary>
    public IReadOnlyList<string> FeatureNames => _featureNames;

    /// <summary>The name of the target (from a CSV header, or <c>y</c>).</summary>
    public string TargetName { get; }

    /// <summary>All features, row-major.</summary>
    public ReadOnlySpan<T> AllFeatures => _features;

    /// <summary>All targets.</summary>
    public ReadOnlySpan<T> Targets => _targets;

    /// <summary>The features of row <paramref name="row"/>.</summary>
    public ReadOnlySpan<T> Features(int row) => new(_features, row * FeatureCount, FeatureCount);

    /// <summary>The target of row <paramref name="row"/>.</summary>
    public T Target(int row) => _targets[row];

    /// <summary>All rows, in order, as one batch.</summary>
    public Batch<T> All => new(this, 0, Count);

    /// <summary>A new dataset holding the rows at <paramref name="rows"/>, in that order.</summary>
    public Dataset<T> Subset(ReadOnlySpan<int> rows)
    {
        var features = new T[rows.Length * FeatureCount];
        var targets = new T[rows.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            Features(rows[i]).CopyTo(features.AsSpan(i * FeatureCount));
            targets[i] = _targets[rows[i]];
        }

        return new Dataset<T>(features, targets, FeatureCount, _featureNames, TargetName);
    }

    private static void CheckFinite(T[] values, string name)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!T.IsFinite(values[i]))
            {
                throw new ArgumentException($"Element {i} of {name} is {values[i]}; a dataset holds finite numbers only.", name);
            }
        }
    }
}

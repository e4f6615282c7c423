using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using OptGen.Data;

namespace OptGen.Training;

/// <summary>
/// A fingerprint of a dataset's content — its shape and every feature and target bit — that a checkpoint records,
/// so a run is not resumed on other data of the same shape. Computed once per dataset object.
/// </summary>
internal static class DataFingerprint
{
    private static readonly ConditionalWeakTable<object, string> Cache = new();

    /// <summary>The first 128 bits of the SHA-256 of the shape, features and targets, in hex.</summary>
    public static string Of<T>(Dataset<T> data)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Cache.GetValue(data, _ => Compute(data));

    private static string Compute<T>(Dataset<T> data)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<int> shape = [data.Count, data.FeatureCount, Unsafe.SizeOf<T>()];
        hash.AppendData(MemoryMarshal.AsBytes(shape));
        Append(hash, data.AllFeatures);
        Append(hash, data.Targets);
        return Convert.ToHexStringLower(hash.GetHashAndReset().AsSpan(0, 16));
    }

    private static void Append<T>(IncrementalHash hash, ReadOnlySpan<T> values)
        where T : unmanaged
    {
        const int Chunk = 1 << 18;
        for (int start = 0; start < values.Length; start += Chunk)
        {
            hash.AppendData(MemoryMarshal.AsBytes(values.Slice(start, Math.Min(Chunk, values.Length - start))));
        }
    }
}

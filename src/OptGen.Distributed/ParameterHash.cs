using System.Numerics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace OptGen.Distributed;

/// <summary>A fingerprint of a parameter vector, to compare runs (real and simulated, on any machines) at a glance.</summary>
public static class ParameterHash
{
    /// <summary>The SHA-256, in lowercase hex, of the little-endian bytes of <paramref name="values"/>.</summary>
    public static string Sha256<T>(ReadOnlySpan<T> values)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        byte[] bytes = MemoryMarshal.AsBytes(values).ToArray();
        if (!BitConverter.IsLittleEndian)
        {
            int size = bytes.Length / Math.Max(values.Length, 1);
            for (int i = 0; i < bytes.Length; i += size)
            {
                bytes.AsSpan(i, size).Reverse();
            }
        }

        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }
}

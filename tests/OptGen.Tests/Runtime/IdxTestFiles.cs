// Self-contained (no test framework): the demo's tests link this file too.
using System.Buffers.Binary;
using System.IO.Compression;

namespace OptGen.Tests.Runtime;

/// <summary>Writes small IDX files (MNIST's format), plain or gzip-compressed, so that tests need no download.</summary>
internal static class IdxTestFiles
{
    /// <summary>The magic number of an IDX file of unsigned bytes with 3 dimensions (images).</summary>
    public const int Images = 0x0803;

    /// <summary>The magic number of an IDX file of unsigned bytes with 1 dimension (labels).</summary>
    public const int Labels = 0x0801;

    /// <summary>The header: the magic number, then each dimension, big-endian.</summary>
    public static byte[] Header(int magic, params int[] dimensions)
    {
        var header = new byte[4 + 4 * dimensions.Length];
        BinaryPrimitives.WriteInt32BigEndian(header, magic);
        for (int d = 0; d < dimensions.Length; d++)
        {
            BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4 + 4 * d), dimensions[d]);
        }

        return header;
    }

    /// <summary><paramref name="bytes"/> gzip-compressed, as the datasets are distributed.</summary>
    public static byte[] Gzip(byte[] bytes)
    {
        using var memory = new MemoryStream();
        using (var zip = new GZipStream(memory, CompressionLevel.Fastest))
        {
            zip.Write(bytes);
        }

        return memory.ToArray();
    }

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/>, compressed when <paramref name="gzip"/>.</summary>
    public static void Write(string path, byte[] bytes, bool gzip) => File.WriteAllBytes(path, gzip ? Gzip(bytes) : bytes);

    /// <summary>Writes a split's images and labels files into <paramref name="folder"/> under MNIST's names (<c>.gz</c> when compressed).</summary>
    public static void WriteSplit(string folder, string prefix, byte[] pixels, int side, byte[] labels, bool gzip)
    {
        Directory.CreateDirectory(folder);
        string suffix = gzip ? ".gz" : "";
        int count = pixels.Length / (side * side);
        Write(Path.Combine(folder, $"{prefix}-images-idx3-ubyte{suffix}"), [.. Header(Images, count, side, side), .. pixels], gzip);
        Write(Path.Combine(folder, $"{prefix}-labels-idx1-ubyte{suffix}"), [.. Header(Labels, labels.Length), .. labels], gzip);
    }
}

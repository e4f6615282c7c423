using System.Security.Cryptography;

namespace OptGen.Training;

/// <summary>
/// The framing of a checkpoint file — a magic number, a format version, the total length, the body, and a
/// SHA-256 of everything before it — and its atomic write.
/// </summary>
/// <remarks>
/// A write goes to a temporary file in the same folder, is flushed to the disk, and only then renamed over
/// the target (a rename within one file system replaces the file in one step). So a crash or an error
/// mid-write leaves the previous checkpoint untouched, and a file torn or altered some other way fails
/// the checksum when read.
/// </remarks>
public static class CheckpointFile
{
    /// <summary>The current format version.</summary>
    public const int FormatVersion = 1;

    private static ReadOnlySpan<byte> Magic => "OPTGENCK"u8;

    private const int HeaderLength = 8 + 4 + 8;
    private const int HashLength = 32;

    /// <summary>Frames <paramref name="body"/> and writes it to <paramref name="path"/> atomically.</summary>
    public static void Write(string path, ReadOnlySpan<byte> body) => Write(path, body, wrap: null);

    /// <summary>
    /// Reads the body of the checkpoint at <paramref name="path"/>, after checking that it is whole and unaltered.
    /// </summary>
    /// <exception cref="CheckpointException">The file is truncated, altered or not a checkpoint.</exception>
    public static byte[] Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        byte[] bytes = File.ReadAllBytes(path);
        if (bytes.Length < HeaderLength + HashLength)
        {
            throw new CheckpointException(path, $"it is truncated ({bytes.Length} bytes; a checkpoint has at least {HeaderLength + HashLength}).");
        }

        if (!bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            throw new CheckpointException(path, "it is not an OptGen checkpoint (its first bytes are not 'OPTGENCK').");
        }

        int version = BitConverter.ToInt32(bytes, 8);
        if (version != FormatVersion)
        {
            throw new CheckpointException(path, $"it has format version {version}; this library reads version {FormatVersion}.");
        }

        long declared = BitConverter.ToInt64(bytes, 12);
        if (declared != bytes.Length)
        {
            throw new CheckpointException(path, declared > bytes.Length
                ? $"it is truncated: it has {bytes.Length} bytes, but was written with {declared}."
                : $"it has {bytes.Length} bytes, but was written with {declared}: data was appended.");
        }

        Span<byte> hash = stackalloc byte[HashLength];
        SHA256.HashData(bytes.AsSpan(0, bytes.Length - HashLength), hash);
        if (!hash.SequenceEqual(bytes.AsSpan(bytes.Length - HashLength)))
        {
            throw new CheckpointException(path, "its SHA-256 checksum does not match its contents; the file was altered or torn.");
        }

        return bytes[HeaderLength..^HashLength];
    }

    /// <summary>The atomic write; <paramref name="wrap"/> lets tests put a failing stream between the writer and the file.</summary>
    internal static void Write(string path, ReadOnlySpan<byte> body, Func<Stream, Stream>? wrap)
    {
        ArgumentNullException.ThrowIfNull(path);
        string fullPath = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(fullPath) ?? ".";
        string temporary = Path.Combine(folder, $".{Path.GetFileName(fullPath)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");

        var framed = new byte[HeaderLength + body.Length + HashLength];
        Magic.CopyTo(framed);
        BitConverter.TryWriteBytes(framed.AsSpan(8), FormatVersion);
        BitConverter.TryWriteBytes(framed.AsSpan(12), (long)framed.Length);
        body.CopyTo(framed.AsSpan(HeaderLength));
        SHA256.HashData(framed.AsSpan(0, framed.Length - HashLength), framed.AsSpan(framed.Length - HashLength));

        try
        {
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.WriteThrough))
            {
                Stream stream = wrap?.Invoke(file) ?? file;
                stream.Write(framed);
                stream.Flush();
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, fullPath, overwrite: true);
        }
        catch
        {
            // The target was never opened: whatever failed, the previous checkpoint is still whole.
            TryDelete(temporary);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: a leftover temporary file is harmless; the error being propagated matters more.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}

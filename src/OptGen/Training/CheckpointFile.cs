using System.Buffers.Binary;
using System.Security.Cryptography;

namespace OptGen.Training;

/// <summary>
/// The framing of a checkpoint file — a magic number, a format version, the total length, the body, and a
/// SHA-256 — and its streamed, atomic write.
/// </summary>
/// <remarks>
/// <para>A write streams the body to a temporary file in the same folder, hashing it on the way (so a checkpoint
/// of any size needs no buffer of its size), flushes the file to the disk, and only then renames it over the target
/// (a rename within one file system replaces the file in one step). So a crash or an error mid-write leaves the
/// previous checkpoint untouched. A save first removes the temporary files of the same checkpoint that a killed
/// process left behind (<see cref="CheckpointTempFiles"/>).</para>
/// <para>A read parses the body as it streams in, hashing it, into buffers that are not yet the trainer's; it
/// checks the hash before the caller applies anything, so a file torn or altered some other way is refused and
/// changes nothing.</para>
/// <para>Layout: "OPTGENCK", the format version (int32), the file's length (int64, written last), the body, and
/// the SHA-256 of the magic and version, the body, and the length. Every failure is a
/// <see cref="CheckpointException"/> naming the file.</para>
/// </remarks>
public static class CheckpointFile
{
    /// <summary>The current format version (2: streamed, the length hashed after the body).</summary>
    public const int FormatVersion = 2;

    private static ReadOnlySpan<byte> Magic => "OPTGENCK"u8;

    private const int LengthOffset = 8 + 4;
    private const int HeaderLength = LengthOffset + 8;
    private const int HashLength = 32;

    /// <summary>Frames <paramref name="body"/> and writes it to <paramref name="path"/> atomically.</summary>
    /// <exception cref="CheckpointException">The file could not be written; a previous checkpoint there is unchanged.</exception>
    public static void Write(string path, ReadOnlySpan<byte> body)
    {
        byte[] copy = body.ToArray();
        Write(path, stream => stream.Write(copy));
    }

    /// <summary>
    /// Reads the body of the checkpoint at <paramref name="path"/> into one array, after checking that it is whole
    /// and unaltered (a body over 2 GB cannot be one array; a trainer reads its checkpoints streamed instead).
    /// </summary>
    /// <exception cref="CheckpointException">The file is unreadable, truncated, altered or not a checkpoint.</exception>
    public static byte[] Read(string path) => Read(path, body =>
    {
        if (body.Length > Array.MaxLength)
        {
            throw new InvalidDataException($"its body has {body.Length} bytes, more than one array holds; load it with Trainer.LoadCheckpoint.");
        }

        var bytes = new byte[body.Length];
        body.ReadExactly(bytes);
        return bytes;
    });

    /// <summary>
    /// Writes a checkpoint whose body <paramref name="writeBody"/> streams; <paramref name="wrap"/> lets tests put a
    /// failing stream between the writer and the file.
    /// </summary>
    internal static void Write(string path, Action<Stream> writeBody, Func<Stream, Stream>? wrap = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        string fullPath = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(fullPath) ?? ".";
        string fileName = Path.GetFileName(fullPath);
        CheckpointTempFiles.RemoveStale(folder, fileName);
        string temporary = Path.Combine(folder, CheckpointTempFiles.NewName(fileName));
        try
        {
            // FileShare.None also locks the file, which tells a concurrent cleanup that it is being written.
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0))
            using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                Stream target = wrap?.Invoke(file) ?? file;
                Span<byte> header = stackalloc byte[HeaderLength];
                header.Clear();
                Magic.CopyTo(header);
                BinaryPrimitives.WriteInt32LittleEndian(header[8..], FormatVersion);
                target.Write(header);
                hash.AppendData(header[..LengthOffset]);

                var body = new HashingWriteStream(target, hash);
                using (var buffered = new BufferedStream(body, 1 << 16))
                {
                    writeBody(buffered);
                }

                Span<byte> length = stackalloc byte[8];
                BinaryPrimitives.WriteInt64LittleEndian(length, HeaderLength + body.BytesWritten + HashLength);
                hash.AppendData(length);
                Span<byte> digest = stackalloc byte[HashLength];
                hash.GetHashAndReset(digest);
                target.Write(digest);
                target.Flush();

                // The length goes into the header last, so a file torn anywhere says so when read.
                file.Seek(LengthOffset, SeekOrigin.Begin);
                file.Write(length);
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, fullPath, overwrite: true);
        }
        catch (Exception e)
        {
            // The target was never opened: whatever failed, the previous checkpoint is still whole.
            TryDelete(temporary);
            if (e is IOException and not CheckpointException or UnauthorizedAccessException or NotSupportedException)
            {
                throw CheckpointException.WriteFailed(path, e);
            }

            throw;
        }
    }

    /// <summary>
    /// Reads the checkpoint at <paramref name="path"/>: <paramref name="parse"/> reads the body from a stream (and
    /// must not change anything yet); its result is returned only once the whole file's checksum has matched.
    /// </summary>
    /// <exception cref="CheckpointException">
    /// The file is unreadable, truncated, altered or not a checkpoint, or <paramref name="parse"/> refused it
    /// (<see cref="InvalidDataException"/>, <see cref="EndOfStreamException"/>, <see cref="ArgumentException"/>).
    /// </exception>
    internal static TResult Read<TResult>(string path, Func<HashingReadStream, TResult> parse)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
            long fileLength = file.Length;
            if (fileLength < HeaderLength + HashLength)
            {
                throw new CheckpointException(path, $"it is truncated ({fileLength} bytes; a checkpoint has at least {HeaderLength + HashLength}).");
            }

            Span<byte> header = stackalloc byte[HeaderLength];
            file.ReadExactly(header);
            if (!header[..Magic.Length].SequenceEqual(Magic))
            {
                throw new CheckpointException(path, "it is not an OptGen checkpoint (its first bytes are not 'OPTGENCK').");
            }

            int version = BinaryPrimitives.ReadInt32LittleEndian(header[8..]);
            if (version != FormatVersion)
            {
                throw new CheckpointException(path, $"it has format version {version}; this library reads version {FormatVersion}.");
            }

            long declared = BinaryPrimitives.ReadInt64LittleEndian(header[LengthOffset..]);
            if (declared != fileLength)
            {
                throw new CheckpointException(path, declared > fileLength || declared == 0
                    ? $"it is truncated: it has {fileLength} bytes, but was written with {declared}."
                    : $"it has {fileLength} bytes, but was written with {declared}: data was appended.");
            }

            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            hash.AppendData(header[..LengthOffset]);
            var body = new HashingReadStream(file, hash, fileLength - HeaderLength - HashLength);
            TResult result = default!;
            Exception? refusal = null;
            try
            {
                result = parse(body);
                if (body.Position != body.Length)
                {
                    throw new InvalidDataException("it has data after its last field.");
                }
            }
            catch (Exception e) when (e is InvalidDataException or EndOfStreamException or ArgumentException or OverflowException)
            {
                // Judge the file before the parser's complaint: a torn or altered file is reported as such.
                refusal = e;
            }

            body.HashRest();
            hash.AppendData(header[LengthOffset..]);
            Span<byte> computed = stackalloc byte[HashLength];
            hash.GetHashAndReset(computed);
            Span<byte> stored = stackalloc byte[HashLength];
            file.ReadExactly(stored);
            if (!computed.SequenceEqual(stored))
            {
                throw new CheckpointException(path, "its SHA-256 checksum does not match its contents; the file was altered or torn.");
            }

            return refusal is null ? result : throw new CheckpointException(path, refusal.Message, refusal);
        }
        catch (Exception e) when (e is IOException and not CheckpointException or UnauthorizedAccessException)
        {
            throw new CheckpointException(path, $"it cannot be read: {e.Message}", e);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the next save of this checkpoint removes a leftover; the error being propagated matters more.
        }
    }
}

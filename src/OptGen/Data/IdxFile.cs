using System.Buffers.Binary;
using System.IO.Compression;

namespace OptGen.Data;

/// <summary>
/// Reads the IDX format of MNIST and Fashion-MNIST (LeCun's format): a 4-byte magic number — two zero bytes,
/// the element type (0x08 = unsigned byte), the number of dimensions — then each dimension as a big-endian
/// 32-bit integer, then the data. A gzip-compressed file (<c>.gz</c>, as the datasets are distributed) is
/// recognised by its first two bytes and read as it is decompressed.
/// </summary>
/// <remarks>
/// Any problem — a magic number that is not IDX or not the expected one, a header that promises more data than
/// the file has, bytes after the data, a damaged gzip stream — throws <see cref="IdxFormatException"/> naming
/// the file and saying what was expected and found.
/// </remarks>
public static class IdxFile
{
    /// <summary>The element type code of unsigned bytes, the only one MNIST-style files use.</summary>
    public const byte UnsignedByte = 0x08;

    /// <summary>Reads <paramref name="path"/>, which must have <paramref name="dimensions"/> dimensions (3 for images, 1 for labels).</summary>
    /// <exception cref="IdxFormatException">The file is not an IDX file of unsigned bytes with that many dimensions.</exception>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    public static IdxArray Read(string path, int dimensions)
    {
        ArgumentNullException.ThrowIfNull(path);
        using FileStream file = File.OpenRead(path);
        return Read(file, path, dimensions);
    }

    /// <summary>Reads an IDX file from <paramref name="stream"/>; <paramref name="fileName"/> is used in error messages.</summary>
    /// <exception cref="IdxFormatException">The data is not an IDX file of unsigned bytes with <paramref name="dimensions"/> dimensions.</exception>
    public static IdxArray Read(Stream stream, string fileName, int dimensions)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimensions);
        var buffered = new BufferedStream(stream, 1 << 16);
        Span<byte> start = stackalloc byte[2];
        int got = buffered.ReadAtLeast(start, 2, throwOnEndOfStream: false);
        bool gzip = got == 2 && start[0] == 0x1f && start[1] == 0x8b;
        Stream source = gzip
            ? new GZipStream(new PrefixedStream(start[..got].ToArray(), buffered), CompressionMode.Decompress)
            : new PrefixedStream(start[..got].ToArray(), buffered);
        try
        {
            using (source)
            {
                return ReadUncompressed(source, fileName, dimensions, gzip);
            }
        }
        catch (InvalidDataException e)
        {
            // GZipStream's own error for a damaged stream (a bad header, checksum or block).
            throw new IdxFormatException(fileName, $"the gzip data is damaged ({e.Message}).", e);
        }
    }

    private static IdxArray ReadUncompressed(Stream source, string fileName, int dimensions, bool gzip)
    {
        string what = gzip ? "the decompressed data" : "the file";
        Span<byte> magic = stackalloc byte[4];
        int got = source.ReadAtLeast(magic, 4, throwOnEndOfStream: false);
        if (got < 4)
        {
            throw new IdxFormatException(fileName, $"{what} ends after {got} bytes, before the 4-byte magic number.");
        }

        uint expected = (uint)(UnsignedByte << 8 | dimensions);
        uint found = BinaryPrimitives.ReadUInt32BigEndian(magic);
        if (magic[0] != 0 || magic[1] != 0)
        {
            throw new IdxFormatException(fileName, $"the magic number is 0x{found:X8}; an IDX file starts with two zero bytes (expected 0x{expected:X8}). Is this an IDX file?");
        }

        if (magic[2] != UnsignedByte)
        {
            throw new IdxFormatException(fileName, $"the magic number 0x{found:X8} says element type 0x{magic[2]:X2}; only unsigned bytes (0x08) are supported (expected 0x{expected:X8}).");
        }

        if (magic[3] != dimensions)
        {
            throw new IdxFormatException(fileName, $"the magic number 0x{found:X8} says {magic[3]} dimensions, but {dimensions} were expected (0x{expected:X8}): "
                + (dimensions == 3 ? "is this a labels file given as images?" : "is this an images file given as labels?"));
        }

        Span<byte> sizes = stackalloc byte[4 * dimensions];
        got = source.ReadAtLeast(sizes, sizes.Length, throwOnEndOfStream: false);
        if (got < sizes.Length)
        {
            throw new IdxFormatException(fileName, $"{what} ends in the header, after {4 + got} of its {4 + sizes.Length} bytes.");
        }

        var shape = new int[dimensions];
        long length = 1;
        for (int d = 0; d < dimensions; d++)
        {
            uint size = BinaryPrimitives.ReadUInt32BigEndian(sizes[(4 * d)..]);
            if (size > int.MaxValue)
            {
                throw new IdxFormatException(fileName, $"dimension {d} has size {size}, more than this reader takes ({int.MaxValue}).");
            }

            shape[d] = (int)size;
            length *= size;
            if (length > Array.MaxLength)
            {
                throw new IdxFormatException(fileName, $"the header's dimensions ({string.Join(" × ", shape[..(d + 1)])}…) hold more than {Array.MaxLength} bytes.");
            }
        }

        var data = new byte[length];
        got = source.ReadAtLeast(data, data.Length, throwOnEndOfStream: false);
        if (got < data.Length)
        {
            throw new IdxFormatException(fileName,
                $"the header promises {string.Join(" × ", shape)} = {length} bytes of data, but {what} ends after {got} of them: the file is truncated.");
        }

        if (source.ReadByte() >= 0)
        {
            throw new IdxFormatException(fileName, $"{what} goes on after the {length} bytes of data that the header ({string.Join(" × ", shape)}) describes.");
        }

        return new IdxArray(shape, data);
    }

    /// <summary>A stream that first returns some bytes already read, then the rest of another stream.</summary>
    private sealed class PrefixedStream(byte[] prefix, Stream rest) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_position < prefix.Length && buffer.Length > 0)
            {
                int n = Math.Min(buffer.Length, prefix.Length - _position);
                prefix.AsSpan(_position, n).CopyTo(buffer);
                _position += n;
                return n;
            }

            return rest.Read(buffer);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

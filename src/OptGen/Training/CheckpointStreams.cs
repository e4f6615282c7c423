using System.Buffers;
using System.Security.Cryptography;

namespace OptGen.Training;

/// <summary>
/// Passes a checkpoint's body through to the file while hashing it, so a save of any size needs no buffer of that
/// size. It does not own the stream below it.
/// </summary>
internal sealed class HashingWriteStream(Stream inner, IncrementalHash hash) : Stream
{
    /// <summary>The bytes written so far.</summary>
    public long BytesWritten { get; private set; }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => BytesWritten; set => throw new NotSupportedException(); }
    public override void Flush() => inner.Flush();
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        hash.AppendData(buffer);
        inner.Write(buffer);
        BytesWritten += buffer.Length;
    }
}

/// <summary>
/// Reads a checkpoint's body — exactly <see cref="Length"/> bytes of the file, never the trailer after it — through
/// a buffer, hashing every byte as it comes from the file; <see cref="HashRest"/> hashes what the parser did not
/// read, so the checksum covers the whole body whatever the parser did.
/// </summary>
/// <remarks>
/// It cannot seek, but it knows its <see cref="Length"/> and <see cref="Position"/>, so a parser can refuse a
/// declared size larger than what is left before allocating for it.
/// </remarks>
internal sealed class HashingReadStream : Stream
{
    private readonly Stream _inner;
    private readonly IncrementalHash _hash;
    private readonly byte[] _buffer = new byte[1 << 16];
    private long _fetched;   // bytes taken from the file (and hashed)
    private int _start, _end; // the unread part of _buffer

    public HashingReadStream(Stream inner, IncrementalHash hash, long length)
    {
        _inner = inner;
        _hash = hash;
        Length = length;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length { get; }
    public override long Position { get => _fetched - (_end - _start); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> destination)
    {
        if (_start == _end)
        {
            if (destination.Length >= _buffer.Length)
            {
                // A large read (a parameter array) goes straight into its destination.
                int direct = Fetch(destination);
                return direct;
            }

            _start = 0;
            _end = Fetch(_buffer);
        }

        int count = Math.Min(destination.Length, _end - _start);
        _buffer.AsSpan(_start, count).CopyTo(destination);
        _start += count;
        return count;
    }

    /// <summary>Hashes the rest of the body, read or not.</summary>
    /// <exception cref="EndOfStreamException">The file ended early (it shrank while being read).</exception>
    public void HashRest()
    {
        byte[] scratch = ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            while (_fetched < Length)
            {
                if (Fetch(scratch) == 0)
                {
                    throw new EndOfStreamException("the file ended before its declared length.");
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }

        _start = _end = 0;
    }

    private int Fetch(Span<byte> destination)
    {
        int wanted = (int)Math.Min(destination.Length, Length - _fetched);
        if (wanted == 0)
        {
            return 0;
        }

        int read = _inner.Read(destination[..wanted]);
        _hash.AppendData(destination[..read]);
        _fetched += read;
        return read;
    }
}

using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace OptGen.Training;

/// <summary>
/// Arrays of numbers in a checkpoint: a length, then the raw little-endian values, moved in chunks so that an
/// array of any size streams (a byte span cannot pass 2 GB) and nothing is copied whole.
/// </summary>
internal static class CheckpointValues
{
    private const int ChunkBytes = 1 << 20;

    public static void Write<T>(BinaryWriter writer, ReadOnlySpan<T> values)
        where T : unmanaged
    {
        writer.Write(values.Length);
        int chunk = ChunkBytes / Unsafe.SizeOf<T>();
        for (int start = 0; start < values.Length; start += chunk)
        {
            writer.Write(MemoryMarshal.AsBytes(values.Slice(start, Math.Min(chunk, values.Length - start))));
        }
    }

    /// <summary>Reads an array into a new one, after checking that the stream holds as many values as it declares.</summary>
    public static T[] Read<T>(BinaryReader reader)
        where T : unmanaged
    {
        int length = reader.ReadInt32();
        CheckRemaining<T>(reader, length);
        var values = new T[length];
        ReadChunks(reader.BaseStream, values);
        return values;
    }

    /// <summary>Reads an array that must be <paramref name="destination"/>'s length into it (the caller's scratch space, not live state).</summary>
    /// <exception cref="InvalidDataException">The stored array has another length.</exception>
    public static void ReadInto<T>(BinaryReader reader, Span<T> destination, string what)
        where T : unmanaged
    {
        int length = reader.ReadInt32();
        if (length != destination.Length)
        {
            throw new InvalidDataException($"it holds {length} {what}, but this run has {destination.Length}.");
        }

        ReadChunks(reader.BaseStream, destination);
    }

    private static void ReadChunks<T>(Stream stream, Span<T> destination)
        where T : unmanaged
    {
        int chunk = ChunkBytes / Unsafe.SizeOf<T>();
        for (int start = 0; start < destination.Length; start += chunk)
        {
            stream.ReadExactly(MemoryMarshal.AsBytes(destination.Slice(start, Math.Min(chunk, destination.Length - start))));
        }
    }

    private static void CheckRemaining<T>(BinaryReader reader, int length)
        where T : unmanaged
    {
        // A checkpoint's body stream knows its length without seeking; a MemoryStream does too.
        if (length < 0 || (long)length * Unsafe.SizeOf<T>() > reader.BaseStream.Length - reader.BaseStream.Position)
        {
            throw new InvalidDataException($"it declares {length} values where fewer remain.");
        }
    }
}

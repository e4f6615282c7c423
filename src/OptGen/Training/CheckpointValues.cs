using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace OptGen.Training;

/// <summary>Arrays of numbers in a checkpoint: a length, then the raw little-endian values.</summary>
internal static class CheckpointValues
{
    public static void Write<T>(BinaryWriter writer, ReadOnlySpan<T> values)
        where T : unmanaged
    {
        writer.Write(values.Length);
        writer.Write(MemoryMarshal.AsBytes(values));
    }

    public static T[] Read<T>(BinaryReader reader)
        where T : unmanaged
    {
        int length = reader.ReadInt32();
        int size = Unsafe.SizeOf<T>();
        if (length < 0 || (long)length * size > reader.BaseStream.Length - reader.BaseStream.Position)
        {
            throw new InvalidDataException($"it declares {length} values where fewer remain.");
        }

        var values = new T[length];
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }
}

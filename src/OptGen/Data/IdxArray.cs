namespace OptGen.Data;

/// <summary>The contents of an IDX file of unsigned bytes: its dimensions and its data, row-major.</summary>
/// <param name="Dimensions">The size of each dimension, outermost first (60000, 28, 28 for MNIST's training images).</param>
/// <param name="Data">The elements, the last dimension varying fastest.</param>
public sealed record IdxArray(IReadOnlyList<int> Dimensions, byte[] Data)
{
    /// <summary>The number of items along the first dimension (images, labels).</summary>
    public int Count => Dimensions[0];

    /// <summary>The number of elements of one item (28 × 28 = 784 for an image, 1 for a label).</summary>
    public int ItemLength => Count == 0 ? 0 : Data.Length / Count;
}

using System.Numerics;

namespace OptGen.Distributed.Sharding;

/// <summary>
/// The shape of a constructor-sized optimizer's saved state, as <see cref="CompilerServices.OptimizerState"/> lays it out: a header
/// of fixed length (step count, learning rate, any scalar state), then <see cref="Buffers"/> buffers of one element
/// per parameter. Because the state is per parameter, the whole state of n parameters cuts into shards by slicing
/// each buffer, and shards join back into the whole state.
/// </summary>
/// <param name="HeaderLength">The elements before the first buffer.</param>
/// <param name="Buffers">The number of per-parameter buffers.</param>
internal sealed record StateLayout(int HeaderLength, int Buffers)
{
    /// <summary>Measures the layout from optimizers of 1, 2 and 3 parameters made by <paramref name="create"/>.</summary>
    /// <exception cref="NotSupportedException">The state does not grow by a whole number of elements per parameter.</exception>
    public static StateLayout Of<T, TOptimizer>(Func<int, TOptimizer> create)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TOptimizer : IOptimizer<T>
    {
        int one = create(1).StateLength, two = create(2).StateLength, three = create(3).StateLength;
        int buffers = two - one;
        if (buffers < 0 || three - two != buffers || one - buffers < 0)
        {
            throw new NotSupportedException(
                $"{typeof(TOptimizer).Name}'s state has {one}, {two} and {three} elements for 1, 2 and 3 parameters; "
                + "sharding needs a fixed header followed by per-parameter buffers.");
        }

        return new StateLayout(one - buffers, buffers);
    }

    /// <summary>The length of the state of <paramref name="parameters"/> parameters.</summary>
    public int Length(int parameters) => checked(HeaderLength + Buffers * parameters);

    /// <summary>
    /// Copies the shard [<paramref name="start"/>, <paramref name="start"/> + <paramref name="length"/>) of the
    /// whole state <paramref name="whole"/> of <paramref name="parameters"/> parameters into <paramref name="shard"/>.
    /// </summary>
    public void Slice<T>(ReadOnlySpan<T> whole, int parameters, int start, int length, Span<T> shard)
    {
        whole[..HeaderLength].CopyTo(shard);
        for (int b = 0; b < Buffers; b++)
        {
            whole.Slice(HeaderLength + b * parameters + start, length).CopyTo(shard[(HeaderLength + b * length)..]);
        }
    }

    /// <summary>The inverse of <see cref="Slice{T}"/>: puts a shard's buffers into the whole state (the header is not touched).</summary>
    public void Place<T>(ReadOnlySpan<T> shard, int parameters, int start, int length, Span<T> whole)
    {
        for (int b = 0; b < Buffers; b++)
        {
            shard.Slice(HeaderLength + b * length, length).CopyTo(whole[(HeaderLength + b * parameters + start)..]);
        }
    }
}

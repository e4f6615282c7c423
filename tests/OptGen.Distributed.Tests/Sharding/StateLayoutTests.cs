using OptGen.Distributed.Sharding;

namespace OptGen.Distributed.Tests.Sharding;

public sealed class StateLayoutTests
{
    [Fact]
    public void Adam_HasTheHeaderAndTwoBuffers()
    {
        StateLayout layout = StateLayout.Of<double, AdamDouble>(n => new AdamDouble(n));

        Assert.Equal(new AdamDouble(1).StateLength - 2, layout.HeaderLength);
        Assert.Equal(2, layout.Buffers);
        Assert.Equal(new AdamDouble(1000).StateLength, layout.Length(1000));
    }

    [Fact]
    public void SlicingAndPlacing_ReassembleTheWholeState()
    {
        var layout = new StateLayout(HeaderLength: 2, Buffers: 2);
        int[] whole = [-1, -2, 0, 1, 2, 3, 4, 10, 11, 12, 13, 14];   // header, then m (5 parameters), then v
        var joined = new int[whole.Length];
        whole.AsSpan(0, 2).CopyTo(joined);
        var shard = new int[layout.Length(2)];

        layout.Slice<int>(whole, 5, 3, 2, shard);
        Assert.Equal([-1, -2, 3, 4, 13, 14], shard);

        foreach ((int start, int length) in new[] { (0, 3), (3, 2) })
        {
            var piece = new int[layout.Length(length)];
            layout.Slice<int>(whole, 5, start, length, piece);
            layout.Place<int>(piece, 5, start, length, joined);
        }

        Assert.Equal(whole, joined);
    }
}

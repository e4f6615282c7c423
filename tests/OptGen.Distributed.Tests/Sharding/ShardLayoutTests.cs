using OptGen.Distributed.Sharding;

namespace OptGen.Distributed.Tests.Sharding;

public sealed class ShardLayoutTests
{
    [Theory]
    [InlineData(10, 3, new[] { 0, 3, 6 }, new[] { 3, 3, 4 })]
    [InlineData(7, 7, new[] { 0, 1, 2, 3, 4, 5, 6 }, new[] { 1, 1, 1, 1, 1, 1, 1 })]
    [InlineData(5, 1, new[] { 0 }, new[] { 5 })]
    public void Shards_AreContiguousAndDifferByAtMostOne(int parameters, int ranks, int[] starts, int[] lengths)
    {
        var layout = new ShardLayout(parameters, ranks);

        Assert.Equal(starts, layout.Starts.ToArray());
        Assert.Equal(lengths, layout.Lengths.ToArray());
    }

    [Fact]
    public void FewerParametersThanRanks_IsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => new ShardLayout(2, 3));

        Assert.Contains("2 parameters cannot be sharded over 3 ranks", error.Message, StringComparison.Ordinal);
    }
}

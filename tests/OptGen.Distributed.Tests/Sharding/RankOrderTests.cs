using OptGen.Distributed.Sharding;

namespace OptGen.Distributed.Tests.Sharding;

public sealed class RankOrderTests
{
    [Fact]
    public void Sum_AddsThePiecesInRankOrder()
    {
        // (1e8 + −1e8) + 1 = 1 in float, but 1e8 + (−1e8 + 1) = 0: the order shows. 19 elements: vectors and a tail.
        const int length = 19;
        float[] pieces = [.. Enumerable.Repeat(1e8f, length), .. Enumerable.Repeat(-1e8f, length), .. Enumerable.Repeat(1f, length)];
        var sum = new float[length];

        RankOrder.Sum<float>(pieces, sum);

        Assert.All(sum, s => Assert.Equal(1f, s));
    }

    [Fact]
    public void Sum_RefusesPiecesOfAnotherLength()
    {
        Assert.Throws<ArgumentException>(() => RankOrder.Sum<double>(new double[7], new double[3]));
    }

    [Fact]
    public void SquaredNorm_IsTheNormOfTheScaledValues()
    {
        double[] values = [.. Enumerable.Range(1, 11).Select(i => (double)i)];

        double norm = RankOrder.SquaredNorm<double>(values, 0.5);

        Assert.Equal(values.Sum(v => 0.25 * v * v), norm, 12);
    }

    [Fact]
    public void ClipCoefficient_TheShardedStepUses_IsTorchsFactor()
    {
        Assert.Equal(1f, GradientNorm.ClipCoefficient(0.3f, 1.0));
        Assert.Equal(1f / (4f + 1e-6f), GradientNorm.ClipCoefficient(4f, 1.0));
    }
}

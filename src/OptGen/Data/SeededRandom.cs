namespace OptGen.Data;

/// <summary>
/// A small deterministic pseudo-random generator (xoshiro256**, seeded through SplitMix64).
/// </summary>
/// <remarks>
/// OptGen uses its own generator rather than <see cref="Random"/> because <see cref="Random"/>'s sequence
/// for a given seed is not promised to stay the same across .NET versions, and a seeded run must repeat
/// bit for bit anywhere. Its whole state is four 64-bit words, which checkpoints save and restore.
/// </remarks>
public sealed class SeededRandom
{
    /// <summary>The number of 64-bit words in the state (see <see cref="GetState"/>).</summary>
    public const int StateLength = 4;

    private ulong _s0, _s1, _s2, _s3;

    /// <summary>Creates a generator whose sequence is fixed by <paramref name="seed"/>.</summary>
    public SeededRandom(ulong seed)
    {
        // SplitMix64 spreads any seed (0 included) over the 256-bit state, as xoshiro's authors advise.
        ulong x = seed;
        _s0 = SplitMix64(ref x);
        _s1 = SplitMix64(ref x);
        _s2 = SplitMix64(ref x);
        _s3 = SplitMix64(ref x);
    }

    /// <summary>Creates a generator that continues from a state saved by <see cref="GetState"/>.</summary>
    /// <exception cref="ArgumentException">The state is not <see cref="StateLength"/> words, or is all zero.</exception>
    public SeededRandom(ReadOnlySpan<ulong> state) => SetState(state);

    /// <summary>Writes the generator's state (<see cref="StateLength"/> words) into <paramref name="destination"/>.</summary>
    public void GetState(Span<ulong> destination)
    {
        if (destination.Length != StateLength)
        {
            throw new ArgumentException($"The state has {StateLength} words, but the span has {destination.Length}.", nameof(destination));
        }

        destination[0] = _s0;
        destination[1] = _s1;
        destination[2] = _s2;
        destination[3] = _s3;
    }

    /// <summary>Continues from a state saved by <see cref="GetState"/>.</summary>
    /// <exception cref="ArgumentException">The state is not <see cref="StateLength"/> words, or is all zero.</exception>
    public void SetState(ReadOnlySpan<ulong> state)
    {
        if (state.Length != StateLength)
        {
            throw new ArgumentException($"The state has {StateLength} words, but the span has {state.Length}.", nameof(state));
        }

        // The all-zero state is xoshiro's one fixed point: it would return zeros forever.
        if ((state[0] | state[1] | state[2] | state[3]) == 0)
        {
            throw new ArgumentException("An all-zero state is not a valid xoshiro256** state.", nameof(state));
        }

        _s0 = state[0];
        _s1 = state[1];
        _s2 = state[2];
        _s3 = state[3];
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        ulong result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A uniform double in [0, 1), with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform integer in [0, <paramref name="maxExclusive"/>), without modulo bias.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxExclusive"/> is not positive.</exception>
    public int NextInt(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);

        // Lemire's multiply-and-reject: the high word of x·n is uniform once the biased low range is rejected.
        ulong n = (ulong)maxExclusive;
        ulong threshold = (0UL - n) % n;
        while (true)
        {
            ulong high = Math.BigMul(NextUInt64(), n, out ulong low);
            if (low >= threshold)
            {
                return (int)high;
            }
        }
    }

    /// <summary>A standard normal sample (Box–Muller; one sample per two uniforms, so the state stays four words).</summary>
    public double NextGaussian()
    {
        double u1 = 1.0 - NextDouble(); // (0, 1]: the logarithm stays finite
        double u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Shuffles <paramref name="items"/> in place (Fisher–Yates), each permutation equally likely.</summary>
    public void Shuffle<TItem>(Span<TItem> items)
    {
        for (int i = items.Length - 1; i > 0; i--)
        {
            int j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private static ulong SplitMix64(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

using System.ComponentModel;

namespace OptGen.CompilerServices;

/// <summary>
/// βᵗ as a running product, as generated optimizers keep their bias corrections 1 − βᵗ. Used by generated code.
/// </summary>
/// <remarks>
/// Computing βᵗ with <see cref="Math.Pow"/> every step costs tens of nanoseconds; a plain running product
/// is cheap but sinks into denormal numbers (0.9ᵗ from about t = 6,700 in double), after which every
/// multiplication is many times slower. Once βᵗ is below 10⁻¹⁸, 1 − βᵗ is exactly 1 in double
/// arithmetic, so flushing it to zero there changes no result and keeps every later step as fast as the first.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class RunningPower
{
    /// <summary>Below this, 1 − βᵗ rounds to exactly 1 (half an ulp of 1 is 1.1·10⁻¹⁶).</summary>
    public const double FlushThreshold = 1e-18;

    /// <summary>βᵗ⁺¹ from βᵗ.</summary>
    public static double Next(double power, double @base) => Flush(power * @base);

    /// <summary>A product of factors below 1, or 0 once 1 − it is exactly 1 (see <see cref="FlushThreshold"/>).</summary>
    public static double Flush(double product) => product < FlushThreshold ? 0 : product;

    /// <summary>βᵗ after <paramref name="steps"/> steps, exactly as <see cref="Next"/> would have produced it.</summary>
    public static double After(double @base, long steps)
    {
        double power = 1;
        for (long step = 0; step < steps && power != 0; step++)
        {
            power = Next(power, @base);
        }

        return power;
    }
}

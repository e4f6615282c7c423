using System.Globalization;
using Microsoft.CodeAnalysis;
using OptGen.Generator.Diagnostics;

namespace OptGen.Generator.Kinds;

/// <summary>
/// The values a hyperparameter accepts, and the diagnostic for a value outside them. Every range excludes NaN,
/// and only <see cref="Between"/> with an infinite bound admits an infinity.
/// </summary>
internal sealed record ValueRange(double Minimum, bool MinimumInclusive, double Maximum, bool MaximumInclusive, DiagnosticDescriptor? Descriptor)
{
    /// <summary>Flags: no range to check.</summary>
    public static readonly ValueRange Any = new(double.NegativeInfinity, true, double.PositiveInfinity, true, null);

    /// <summary>[0, ∞), finite.</summary>
    public static readonly ValueRange NonNegative = new(0, true, double.MaxValue, true, DiagnosticDescriptors.NegativeHyperparameter);

    /// <summary>[0, 1): a decay factor.</summary>
    public static readonly ValueRange Fraction = new(0, true, 1, false, DiagnosticDescriptors.DecayOutOfRange);

    /// <summary>(0, 1): a decay factor that must not be 0 (Nesterov's momentum).</summary>
    public static readonly ValueRange OpenFraction = new(0, false, 1, false, DiagnosticDescriptors.DecayOutOfRange);

    /// <summary>[0, 1]: Adadelta's ρ.</summary>
    public static readonly ValueRange UnitInterval = new(0, true, 1, true, DiagnosticDescriptors.RhoOutOfRange);

    /// <summary>(0, ∞), finite, reported with <paramref name="descriptor"/>.</summary>
    public static ValueRange Positive(DiagnosticDescriptor descriptor) => new(0, false, double.MaxValue, true, descriptor);

    public static ValueRange Between(double minimum, bool minimumInclusive, double maximum, bool maximumInclusive, DiagnosticDescriptor descriptor) =>
        new(minimum, minimumInclusive, maximum, maximumInclusive, descriptor);

    public bool Contains(double value) =>
        (MinimumInclusive ? value >= Minimum : value > Minimum) && (MaximumInclusive ? value <= Maximum : value < Maximum);

    /// <summary>The range as people write it: <c>[0, 1)</c>, <c>(1, ∞)</c>, <c>a positive finite number</c>.</summary>
    public string Describe()
    {
        if (Maximum == double.MaxValue)
        {
            return MinimumInclusive ? "a non-negative finite number" : "a positive finite number";
        }

        string maximum = double.IsPositiveInfinity(Maximum) ? "∞" : Format(Maximum);
        return $"{(MinimumInclusive ? '[' : '(')}{Format(Minimum)}, {maximum}{(MaximumInclusive ? ']' : ')')}";
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}

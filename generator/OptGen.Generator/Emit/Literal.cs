using System.Globalization;
using OptGen.Generator.Model;

namespace OptGen.Generator.Emit;

/// <summary>Numbers as C# literals (round-trip exact) and as math in documentation (short).</summary>
internal static class Literal
{
    /// <summary>A double literal that parses back to exactly <paramref name="value"/>: <c>0.9</c>, <c>1e-08</c>, <c>1.0</c>.</summary>
    public static string Double(double value)
    {
        RequireFinite(value);
        string text = value.ToString("R", CultureInfo.InvariantCulture).Replace('E', 'e');
        return text.IndexOfAny(['.', 'e']) < 0 ? text + ".0" : text;
    }

    /// <summary>A float literal that parses back to exactly <paramref name="value"/>: <c>0.9f</c>.</summary>
    public static string Float(float value)
    {
        RequireFinite(value);
        return value.ToString("R", CultureInfo.InvariantCulture).Replace('E', 'e') + "f";
    }

    /// <summary>A constant in the element type: the generator computes in double, then rounds once.</summary>
    public static string Element(double value, ElementType element) =>
        element == ElementType.Float ? Float((float)value) : Double(value);

    /// <summary>A literal of NaN or ∞ would not compile; the parser reports such values, so reaching here is a bug.</summary>
    private static void RequireFinite(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            throw new System.InvalidOperationException($"No C# literal for {value}; the value should have been reported.");
        }
    }

    /// <summary>A number for people: the shortest form to 15 digits (<c>1 − 0.9</c> shows as 0.1).</summary>
    public static string Math(double value) => value.ToString("G15", CultureInfo.InvariantCulture).Replace('E', 'e');
}

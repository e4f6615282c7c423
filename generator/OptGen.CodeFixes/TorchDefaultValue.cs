using System.Globalization;
using Microsoft.CodeAnalysis;

namespace OptGen.CodeFixes;

/// <summary>The default of a hyperparameter, as the "use torch's default" fix writes it.</summary>
internal static class TorchDefaultValue
{
    /// <summary>
    /// The default the diagnostic carries in <c>Properties["TorchDefault"]</c>: its reporter knows every kind's
    /// definitions, so the fix needs none of its own. Null when the diagnostic carries none (then no fix is offered).
    /// </summary>
    public static double? For(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(DiagnosticIds.TorchDefaultProperty, out string? carried)
        && double.TryParse(carried, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
        && !double.IsNaN(value) && !double.IsInfinity(value)
            ? value
            : null;

    /// <summary>As C# source: the shortest round-trip form, <c>1e-8</c> rather than <c>1E-08</c>, <c>1.0</c> rather than <c>1</c>.</summary>
    public static string Literal(double value)
    {
        string text = value.ToString("R", CultureInfo.InvariantCulture);
        int exponent = text.IndexOf('E');
        if (exponent >= 0)
        {
            return text.Substring(0, exponent) + "e" + int.Parse(text.Substring(exponent + 1), CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
        }

        return text.Contains(".") ? text : text + ".0";
    }
}

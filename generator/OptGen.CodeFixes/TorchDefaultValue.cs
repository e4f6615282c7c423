using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace OptGen.CodeFixes;

/// <summary>The default of a hyperparameter, as the "use torch's default" fix writes it.</summary>
internal static class TorchDefaultValue
{
    /// <summary>
    /// The diagnostic's own <c>Properties["TorchDefault"]</c> when it carries one (it knows every kind's defaults);
    /// otherwise <see cref="TorchDefaults"/>, for the hyperparameter the argument names and the attribute's kind.
    /// </summary>
    public static double? For(Diagnostic diagnostic, AttributeArgumentSyntax argument, SemanticModel model, CancellationToken cancellationToken)
    {
        if (diagnostic.Properties.TryGetValue(DiagnosticIds.TorchDefaultProperty, out string? carried)
            && double.TryParse(carried, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
        {
            return value;
        }

        return OptimizerArguments.KindOf(argument, model, cancellationToken) is { } kind
            ? FromTable(OptimizerArguments.NameOf(argument), kind)
            : null;
    }

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

    private static double? FromTable(string name, Kind kind) => name switch
    {
        "LearningRate" => TorchDefaults.LearningRate(kind),
        "Momentum" => TorchDefaults.Momentum(kind),
        "Epsilon" => TorchDefaults.Epsilon(kind),
        "Dampening" => TorchDefaults.Dampening,
        "WeightDecay" => TorchDefaults.WeightDecay,
        "Beta1" => TorchDefaults.Beta1,
        "Beta2" => TorchDefaults.Beta2,
        "Alpha" => TorchDefaults.Alpha,
        "LrDecay" => TorchDefaults.LrDecay,
        "InitialAccumulatorValue" => TorchDefaults.InitialAccumulatorValue,
        _ => null,
    };
}

using System.Collections.Generic;
using System.Linq;
using OptGen.Generator.Diagnostics;
using OptGen.Generator.Model;

namespace OptGen.Generator.Parsing;

/// <summary>
/// Reads the hyperparameters of an <c>[Optimizer]</c>, fills in PyTorch's defaults for the kind, and reports
/// values outside the ranges torch accepts and arguments the kind ignores.
/// </summary>
internal static class HyperparameterReader
{
    /// <summary>Which kinds each hyperparameter affects (those not listed affect every kind).</summary>
    private static readonly Dictionary<string, Kind[]> s_usedBy = new()
    {
        ["Momentum"] = [Kind.Momentum, Kind.Nesterov, Kind.RMSProp],
        ["Dampening"] = [Kind.Momentum, Kind.Nesterov],
        ["Beta1"] = [Kind.Adam],
        ["Beta2"] = [Kind.Adam],
        ["Amsgrad"] = [Kind.Adam],
        ["Epsilon"] = [Kind.Adagrad, Kind.RMSProp, Kind.Adam],
        ["Alpha"] = [Kind.RMSProp],
        ["Centered"] = [Kind.RMSProp],
        ["LrDecay"] = [Kind.Adagrad],
        ["InitialAccumulatorValue"] = [Kind.Adagrad],
    };

    public static Hyperparameters Read(Kind kind, AttributeArguments arguments, List<DiagnosticInfo> diagnostics)
    {
        foreach (string name in arguments.Names)
        {
            if (!IsUsed(name, kind))
            {
                diagnostics.Add(OptimizerParser.Report(
                    DiagnosticDescriptors.UnusedHyperparameter,
                    arguments.ArgumentLocationOf(name),
                    name,
                    kind,
                    string.Join(", ", s_usedBy[name].Select(k => "Kind." + k))));
            }
        }

        Hyperparameters defaults = Hyperparameters.DefaultsFor(kind);
        var validator = new Validator(kind, arguments, diagnostics);
        double momentumLowerBound = kind == Kind.Nesterov ? double.Epsilon : 0;
        var result = new Hyperparameters(
            LearningRate: validator.Positive("LearningRate", defaults.LearningRate, DiagnosticDescriptors.InvalidLearningRate),
            Momentum: validator.Fraction("Momentum", defaults.Momentum, momentumLowerBound),
            Dampening: validator.Fraction("Dampening", defaults.Dampening, 0),
            WeightDecay: validator.NonNegative("WeightDecay", defaults.WeightDecay),
            Beta1: validator.Fraction("Beta1", defaults.Beta1, 0),
            Beta2: validator.Fraction("Beta2", defaults.Beta2, 0),
            Epsilon: validator.Positive("Epsilon", defaults.Epsilon, DiagnosticDescriptors.InvalidEpsilon),
            Alpha: validator.Fraction("Alpha", defaults.Alpha, 0),
            LrDecay: validator.NonNegative("LrDecay", defaults.LrDecay),
            InitialAccumulatorValue: validator.NonNegative("InitialAccumulatorValue", defaults.InitialAccumulatorValue),
            Centered: arguments.Boolean("Centered") ?? defaults.Centered,
            Amsgrad: arguments.Boolean("Amsgrad") ?? defaults.Amsgrad,
            Maximize: arguments.Boolean("Maximize") ?? defaults.Maximize);

        if (kind == Kind.Nesterov && result.Dampening != 0)
        {
            diagnostics.Add(OptimizerParser.Report(DiagnosticDescriptors.NesterovWithDampening, arguments.LocationOf("Dampening"), result.Dampening));
        }

        return result;
    }

    /// <summary>Whether <paramref name="name"/> affects <paramref name="kind"/> (the names <see cref="s_usedBy"/> does not list affect every kind).</summary>
    private static bool IsUsed(string name, Kind kind) => !s_usedBy.TryGetValue(name, out Kind[] kinds) || kinds.Contains(kind);

    /// <summary>Reads one value and reports it when it is outside its range (only for the kinds it affects).</summary>
    private readonly struct Validator(Kind kind, AttributeArguments arguments, List<DiagnosticInfo> diagnostics)
    {
        public double Positive(string name, double fallback, Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor)
        {
            double value = arguments.Double(name) ?? fallback;
            if (IsUsed(name, kind) && !(value > 0 && !double.IsInfinity(value)))
            {
                diagnostics.Add(OptimizerParser.Report(descriptor, arguments.LocationOf(name), value));
            }

            return value;
        }

        public double NonNegative(string name, double fallback)
        {
            double value = arguments.Double(name) ?? fallback;
            if (IsUsed(name, kind) && !(value >= 0 && !double.IsInfinity(value)))
            {
                diagnostics.Add(OptimizerParser.Report(DiagnosticDescriptors.NegativeHyperparameter, arguments.LocationOf(name), name, value));
            }

            return value;
        }

        /// <summary>A decay factor: in [0, 1), or (0, 1) when <paramref name="lowerBound"/> is above 0.</summary>
        public double Fraction(string name, double fallback, double lowerBound)
        {
            double value = arguments.Double(name) ?? fallback;
            if (IsUsed(name, kind) && !(value >= lowerBound && value < 1))
            {
                string range = lowerBound > 0 ? $"(0, 1) for Kind.{kind}" : "[0, 1)";
                diagnostics.Add(OptimizerParser.Report(DiagnosticDescriptors.DecayOutOfRange, arguments.LocationOf(name), name, value, range));
            }

            return value;
        }
    }
}

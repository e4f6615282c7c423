using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using OptGen.Generator.Diagnostics;
using OptGen.Generator.Kinds;
using OptGen.Generator.Model;

namespace OptGen.Generator.Parsing;

/// <summary>
/// Reads the hyperparameters of an <c>[Optimizer]</c> against its kind's definition: fills in the kind's defaults,
/// reports values outside the ranges the definition gives and arguments the kind does not take.
/// </summary>
internal static class HyperparameterReader
{
    public static HyperparameterValues Read(KindDefinition definition, AttributeArguments arguments, List<DiagnosticInfo> diagnostics)
    {
        foreach (HyperparameterDefinition hyperparameter in Hyperparameter.All)
        {
            if (arguments.TryGet(hyperparameter.Name, out _) && !definition.Takes(hyperparameter))
            {
                diagnostics.Add(OptimizerParser.Report(
                    DiagnosticDescriptors.UnusedHyperparameter,
                    arguments.ArgumentLocationOf(hyperparameter.Name),
                    hyperparameter.Name,
                    definition.Kind,
                    string.Join(", ", KindRegistry.All.Where(other => other.Takes(hyperparameter)).Select(other => "Kind." + other.Kind))));
            }
        }

        HyperparameterValues values = HyperparameterValues.For(definition, use => Given(use, arguments));
        foreach (HyperparameterUse use in definition.Hyperparameters)
        {
            double value = values[use.Definition];
            if (use.Range.Descriptor is { } descriptor && arguments.TryGet(use.Name, out _) && !use.Range.Contains(value))
            {
                diagnostics.Add(OptimizerParser.Report(descriptor, arguments.LocationOf(use.Name), use.Name, value, use.Range.Describe())
                    with { TorchDefault = OptimizerParser.Format(use.Default) });
            }
        }

        if (values[Hyperparameter.ClipGradNorm] != 0 && values[Hyperparameter.ClipGradValue] != 0)
        {
            diagnostics.Add(OptimizerParser.Report(DiagnosticDescriptors.TwoClips, arguments.ArgumentLocationOf(Hyperparameter.ClipGradValue.Name)));
        }

        definition.Validate(values, new Reporter(arguments, diagnostics));
        return values;
    }

    private static double? Given(HyperparameterUse use, AttributeArguments arguments) => use.Definition.Type switch
    {
        HyperparameterType.Flag => arguments.Boolean(use.Name) is bool flag ? (flag ? 1 : 0) : null,
        HyperparameterType.Count => arguments.Double(use.Name),
        _ => arguments.Double(use.Name),
    };

    private sealed class Reporter(AttributeArguments arguments, List<DiagnosticInfo> diagnostics) : IArgumentReporter
    {
        public void Report(DiagnosticDescriptor descriptor, string argument, params object[] messageArguments) =>
            diagnostics.Add(OptimizerParser.Report(descriptor, arguments.LocationOf(argument), messageArguments));
    }
}

using System.Collections.Generic;
using OptGen.Generator.Diagnostics;
using OptGen.Generator.Kinds;
using OptGen.Generator.Model;

namespace OptGen.Generator.Parsing;

/// <summary>Hyperparameters are compiled in as constants of the element type: a float must be able to hold them.</summary>
internal static class ElementTypeChecks
{
    /// <summary>Reports each given value that is infinite, or 0, as a float (1e39 overflows, 1e-50 underflows).</summary>
    public static void CheckFloatRange(KindDefinition definition, HyperparameterValues values, AttributeArguments arguments, List<DiagnosticInfo> diagnostics)
    {
        foreach (HyperparameterUse use in definition.Hyperparameters)
        {
            double value = values[use.Definition];
            if (use.Definition.Type != HyperparameterType.Real || !arguments.TryGet(use.Name, out _) || double.IsNaN(value) || double.IsInfinity(value))
            {
                continue; // NaN and infinities are range errors already
            }

            float single = (float)value;
            string? problem = float.IsInfinity(single) ? "beyond float's range (±3.4e38)" : single == 0 && value != 0 ? "below float's smallest value (1.4e-45), so it would be 0" : null;
            if (problem is not null)
            {
                diagnostics.Add(OptimizerParser.Report(DiagnosticDescriptors.ValueDoesNotFitElementType, arguments.LocationOf(use.Name), use.Name, value, problem));
            }
        }
    }
}

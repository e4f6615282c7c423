using System;
using System.Linq;
using OptGen.Generator.Kinds;

namespace OptGen.Generator.Model;

/// <summary>A configured value of a hyperparameter (a flag as 0 or 1).</summary>
internal readonly record struct HyperparameterValue(string Name, double Value);

/// <summary>
/// The value of every hyperparameter a kind takes — given on the attribute, or the kind's default — as plain
/// data for the incremental pipeline.
/// </summary>
internal sealed record HyperparameterValues(EquatableArray<HyperparameterValue> Values)
{
    public double this[HyperparameterDefinition hyperparameter]
    {
        get
        {
            foreach (HyperparameterValue value in Values)
            {
                if (value.Name == hyperparameter.Name)
                {
                    return value.Value;
                }
            }

            throw new InvalidOperationException($"The kind does not take {hyperparameter.Name}.");
        }
    }

    /// <summary>The defaults of <paramref name="definition"/>, with <paramref name="given"/> in their place where given.</summary>
    public static HyperparameterValues For(KindDefinition definition, Func<HyperparameterUse, double?> given) =>
        new(definition.Hyperparameters.Select(use => new HyperparameterValue(use.Name, given(use) ?? use.Default)).ToEquatableArray());
}

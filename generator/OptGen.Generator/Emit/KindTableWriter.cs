using System.Linq;
using System.Text;
using OptGen.Generator.Kinds;

namespace OptGen.Generator.Emit;

/// <summary>
/// The README's table of kinds, written from the definitions (a test fails when the README's copy differs).
/// </summary>
internal static class KindTableWriter
{
    public static string Write()
    {
        var table = new StringBuilder();
        table.Append("| Kind | reference | hyperparameters (defaults) |\n");
        table.Append("|---|---|---|\n");
        foreach (KindDefinition definition in KindRegistry.All)
        {
            // Clipping, which every kind takes, is said once under the table rather than in every row.
            string hyperparameters = string.Join(", ", definition.Hyperparameters.Except(KindDefinition.Common).Select(Describe));
            table.Append($"| `{definition.Kind}` | `{definition.Reference}` | {hyperparameters} |\n");
        }

        return table.ToString();
    }

    private static string Describe(HyperparameterUse use) =>
        use.Definition.Type == HyperparameterType.Flag ? $"`{use.Name}`" : $"`{use.Name}` {Number(use.Default)}";


    /// <summary>1e-8 rather than 1e-08: the table is for people.</summary>
    private static string Number(double value) =>
        System.Text.RegularExpressions.Regex.Replace(Literal.Math(value), "e([+-])0*(\\d)", "e$1$2").Replace("e+", "e");
}

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
            string hyperparameters = string.Join(", ", definition.Hyperparameters.Select(Describe));
            table.Append($"| `{definition.Kind}` | `{definition.Reference}` | {hyperparameters} |\n");
        }

        return table.ToString();
    }

    private static string Describe(HyperparameterUse use) =>
        use.Definition.Type == HyperparameterType.Flag ? $"`{use.Name}`" : $"`{use.Name}` {Literal.Math(use.Default)}";
}

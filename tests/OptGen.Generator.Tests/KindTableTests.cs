using System.Runtime.CompilerServices;
using OptGen.Generator.Emit;
using OptGen.Generator.Kinds;

namespace OptGen.Generator.Tests;

/// <summary>The README's table of kinds is the one the kind definitions produce, and every Kind has a definition.</summary>
public sealed class KindTableTests
{
    private const string Begin = "<!-- kinds-table:begin -->";
    private const string End = "<!-- kinds-table:end -->";

    [Fact]
    public void The_readme_lists_the_kinds_as_the_definitions_state_them()
    {
        string readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md")).ReplaceLineEndings("\n");
        int begin = readme.IndexOf(Begin, StringComparison.Ordinal);
        int end = readme.IndexOf(End, StringComparison.Ordinal);
        Assert.True(begin >= 0 && end > begin, $"README.md has no table between {Begin} and {End}.");
        string table = readme[(begin + Begin.Length)..end].Trim('\n') + "\n";
        string expected = KindTableWriter.Write();
        Assert.True(
            table == expected,
            $"The README's table of kinds differs from the definitions. Put this between the markers:\n{expected}");
    }

    [Fact]
    public void Every_kind_of_the_enum_has_exactly_one_definition()
    {
        // The runtime's enum (users' Kind) against the generator's definitions, by name and value.
        Type runtimeKind = typeof(IOptimizer<>).Assembly.GetType("OptGen.Kind", throwOnError: true)!;
        var expected = Enum.GetValues(runtimeKind).Cast<object>().Select(kind => (Convert.ToInt32(kind, System.Globalization.CultureInfo.InvariantCulture), kind.ToString()!));
        var defined = KindRegistry.All.Select(definition => ((int)definition.Kind, definition.Kind.ToString()));
        Assert.Equal(expected.OrderBy(k => k.Item1), defined.OrderBy(k => k.Item1));
    }

    private static string RepositoryRoot([CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", ".."));
}

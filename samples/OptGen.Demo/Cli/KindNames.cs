namespace OptGen.Demo.Cli;

/// <summary>The command line's names of the update rules: the <see cref="Kind"/> names in lower case.</summary>
public static class KindNames
{
    /// <summary>Every kind's name, in the tutorial's order.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Enum.GetValues<Kind>().Select(Name)];

    /// <summary>The command-line name of <paramref name="kind"/>.</summary>
    public static string Name(Kind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>Parses a name case-insensitively.</summary>
    /// <exception cref="ArgumentException">Not a kind's name.</exception>
    public static Kind Parse(string name) =>
        Enum.TryParse(name, ignoreCase: true, out Kind kind) && Enum.IsDefined(kind) && !int.TryParse(name, out _)
            ? kind
            : throw new ArgumentException($"'{name}' is not an update rule; use one of {string.Join(", ", All)}.", nameof(name));

    /// <summary>Whether <paramref name="name"/> names a kind.</summary>
    public static bool IsKind(string name) => All.Contains(name, StringComparer.OrdinalIgnoreCase);
}

using System.Globalization;

namespace OptGen.Distributed.TestHost;

/// <summary>The host's command line: a scenario name, then <c>--name value</c> pairs.</summary>
internal sealed class HostArguments
{
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);

    public HostArguments(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith("--", StringComparison.Ordinal))
        {
            throw new ArgumentException("usage: OptGen.Distributed.TestHost <scenario> [--name value]...; scenarios: collectives, parity, checkpoint, resume, fail, mismatch, bench.");
        }

        Scenario = args[0];
        for (int i = 1; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"Argument {i} ('{args[i]}') is not followed by a value, or is not an --option.");
            }

            _options[args[i][2..]] = args[i + 1];
        }
    }

    public string Scenario { get; }

    public int? Int(string name) =>
        _options.TryGetValue(name, out string? value)
            ? int.Parse(value, NumberStyles.Integer, CultureInfo.InvariantCulture)
            : null;

    public string? Text(string name) => _options.GetValueOrDefault(name);

    public string Required(string name) =>
        Text(name) ?? throw new ArgumentException($"The scenario '{Scenario}' needs --{name}.");
}

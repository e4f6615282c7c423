namespace OptGen.Distributed.Tests.Infrastructure;

/// <summary>One <c>key=value ...</c> line the test host prints, e.g. <c>result case=adam-float rank=0 size=2 sha256=…</c>.</summary>
internal sealed record ResultLine(IReadOnlyDictionary<string, string> Fields)
{
    public string this[string key] => Fields.TryGetValue(key, out string? value) ? value : throw new KeyNotFoundException($"The line has no '{key}': {string.Join(' ', Fields.Select(f => $"{f.Key}={f.Value}"))}");

    public static IReadOnlyList<ResultLine> Parse(ProcessResult run, string prefix) =>
        run.Lines(prefix + " ")
            .Select(line => new ResultLine(line[(prefix.Length + 1)..]
                .Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(pair => pair.Split('=', 2))
                .ToDictionary(pair => pair[0], pair => pair.Length > 1 ? pair[1] : "")))
            .ToList();

    /// <summary>
    /// Checks that a real run of <paramref name="ranks"/> ranks printed, for each case, one line per rank
    /// (ranks 0 … P−1, each with the rank count), all with one hash; returns that hash per case.
    /// </summary>
    public static Dictionary<string, string> HashesPerCase(ProcessResult run, int ranks)
    {
        Assert.True(run.ExitCode == 0, run.ToString());
        var hashes = new Dictionary<string, string>();
        foreach (IGrouping<string, ResultLine> group in Parse(run, "result").GroupBy(l => l["case"]))
        {
            Assert.Equal(Enumerable.Range(0, ranks).Select(r => r.ToString(System.Globalization.CultureInfo.InvariantCulture)), group.Select(l => l["rank"]).Order());
            Assert.All(group, l => Assert.Equal(ranks.ToString(System.Globalization.CultureInfo.InvariantCulture), l["size"]));
            Assert.Single(group.Select(l => l["sha256"]).Distinct());
            hashes[group.Key] = group.First()["sha256"];
        }

        Assert.NotEmpty(hashes);
        return hashes;
    }

    /// <summary>The hash per case of a simulated run (one line per case).</summary>
    public static Dictionary<string, string> SimulatedHashes(ProcessResult run)
    {
        Assert.True(run.ExitCode == 0, run.ToString());
        return Parse(run, "result").ToDictionary(l => l["case"], l => l["sha256"]);
    }
}

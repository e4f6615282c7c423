using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace OptGen.Generator.Tests.Infrastructure;

/// <summary>
/// Compares generated source with a checked-in <c>Snapshots/{name}.verified.cs</c>. A mismatch writes
/// <c>{name}.received.cs</c> beside it and fails with a unified diff. Set OPTGEN_UPDATE_SNAPSHOTS=1 to accept
/// the received output instead (never set in CI).
/// </summary>
internal static partial class Snapshot
{
    public static void Verify(string actual, string name, [CallerFilePath] string callerPath = "")
    {
        string folder = Path.Combine(Path.GetDirectoryName(callerPath)!, "Snapshots");
        string verifiedPath = Path.Combine(folder, name + ".verified.cs");
        string receivedPath = Path.Combine(folder, name + ".received.cs");
        string scrubbed = Scrub(actual);

        if (Environment.GetEnvironmentVariable("OPTGEN_UPDATE_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(verifiedPath, scrubbed);
            File.Delete(receivedPath);
            return;
        }

        string expected = File.Exists(verifiedPath) ? File.ReadAllText(verifiedPath).ReplaceLineEndings("\n") : "";
        if (expected == scrubbed)
        {
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, scrubbed);
        Assert.Fail(File.Exists(verifiedPath)
            ? $"The generated source differs from {verifiedPath} (received: {receivedPath}):\n{UnifiedDiff(expected, scrubbed)}"
            : $"No snapshot {verifiedPath} yet; the output is in {receivedPath}. Review it, then rerun with OPTGEN_UPDATE_SNAPSHOTS=1.");
    }

    /// <summary>The generator's version changes with every release and says nothing about the code.</summary>
    private static string Scrub(string source) =>
        VersionPattern().Replace(source.ReplaceLineEndings("\n"), "GeneratedCode(\"OptGen.Generator\", \"{version}\")");

    private static string UnifiedDiff(string expected, string actual)
    {
        DiffPaneModel diff = InlineDiffBuilder.Diff(expected, actual, ignoreWhiteSpace: false);
        var text = new StringBuilder();
        foreach (DiffPiece line in diff.Lines)
        {
            string prefix = line.Type switch
            {
                ChangeType.Inserted => "+ ",
                ChangeType.Deleted => "- ",
                _ => "  ",
            };
            if (line.Type != ChangeType.Unchanged)
            {
                text.Append(line.Position?.ToString() ?? "").Append('\t').Append(prefix).AppendLine(line.Text);
            }
        }

        return text.ToString();
    }

    [GeneratedRegex("GeneratedCode\\(\"OptGen\\.Generator\", \"[^\"]*\"\\)")]
    private static partial Regex VersionPattern();
}

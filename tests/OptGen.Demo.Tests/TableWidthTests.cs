namespace OptGen.Demo.Tests;

/// <summary>On an 80-column terminal every table of every case fits: no line is wider, and no cell wraps.</summary>
public sealed class TableWidthTests
{
    [Fact]
    public void Every_table_fits_80_columns_without_wrapping_a_cell()
    {
        (int exitCode, string output, string error) = DemoRun.Capture(["--epochs", "3", "--no-pictures"], width: 80);
        Assert.True(exitCode == 0, error);

        string[] lines = output.Split('\n');
        Assert.True(lines.Count(line => line.StartsWith('╭')) >= 5, "expected a table per case:\n" + output);
        Assert.All(lines, line => Assert.True(line.TrimEnd().Length <= 80, $"{line.TrimEnd().Length} columns: {line}"));

        // A wrapped cell continues on a row of its own, whose first cell (the optimizer or the batching) is blank.
        string[] rows = [.. lines.Where(line => line.StartsWith('│'))];
        Assert.All(rows, row => Assert.False(string.IsNullOrWhiteSpace(row.Split('│')[1]), "a cell wrapped:\n" + output));
    }
}

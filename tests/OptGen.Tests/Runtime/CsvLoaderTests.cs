using OptGen.Data;
using Xunit;

namespace OptGen.Tests.Runtime;

/// <summary>The CSV loader reads numeric tables, and every error names the file, line and column.</summary>
public sealed class CsvLoaderTests : IDisposable
{
    private readonly string _folder = TestData.NewFolder();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void LoadsFeaturesAndTheChosenTarget()
    {
        string path = Write("ok.csv", "a, label ,\"b\"\n1,0,2.5\n\n-3e-1, 1 ,4\r\n");
        Dataset<double> data = CsvLoader.Load<double>(path, "label");
        Assert.Equal(2, data.Count);
        Assert.Equal(["a", "b"], data.FeatureNames);
        Assert.Equal("label", data.TargetName);
        Assert.Equal([1.0, 2.5, -0.3, 4.0], data.AllFeatures.ToArray());
        Assert.Equal([0.0, 1.0], data.Targets.ToArray());

        Dataset<float> single = CsvLoader.Load<float>(path, "a");
        Assert.Equal([1f, -0.3f], single.Targets.ToArray());
    }

    [Fact]
    public void MissingValueNamesFileLineAndColumn()
    {
        var e = Fails("missing.csv", "x1,x2,y\n1,2,0\n3,,1\n", "y");
        AssertWhere(e, "missing.csv", line: 3, column: 2);
        Assert.Contains("'x2' is missing", e.Message);
    }

    [Fact]
    public void NonNumberNamesFileLineColumnAndText()
    {
        var e = Fails("text.csv", "x1,x2,y\n1,2,0\n3,4,1\n5,six,1\n", "y");
        AssertWhere(e, "text.csv", line: 4, column: 2);
        Assert.Contains("'six'", e.Message);
        Assert.Equal("six", e.Text);
    }

    [Fact]
    public void NonFiniteNumberIsRefused()
    {
        var e = Fails("nan.csv", "x1,y\n1,0\nNaN,1\n", "y");
        AssertWhere(e, "nan.csv", line: 3, column: 1);
        var big = Fails("big.csv", "x1,y\n1e39,0\n", "y", asFloat: true);
        AssertWhere(big, "big.csv", line: 2, column: 1);
    }

    [Fact]
    public void RaggedRowNamesFileLineAndColumn()
    {
        var shortRow = Fails("short.csv", "x1,x2,y\n1,2,0\n3,4\n", "y");
        AssertWhere(shortRow, "short.csv", line: 3, column: 3);
        Assert.Contains("2 fields", shortRow.Message);

        var longRow = Fails("long.csv", "x1,x2,y\n1,2,0,9\n", "y");
        AssertWhere(longRow, "long.csv", line: 2, column: 4);
    }

    [Fact]
    public void MissingTargetColumnNamesFileLineAndColumns()
    {
        var e = Fails("notarget.csv", "x1,x2,z\n1,2,0\n", "y");
        Assert.Equal(1, e.Line);
        Assert.Contains("notarget.csv", e.Message);
        Assert.Contains("line 1", e.Message);
        Assert.Contains("no target column named 'y'", e.Message);
        Assert.Contains("columns 1–3 are: x1, x2, z", e.Message);
    }

    [Fact]
    public void DuplicateColumnNamesAreRefused()
    {
        var e = Fails("dup.csv", "x,y,x\n1,2,3\n", "y");
        AssertWhere(e, "dup.csv", line: 1, column: 3);
        Assert.Contains("twice (columns 1 and 3)", e.Message);
    }

    [Fact]
    public void EmptyAndHeaderOnlyFilesAreRefused()
    {
        Assert.Contains("empty", Fails("empty.csv", "", "y").Message);
        Assert.Contains("no rows", Fails("header.csv", "x,y\n", "y").Message);
        AssertWhere(Fails("quote.csv", "x,y\n\"1,0\n", "y"), "quote.csv", line: 2, column: 1);
    }

    [Fact]
    public void DuplicateCheckOfAVeryWideHeaderIsLinear()
    {
        // 200,000 columns: a pairwise check took 4.5 minutes here (and 1M columns most of an hour); a linear one
        // about a second. No time is asserted (speed belongs to benchmarks); a quadratic check would show as a
        // test that runs for minutes.
        const int columns = 200_000;
        var text = new System.Text.StringBuilder();
        text.AppendJoin(',', Enumerable.Range(0, columns).Select(c => $"c{c}")).Append(",y\n");
        text.AppendJoin(',', Enumerable.Repeat("1", columns)).Append(",0\n");
        string path = Write("wide.csv", text.ToString());
        Dataset<float> data = CsvLoader.Load<float>(path, "y");
        Assert.Equal(columns, data.FeatureCount);

        // A duplicate at the far end is still found, with both columns named.
        string duplicate = Write("widedup.csv", text.ToString().Replace(",y\n", ",c17\n"));
        var e = Assert.Throws<CsvFormatException>(() => CsvLoader.Load<float>(duplicate, "c3"));
        AssertWhere(e, "widedup.csv", line: 1, column: columns + 1);
        Assert.Contains($"twice (columns 18 and {columns + 1})", e.Message);
    }

    [Theory]
    [InlineData("x,y\n1.5~~~,1\n", 2, 1)]
    [InlineData("x,y\n1,0\n2,~1\n", 3, 2)]
    [InlineData("x~,y\n1,0\n", 1, 1)]
    public void NulCharactersAreRefused(string text, int line, int column)
    {
        // '~' stands for NUL (kept out of the test's name). "1.5\0\0\0" used to load as 1.5: the number parser
        // stops at a NUL.
        var e = Fails("nul.csv", text.Replace('~', '\0'), "y");
        AssertWhere(e, "nul.csv", line, column);
        Assert.Contains("NUL", e.Message);
    }

    [Fact]
    public void AValueThatUnderflowsToZeroIsReported()
    {
        var e = Fails("tiny.csv", "x,y\n1,0\n2,1\n1e-50,1\n", "y", asFloat: true);
        AssertWhere(e, "tiny.csv", line: 4, column: 1);
        Assert.Contains("'1e-50'", e.Message);
        Assert.Contains("underflows to 0", e.Message);
        var d = Fails("tinyd.csv", "x,y\n3,-2.5e-400\n", "y");
        AssertWhere(d, "tinyd.csv", line: 2, column: 2);

        // Allowed when asked: the value loads as 0.
        string tiny = Path.Combine(_folder, "tiny.csv");
        Dataset<float> allowed = CsvLoader.Load<float>(tiny, "y", new CsvOptions { AllowUnderflowToZero = true });
        Assert.Equal([1f, 2f, 0f], allowed.AllFeatures.ToArray());

        // Zeros written as zeros, and values that stay subnormal, are not underflows.
        string zeros = Write("zeros.csv", "x,y\n0,-0\n0.000,0e10\n1e-40,.0\n");
        Assert.Equal([0f, 0f, 1e-40f], CsvLoader.Load<float>(zeros, "y").AllFeatures.ToArray());
    }

    private static void AssertWhere(CsvFormatException e, string file, int line, int column)
    {
        Assert.EndsWith(file, e.FileName);
        Assert.Equal(line, e.Line);
        Assert.Equal(column, e.Column);
        Assert.Contains(file, e.Message);
        Assert.Contains($"line {line}, column {column}", e.Message);
    }

    private CsvFormatException Fails(string name, string text, string target, bool asFloat = false)
    {
        string path = Write(name, text);
        return asFloat
            ? Assert.Throws<CsvFormatException>(() => CsvLoader.Load<float>(path, target))
            : Assert.Throws<CsvFormatException>(() => CsvLoader.Load<double>(path, target));
    }

    private string Write(string name, string text)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}

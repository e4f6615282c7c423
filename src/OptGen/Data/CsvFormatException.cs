namespace OptGen.Data;

/// <summary>A CSV file that cannot be read as a dataset; the message names the file, line and column.</summary>
public sealed class CsvFormatException : FormatException
{
    /// <summary>Creates the exception for a problem at <paramref name="line"/> and <paramref name="column"/> of <paramref name="fileName"/>.</summary>
    public CsvFormatException(string fileName, int line, int column, string? text, string problem)
        : base(Describe(fileName, line, column, problem))
    {
        FileName = fileName;
        Line = line;
        Column = column;
        Text = text;
    }

    /// <summary>The file (as given to the loader).</summary>
    public string FileName { get; }

    /// <summary>The 1-based line.</summary>
    public int Line { get; }

    /// <summary>The 1-based column (field number), or 0 when the problem is the whole line.</summary>
    public int Column { get; }

    /// <summary>The offending text, when there is one.</summary>
    public string? Text { get; }

    private static string Describe(string fileName, int line, int column, string problem) =>
        column > 0 ? $"{fileName}, line {line}, column {column}: {problem}" : $"{fileName}, line {line}: {problem}";
}

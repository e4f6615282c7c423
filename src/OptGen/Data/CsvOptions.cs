namespace OptGen.Data;

/// <summary>How <see cref="CsvLoader"/> reads a file.</summary>
public sealed record CsvOptions
{
    /// <summary>The field separator. Default ','.</summary>
    public char Separator { get; init; } = ',';

    /// <summary>
    /// Whether a nonzero value too small for the element type (1e-50 as a float) may load as 0. Default false:
    /// such a value is reported with its file, line and column, since a silent 0 is rarely what the data meant.
    /// </summary>
    public bool AllowUnderflowToZero { get; init; }
}

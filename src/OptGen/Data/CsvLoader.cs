using System.Globalization;
using System.Numerics;
using System.Text;

namespace OptGen.Data;

/// <summary>
/// Reads a dataset from CSV: a header row of column names, then one row per sample, every value a
/// number (invariant culture). One column is the target; the others are the features.
/// </summary>
/// <remarks>
/// Any problem — a missing value, a value that is not a finite number, a nonzero value that underflows to 0 in
/// the element type (unless <see cref="CsvOptions.AllowUnderflowToZero"/>), a NUL character, a row with the wrong
/// number of fields, a duplicate column name, a target column the header lacks — throws <see cref="CsvFormatException"/> naming the file, the
/// line and the column and quoting the text. Nothing is returned until the whole file has been read, so a
/// caller never sees a partial dataset. Blank lines are skipped; fields may be quoted (<c>"a,b"</c>, with
/// <c>""</c> for a quote).
/// </remarks>
public static class CsvLoader
{
    /// <summary>Loads <paramref name="path"/>, taking <paramref name="targetColumn"/> as the target.</summary>
    /// <exception cref="CsvFormatException">The file is not a numeric CSV with that column.</exception>
    public static Dataset<T> Load<T>(string path, string targetColumn, char separator = ',')
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Load<T>(path, targetColumn, new CsvOptions { Separator = separator });

    /// <summary>Loads <paramref name="path"/>, taking <paramref name="targetColumn"/> as the target, as <paramref name="options"/> say.</summary>
    /// <exception cref="CsvFormatException">The file is not a numeric CSV with that column.</exception>
    public static Dataset<T> Load<T>(string path, string targetColumn, CsvOptions options)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(path);
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Parse<T>(reader, path, targetColumn, options);
    }

    /// <summary>Reads CSV text from <paramref name="reader"/>; <paramref name="fileName"/> is used in error messages.</summary>
    /// <exception cref="CsvFormatException">The text is not a numeric CSV with that column.</exception>
    public static Dataset<T> Parse<T>(TextReader reader, string fileName, string targetColumn, char separator = ',')
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Parse<T>(reader, fileName, targetColumn, new CsvOptions { Separator = separator });

    /// <summary>Reads CSV text from <paramref name="reader"/> as <paramref name="options"/> say; <paramref name="fileName"/> is used in error messages.</summary>
    /// <exception cref="CsvFormatException">The text is not a numeric CSV with that column.</exception>
    public static Dataset<T> Parse<T>(TextReader reader, string fileName, string targetColumn, CsvOptions options)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(targetColumn);
        ArgumentNullException.ThrowIfNull(options);
        char separator = options.Separator;

        var fields = new List<string>();
        int lineNumber = 0;
        string? line;
        do
        {
            line = reader.ReadLine();
            lineNumber++;
        }
        while (line is not null && string.IsNullOrWhiteSpace(line));

        if (line is null)
        {
            throw new CsvFormatException(fileName, Math.Max(1, lineNumber - 1), 0, null, "the file is empty; a header row of column names was expected.");
        }

        int headerLine = lineNumber;
        SplitFields(line, separator, fields, fileName, lineNumber);
        string[] header = fields.Select(f => f.Trim()).ToArray();
        for (int c = 0; c < header.Length; c++)
        {
            if (header[c].Length == 0)
            {
                throw new CsvFormatException(fileName, headerLine, c + 1, header[c], "the header has an empty column name.");
            }

            RefuseNul(header[c], fileName, headerLine, c + 1);
        }

        // One pass with a dictionary: a pairwise search is quadratic (a million columns took hours).
        var firstColumn = new Dictionary<string, int>(header.Length, StringComparer.Ordinal);
        for (int c = 0; c < header.Length; c++)
        {
            if (!firstColumn.TryAdd(header[c], c))
            {
                throw new CsvFormatException(fileName, headerLine, c + 1, header[c],
                    $"the header names column '{header[c]}' twice (columns {firstColumn[header[c]] + 1} and {c + 1}).");
            }
        }

        int target = Array.IndexOf(header, targetColumn);
        if (target < 0)
        {
            throw new CsvFormatException(fileName, headerLine, 0, line,
                $"the header has no target column named '{targetColumn}' (its columns 1–{header.Length} are: {ListColumns(header)}).");
        }

        if (header.Length < 2)
        {
            throw new CsvFormatException(fileName, headerLine, 0, line, "the header has only the target column; at least one feature column is needed.");
        }

        var features = new List<T>();
        var targets = new List<T>();
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            SplitFields(line, separator, fields, fileName, lineNumber);
            if (fields.Count != header.Length)
            {
                int column = Math.Min(fields.Count, header.Length) + 1;
                throw new CsvFormatException(fileName, lineNumber, column, line,
                    $"the row has {fields.Count} fields, but the header has {header.Length} columns.");
            }

            for (int c = 0; c < fields.Count; c++)
            {
                T value = ParseValue<T>(fields[c], fileName, lineNumber, c + 1, header[c], options.AllowUnderflowToZero);
                if (c == target)
                {
                    targets.Add(value);
                }
                else
                {
                    features.Add(value);
                }
            }
        }

        if (targets.Count == 0)
        {
            throw new CsvFormatException(fileName, lineNumber, 0, null, "the file has a header but no rows.");
        }

        string[] featureNames = header.Where((_, c) => c != target).ToArray();
        return new Dataset<T>(features.ToArray(), targets.ToArray(), featureNames.Length, featureNames, header[target]);
    }

    private static T ParseValue<T>(string field, string fileName, int line, int column, string columnName, bool allowUnderflow)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        // The number parser stops at a NUL, so "1.5\0\0\0" would load as 1.5: refuse it first.
        RefuseNul(field, fileName, line, column);
        string text = field.Trim();
        if (text.Length == 0)
        {
            throw new CsvFormatException(fileName, line, column, field, $"the value of '{columnName}' is missing.");
        }

        if (!T.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out T value))
        {
            throw new CsvFormatException(fileName, line, column, field, $"'{text}' in column '{columnName}' is not a number.");
        }

        if (!T.IsFinite(value))
        {
            throw new CsvFormatException(fileName, line, column, field, $"'{text}' in column '{columnName}' is not a finite number (or is too large for {typeof(T).Name}).");
        }

        if (T.IsZero(value) && !allowUnderflow && HasNonZeroDigit(text))
        {
            throw new CsvFormatException(fileName, line, column, field,
                $"'{text}' in column '{columnName}' underflows to 0 in {typeof(T).Name} (its smallest positive value is {T.Epsilon}); write 0, rescale the column, or set CsvOptions.AllowUnderflowToZero.");
        }

        return value;
    }

    /// <summary>Whether the significand (the text before any exponent) has a digit other than 0.</summary>
    private static bool HasNonZeroDigit(string text)
    {
        foreach (char c in text)
        {
            if (c is 'e' or 'E')
            {
                return false;
            }

            if (c is >= '1' and <= '9')
            {
                return true;
            }
        }

        return false;
    }

    private static void RefuseNul(string field, string fileName, int line, int column)
    {
        int nul = field.IndexOf('\0');
        if (nul >= 0)
        {
            throw new CsvFormatException(fileName, line, column, field.Replace("\0", "\\0"),
                $"the field has a NUL character (\\0) at position {nul + 1}; a CSV file holds text, and this one may be binary or padded.");
        }
    }

    /// <summary>The column names for a message: all of them, or the first 20 of a wide header.</summary>
    private static string ListColumns(string[] header) =>
        header.Length <= 20 ? string.Join(", ", header) : $"{string.Join(", ", header.Take(20))}, … ({header.Length - 20} more)";

    private static void SplitFields(string line, char separator, List<string> fields, string fileName, int lineNumber)
    {
        fields.Clear();
        var field = new StringBuilder();
        int i = 0;
        while (true)
        {
            field.Clear();
            if (i < line.Length && line[i] == '"')
            {
                int opening = i++;
                while (true)
                {
                    if (i >= line.Length)
                    {
                        throw new CsvFormatException(fileName, lineNumber, fields.Count + 1, line[opening..], "a quoted field is not closed on its line.");
                    }

                    if (line[i] == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    field.Append(line[i++]);
                }

                int end = line.IndexOf(separator, i);
                string rest = end < 0 ? line[i..] : line[i..end];
                if (rest.Trim().Length != 0)
                {
                    throw new CsvFormatException(fileName, lineNumber, fields.Count + 1, rest, "text follows a closing quote.");
                }

                i = end < 0 ? line.Length : end;
            }
            else
            {
                int end = line.IndexOf(separator, i);
                field.Append(end < 0 ? line.AsSpan(i) : line.AsSpan(i, end - i));
                i = end < 0 ? line.Length : end;
            }

            fields.Add(field.ToString());
            if (i >= line.Length)
            {
                return;
            }

            i++; // past the separator; a trailing separator yields one more (empty) field
        }
    }
}

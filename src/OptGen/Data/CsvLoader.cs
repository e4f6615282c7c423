using System.Globalization;
using System.Numerics;
using System.Text;

namespace OptGen.Data;

/// <summary>
/// Reads a dataset from CSV: a header row of column names, then one row per sample, every value a
/// number (invariant culture). One column is the target; the others are the features.
/// </summary>
/// <remarks>
/// Any problem — a missing value, a value that is not a finite number, a row with the wrong number of
/// fields, a target column the header lacks — throws <see cref="CsvFormatException"/> naming the file, the
/// line and the column and quoting the text. Nothing is returned until the whole file has been read, so a
/// caller never sees a partial dataset. Blank lines are skipped; fields may be quoted (<c>"a,b"</c>, with
/// <c>""</c> for a quote).
/// </remarks>
public static class CsvLoader
{
    /// <summary>Loads <paramref name="path"/>, taking <paramref name="targetColumn"/> as the target.</summary>
    /// <exception cref="CsvFormatException">The file is not a numeric CSV with that column.</exception>
    public static Dataset<T> Load<T>(string path, string targetColumn, char separator = ',')
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(path);
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Parse<T>(reader, path, targetColumn, separator);
    }

    /// <summary>Reads CSV text from <paramref name="reader"/>; <paramref name="fileName"/> is used in error messages.</summary>
    /// <exception cref="CsvFormatException">The text is not a numeric CSV with that column.</exception>
    public static Dataset<T> Parse<T>(TextReader reader, string fileName, string targetColumn, char separator = ',')
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(targetColumn);

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
        }

        for (int c = 0; c < header.Length; c++)
        {
            int first = Array.IndexOf(header, header[c]);
            if (first < c)
            {
                throw new CsvFormatException(fileName, headerLine, c + 1, header[c],
                    $"the header names column '{header[c]}' twice (columns {first + 1} and {c + 1}).");
            }
        }

        int target = Array.IndexOf(header, targetColumn);
        if (target < 0)
        {
            throw new CsvFormatException(fileName, headerLine, 0, line,
                $"the header has no target column named '{targetColumn}' (its columns 1–{header.Length} are: {string.Join(", ", header)}).");
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
                T value = ParseValue<T>(fields[c], fileName, lineNumber, c + 1, header[c]);
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

    private static T ParseValue<T>(string field, string fileName, int line, int column, string columnName)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
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

        return value;
    }

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

using System.Globalization;
using OptGen.Demo.Cli;
using Spectre.Console;

namespace OptGen.Demo.Cases;

/// <summary>Runs cases with a progress display, prints a table per case, and lists the pictures written.</summary>
public static class DemoRunner
{
    /// <summary>Runs <paramref name="cases"/> in order; returns the exit code.</summary>
    public static int Run(IReadOnlyList<IDemoCase> cases, DemoSettings settings, DemoConsole io)
    {
        var pictures = new List<string>();
        foreach (IDemoCase demoCase in cases)
        {
            CaseResult? result = null;
            IReadOnlyList<string> written = [];
            void Work(IProgress<double>? training, Func<IProgress<double>?>? drawing)
            {
                result = demoCase.Run(settings, training);
                if (settings.Pictures)
                {
                    try
                    {
                        written = demoCase.WritePictures(result, settings, drawing?.Invoke());
                    }
                    catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                    {
                        throw new IOException($"Could not write the pictures to --out '{settings.OutputFolder}': {exception.Message}", exception);
                    }
                }
            }

            if (io.Console.Profile.Capabilities.Interactive)
            {
                // A live display in a terminal; written to a file or a pipe, the output is the tables alone.
                io.Console.Progress()
                    .AutoClear(true)
                    .HideCompleted(true)
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
                    .Start(context => Work(
                        new Progress(context.AddTask($"{demoCase.Name}: training", maxValue: 1)),
                        () => new Progress(context.AddTask($"{demoCase.Name}: pictures", maxValue: 1))));
            }
            else
            {
                Work(null, null);
            }

            Print(result!, io.Console);
            pictures.AddRange(written);
        }

        if (pictures.Count > 0)
        {
            io.Console.WriteLine();
            io.Console.MarkupLine($"[bold]Pictures[/] ({pictures.Count}) in {Markup.Escape(Path.GetFullPath(settings.OutputFolder))}:");
            foreach (string picture in pictures)
            {
                io.Console.WriteLine("  " + picture);
            }
        }

        return 0;
    }

    /// <summary>
    /// A table of a case, as the terminal shows it. It fits 80 columns: optimizer, batching or learning rate, when
    /// every run shares it, is said once in the caption ("every run: mini-batch of 32") instead of in each row.
    /// </summary>
    public static Table BuildTable(TableSection section)
    {
        bool accuracy = section.Runs.Any(r => r.TestAccuracy is not null);
        TableField[] fields =
        [
            new("optimizer", run => Markup.Escape(run.Label), Text: true, SharedAs: value => value),
            new("batching", run => Markup.Escape(run.Batching), Text: true, SharedAs: value => value),
            new("lr", run => Format.Number(run.LearningRate), SharedAs: value => "lr " + value),
            new("updates", run => run.Updates.ToString("N0", CultureInfo.InvariantCulture)),
            new("final loss", run => Format.Loss(run.FinalLoss)),
            new($"epoch < {Format.Number(section.Threshold)}", run => run.EpochBelowThreshold?.ToString(CultureInfo.InvariantCulture) ?? "never"),
            .. accuracy ? [new TableField("test acc.", run => run.TestAccuracy is { } a ? a.ToString("P1", CultureInfo.InvariantCulture) : "")] : Array.Empty<TableField>(),
            new("time", run => Format.Duration(run.Elapsed)),
        ];

        var shared = fields.Where(f => f.SharedAs is not null && section.Runs.Count > 1 && section.Runs.Select(f.Cell).Distinct().Count() == 1).ToArray();
        TableField[] shown = [.. fields.Except(shared)];
        var table = new Table { Border = TableBorder.Rounded };
        table.Title = new TableTitle(section.Title, new Style(decoration: Decoration.Bold));
        if (shared.Length > 0)
        {
            table.Caption = new TableTitle("every run: " + string.Join(", ", shared.Select(f => f.SharedAs!(f.Cell(section.Runs[0])))));
        }

        foreach (TableField field in shown)
        {
            table.AddColumn(field.Text ? new TableColumn(field.Header) : new TableColumn(field.Header).RightAligned());
        }

        foreach (RunResult run in section.Runs)
        {
            table.AddRow([.. shown.Select(f => f.Cell(run))]);
        }

        return table;
    }

    /// <summary>
    /// A column of the table: its header, its cell per run, whether it is text (left-aligned) or a number, and how it
    /// reads in the caption when every run shares it (null: always a column of its own).
    /// </summary>
    private sealed record TableField(string Header, Func<RunResult, string> Cell, bool Text = false, Func<string, string>? SharedAs = null);

    private static void Print(CaseResult result, IAnsiConsole console)
    {
        foreach (TableSection section in result.Sections)
        {
            console.WriteLine();
            console.Write(BuildTable(section));
        }

        foreach (string note in result.Notes)
        {
            console.MarkupLine("  " + Markup.Escape(note));
        }

        foreach (RunResult run in result.Runs.Where(r => r.Stopped is not null))
        {
            console.MarkupLine($"  [yellow]{Markup.Escape(run.Label)} ({Markup.Escape(run.Batching)}): {Markup.Escape(run.Stopped!)}[/]");
        }
    }

    private sealed class Progress(ProgressTask task) : IProgress<double>
    {
        public void Report(double value) => task.Value = Math.Clamp(value, 0, 1);
    }
}

/// <summary>How the demo prints numbers (invariant culture, so tables read the same everywhere).</summary>
public static class Format
{
    /// <summary>A hyperparameter or threshold: shortest round-trip form, e.g. 0.1, 1e-4.</summary>
    public static string Number(double value) => value.ToString(Math.Abs(value) is > 0 and < 1e-3 ? "0e-0" : "G6", CultureInfo.InvariantCulture);

    /// <summary>A loss: four significant digits in exponent form, e.g. 2.431e-11.</summary>
    public static string Loss(double value) => double.IsFinite(value) ? value.ToString("0.000e+0", CultureInfo.InvariantCulture) : value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A wall time to three significant digits (at most 7 characters): 6.50 ms, 25.1 ms, 464 ms, 1.09 s.</summary>
    public static string Duration(TimeSpan elapsed) => elapsed.TotalMilliseconds switch
    {
        < 9.995 => elapsed.TotalMilliseconds.ToString("0.00", CultureInfo.InvariantCulture) + " ms",
        < 99.95 => elapsed.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture) + " ms",
        < 999.5 => elapsed.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms",
        _ => elapsed.TotalSeconds.ToString(elapsed.TotalSeconds < 9.995 ? "0.00" : elapsed.TotalSeconds < 99.95 ? "0.0" : "0", CultureInfo.InvariantCulture) + " s",
    };
}

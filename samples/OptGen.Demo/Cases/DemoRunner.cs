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

    /// <summary>A table of a case, as the terminal shows it.</summary>
    public static Table BuildTable(TableSection section)
    {
        bool accuracy = section.Runs.Any(r => r.TestAccuracy is not null);
        var table = new Table { Border = TableBorder.Rounded };
        table.Title = new TableTitle(section.Title, new Style(decoration: Decoration.Bold));
        table.AddColumn("optimizer");
        table.AddColumn("batching");
        table.AddColumn(new TableColumn("lr").RightAligned());
        table.AddColumn(new TableColumn("updates").RightAligned());
        table.AddColumn(new TableColumn("final loss").RightAligned());
        table.AddColumn(new TableColumn($"epoch < {Format.Number(section.Threshold)}").RightAligned());
        if (accuracy)
        {
            table.AddColumn(new TableColumn("test acc.").RightAligned());
        }

        table.AddColumn(new TableColumn("time").RightAligned());
        foreach (RunResult run in section.Runs)
        {
            var cells = new List<string>
            {
                Markup.Escape(run.Label),
                Markup.Escape(run.Batching),
                Format.Number(run.LearningRate),
                run.Updates.ToString("N0", CultureInfo.InvariantCulture),
                Format.Loss(run.FinalLoss),
                run.EpochBelowThreshold?.ToString(CultureInfo.InvariantCulture) ?? "never",
            };
            if (accuracy)
            {
                cells.Add(run.TestAccuracy is { } a ? a.ToString("P1", CultureInfo.InvariantCulture) : "");
            }

            cells.Add(Format.Duration(run.Elapsed));
            table.AddRow(cells.ToArray());
        }

        return table;
    }

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

    /// <summary>A wall time: ms below a second, else seconds.</summary>
    public static string Duration(TimeSpan elapsed) => elapsed.TotalSeconds < 1
        ? elapsed.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture) + " ms"
        : elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s";
}

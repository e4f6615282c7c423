using Spectre.Console;

namespace OptGen.Demo.Cli;

/// <summary>Where the demo writes: a Spectre console for tables and progress, plain writers for code and errors.</summary>
/// <param name="Console">Tables, progress and messages.</param>
/// <param name="Output">Plain text meant to be redirected (the code <c>show</c> prints).</param>
/// <param name="Error">Errors and diagnostics.</param>
public sealed record DemoConsole(IAnsiConsole Console, TextWriter Output, TextWriter Error)
{
    /// <summary>The process's terminal.</summary>
    public static DemoConsole Terminal()
    {
        IAnsiConsole console = AnsiConsole.Console;
        if (System.Console.IsOutputRedirected)
        {
            // Written to a file or a pipe: no terminal to fit, so give the tables room instead of Spectre's 80 columns.
            console.Profile.Width = 120;
        }

        return new DemoConsole(console, System.Console.Out, System.Console.Error);
    }

    /// <summary>A console that writes plain text (no colours, no live progress) to <paramref name="writer"/>, <paramref name="width"/> columns wide, for tests.</summary>
    public static DemoConsole Capture(StringWriter writer, StringWriter error, int width = 160)
    {
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = width;
        return new DemoConsole(console, writer, error);
    }
}

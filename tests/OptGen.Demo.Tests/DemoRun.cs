using OptGen.Demo.Cli;

namespace OptGen.Demo.Tests;

/// <summary>Runs the demo's command line in-process and captures what it writes.</summary>
internal static class DemoRun
{
    public static (int ExitCode, string Output, string Error) Capture(string[] args, int width = 160)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exitCode = DemoApp.Run(args, DemoConsole.Capture(output, error, width));
        return (exitCode, output.ToString(), error.ToString());
    }
}

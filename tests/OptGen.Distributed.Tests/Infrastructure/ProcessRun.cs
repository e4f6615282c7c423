using System.Diagnostics;
using System.Text;

namespace OptGen.Distributed.Tests.Infrastructure;

/// <summary>What a child process did: its exit code, its output and error text, and when it ended.</summary>
/// <param name="ExitCode">The exit code (−1 if it was killed at the timeout).</param>
/// <param name="Output">Standard output.</param>
/// <param name="Error">Standard error.</param>
/// <param name="TimedOut">Whether it was killed at the timeout.</param>
/// <param name="Elapsed">From start to exit.</param>
/// <param name="AfterMarker">From the first line of standard error containing the marker, if any, to exit.</param>
internal sealed record ProcessResult(int ExitCode, string Output, string Error, bool TimedOut, TimeSpan Elapsed, TimeSpan? AfterMarker)
{
    /// <summary>The lines of standard output that start with <paramref name="prefix"/>.</summary>
    public IReadOnlyList<string> Lines(string prefix) =>
        Output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.StartsWith(prefix, StringComparison.Ordinal)).ToList();

    /// <summary>Everything it printed, for assertion messages.</summary>
    public override string ToString() => $"exit {ExitCode}{(TimedOut ? " (killed at the timeout)" : "")}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}

/// <summary>Runs a child process with a timeout, killing its whole tree if it overruns (a hang must fail, not block the suite).</summary>
internal static class ProcessRun
{
    public static ProcessResult Start(string file, IEnumerable<string> arguments, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null, string? errorMarker = null)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach ((string name, string value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        var output = new StringBuilder();
        var error = new StringBuilder();
        long? markerSeen = null;
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (output)
                {
                    output.AppendLine(e.Data);
                }
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (error)
                {
                    if (errorMarker is not null && markerSeen is null && e.Data.Contains(errorMarker, StringComparison.Ordinal))
                    {
                        markerSeen = Stopwatch.GetTimestamp();
                    }

                    error.AppendLine(e.Data);
                }
            }
        };

        long start = Stopwatch.GetTimestamp();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        bool exited = process.WaitForExit(timeout);
        if (!exited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.WaitForExit();   // drains the redirected streams
        long end = Stopwatch.GetTimestamp();
        lock (error)
        {
            return new ProcessResult(
                exited ? process.ExitCode : -1,
                output.ToString(),
                error.ToString(),
                !exited,
                Stopwatch.GetElapsedTime(start, end),
                markerSeen is { } seen ? Stopwatch.GetElapsedTime(seen, end) : null);
        }
    }
}

using System.Diagnostics;
using OptGen.Data;
using OptGen.Training;

namespace OptGen.Tests.Runtime;

/// <summary>
/// The test assembly's entry point, which does nothing unless asked to be a checkpoint writer: started as
/// <c>dotnet OptGen.Tests.dll save-forever &lt;path&gt;</c> it saves a large checkpoint to the path over and over,
/// so a test can kill it (SIGKILL, as <c>kill -9</c>) in the middle of a save.
/// </summary>
internal static class CheckpointChildProcess
{
    private const string Command = "save-forever";

    public static int Main(string[] args)
    {
        if (args.Length != 2 || args[0] != Command)
        {
            return 0;
        }

        const int parameterCount = 4_000_000; // about 100 MB per checkpoint: each save takes a while
        var model = new WideModel(parameterCount);
        var parameters = new double[parameterCount];
        model.Initialize(parameters, 1);
        var trainer = Trainer.Create(model, new MlpAdam(parameterCount), Dataset<double>.FromColumn([1.0], [0.0]), parameters,
            new TrainingOptions { Epochs = 1 });
        Console.WriteLine("saving");

        // Killed long before this by the test; the limit only keeps an orphan (the test run itself killed) from
        // writing forever.
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(2))
        {
            trainer.SaveCheckpoint(args[1]);
        }

        return 1;
    }

    /// <summary>Starts a child that saves to <paramref name="path"/> forever; returns once it has begun saving.</summary>
    public static Process Start(string path)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(typeof(CheckpointChildProcess).Assembly.Location);
        start.ArgumentList.Add(Command);
        start.ArgumentList.Add(path);
        var child = Process.Start(start) ?? throw new InvalidOperationException("The checkpoint writer did not start.");
        string? line = child.StandardOutput.ReadLine();
        if (line != "saving")
        {
            child.Kill();
            throw new InvalidOperationException($"The checkpoint writer said '{line}' instead of 'saving'.");
        }

        return child;
    }
}

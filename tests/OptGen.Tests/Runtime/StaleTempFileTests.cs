using System.Diagnostics;
using OptGen.Data;
using OptGen.Training;
using Xunit;

namespace OptGen.Tests.Runtime;

/// <summary>
/// A process killed in the middle of a save leaves its temporary file behind; the next save of the same
/// checkpoint removes it — and only it: another checkpoint's files, unrelated files and a temporary file that a
/// live writer still holds are left alone.
/// </summary>
public sealed class StaleTempFileTests : IDisposable
{
    private readonly string _folder = TestData.NewFolder();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void TheNextSaveRemovesTheTempFileOfAProcessKilledMidSave()
    {
        string path = Path.Combine(_folder, "run.ckpt");
        using (Process child = CheckpointChildProcess.Start(path))
        {
            // Wait until a save is under way (its temporary file exists), then kill -9.
            var clock = Stopwatch.StartNew();
            while (TempFiles().Length == 0 && clock.Elapsed < TimeSpan.FromSeconds(60))
            {
                Thread.Sleep(2);
            }

            child.Kill(); // SIGKILL on Unix: no finally block, no cleanup
            child.WaitForExit();
        }

        string[] orphans = TempFiles();
        Assert.NotEmpty(orphans);
        string[] others = PlantOtherFiles();

        NewRun().SaveCheckpoint(path);

        Assert.Empty(TempFiles());
        Assert.All(others, file => Assert.True(File.Exists(file), $"{file} was deleted"));
        NewRun().LoadCheckpoint(path);
    }

    [Fact]
    public void PlantedTempFilesOfDeadWritersAreRemovedAndALiveWritersFileIsKept()
    {
        string path = Path.Combine(_folder, "run.ckpt");
        int dead = DeadProcessId();
        string stale = Path.Combine(_folder, $".run.ckpt.{dead}.{Guid.NewGuid():N}.tmp");
        File.WriteAllBytes(stale, new byte[1000]);

        // A writer that is still writing: its process is alive and it holds the file.
        string live = Path.Combine(_folder, $".run.ckpt.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        string[] others = PlantOtherFiles();
        using (var writer = new FileStream(live, FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
            writer.Write(new byte[1000]);
            NewRun().SaveCheckpoint(path);
            Assert.False(File.Exists(stale), "the dead writer's temporary file was kept");
            Assert.True(File.Exists(live), "the live writer's temporary file was deleted");
        }

        Assert.All(others, file => Assert.True(File.Exists(file), $"{file} was deleted"));
    }

    /// <summary>The temporary files of run.ckpt, by the exact shape a save gives them.</summary>
    private string[] TempFiles() =>
        Directory.GetFiles(_folder, ".run.ckpt.*.tmp")
            .Where(f => System.Text.RegularExpressions.Regex.IsMatch(Path.GetFileName(f), @"^\.run\.ckpt\.[0-9]+\.[0-9a-f]{32}\.tmp$"))
            .ToArray();

    /// <summary>Files a save of run.ckpt must never touch: another checkpoint's temporary file, look-alikes, the user's own.</summary>
    private string[] PlantOtherFiles()
    {
        int dead = DeadProcessId();
        string[] names =
        [
            $".other.ckpt.{dead}.{Guid.NewGuid():N}.tmp",
            $".run.ckpt.1.{dead}.{Guid.NewGuid():N}.tmp",
            $"run.ckpt.{dead}.{Guid.NewGuid():N}.tmp",
            ".run.ckpt.tmp",
            $".run.ckpt.{dead}.notahexguid.tmp",
            "notes.tmp",
        ];
        return names.Select(name =>
        {
            string file = Path.Combine(_folder, name);
            File.WriteAllText(file, "not yours");
            return file;
        }).ToArray();
    }

    /// <summary>A process id that no running process has.</summary>
    private static int DeadProcessId()
    {
        for (int id = 4_000_000; ; id--)
        {
            try
            {
                using Process process = Process.GetProcessById(id);
            }
            catch (ArgumentException)
            {
                return id;
            }
        }
    }

    private static Trainer<double, Models.SigmoidNeuron<double>, NeuronAdam> NewRun() =>
        Trainer.Create(new Models.SigmoidNeuron<double>(), new NeuronAdam(), TestData.NeuronPoints(), [-2.0, -2.0], new TrainingOptions { Epochs = 3 });
}

using System.Diagnostics;
using System.Text.RegularExpressions;

namespace OptGen.Training;

/// <summary>
/// The temporary files a checkpoint is written to before it is renamed over the target, named
/// <c>.{checkpoint name}.{process id}.{32 hex digits}.tmp</c> beside it — and the removal of those that a killed
/// process left behind.
/// </summary>
/// <remarks>
/// A temporary file is stale when nobody holds it open (a writer keeps its file locked until the rename; the lock
/// dies with the process) and its writer is gone — or it has not changed for an hour, in case the process id was
/// reused. Only names of exactly this shape for exactly this checkpoint are considered: another checkpoint's files,
/// look-alikes and anything a user put there are never touched.
/// </remarks>
internal static class CheckpointTempFiles
{
    private static readonly TimeSpan StaleAfter = TimeSpan.FromHours(1);

    /// <summary>A new temporary file name for a checkpoint called <paramref name="fileName"/>.</summary>
    public static string NewName(string fileName) => $".{fileName}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";

    /// <summary>Deletes the stale temporary files of checkpoint <paramref name="fileName"/> in <paramref name="folder"/>; best effort, never throws.</summary>
    public static void RemoveStale(string folder, string fileName)
    {
        try
        {
            var shape = new Regex($@"^\.{Regex.Escape(fileName)}\.([0-9]{{1,10}})\.[0-9a-f]{{32}}\.tmp$", RegexOptions.CultureInvariant);
            foreach (string candidate in Directory.EnumerateFiles(folder, $".{fileName}.*.tmp"))
            {
                Match match = shape.Match(Path.GetFileName(candidate));
                if (!match.Success || !int.TryParse(match.Groups[1].ValueSpan, out int writer))
                {
                    continue;
                }

                bool abandoned = !IsRunning(writer) || File.GetLastWriteTimeUtc(candidate) < DateTime.UtcNow - StaleAfter;
                if (abandoned)
                {
                    DeleteIfNobodyHoldsIt(candidate);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // Cleaning up is a courtesy; the save itself must not fail because a folder cannot be listed.
        }
    }

    private static bool IsRunning(int processId)
    {
        if (processId == Environment.ProcessId)
        {
            return true;
        }

        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static void DeleteIfNobodyHoldsIt(string path)
    {
        try
        {
            // FileShare.None takes the same exclusive lock a writer holds, so this fails while one writes; the file
            // is deleted when this handle closes.
            using var probe = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Held by a writer, or not ours to delete: leave it.
        }
    }
}

namespace OptGen.Training;

/// <summary>
/// A checkpoint that cannot be resumed — torn, altered, not a checkpoint, unreadable, or from a different run —
/// or that could not be written. The message names the file and says what is wrong.
/// </summary>
public sealed class CheckpointException : IOException
{
    /// <summary>Creates the exception for the checkpoint at <paramref name="path"/>.</summary>
    public CheckpointException(string path, string problem, Exception? inner = null)
        : base($"The checkpoint '{path}' cannot be resumed: {problem}", inner) => Path = path;

    private CheckpointException(Exception inner, string path, string message)
        : base(message, inner) => Path = path;

    /// <summary>The checkpoint file.</summary>
    public string Path { get; }

    /// <summary>A save of the checkpoint at <paramref name="path"/> that failed (the previous checkpoint, if any, is intact).</summary>
    internal static CheckpointException WriteFailed(string path, Exception inner) =>
        new(inner, path, $"The checkpoint '{path}' could not be written (any previous checkpoint there is unchanged): {inner.Message}");
}

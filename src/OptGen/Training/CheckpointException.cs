namespace OptGen.Training;

/// <summary>A checkpoint that cannot be resumed: torn, altered, not a checkpoint, or from a different run.</summary>
public sealed class CheckpointException : IOException
{
    /// <summary>Creates the exception for the checkpoint at <paramref name="path"/>.</summary>
    public CheckpointException(string path, string problem, Exception? inner = null)
        : base($"The checkpoint '{path}' cannot be resumed: {problem}", inner) => Path = path;

    /// <summary>The checkpoint file.</summary>
    public string Path { get; }
}

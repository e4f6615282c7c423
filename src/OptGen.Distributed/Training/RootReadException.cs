namespace OptGen.Distributed.Training;

/// <summary>Rank 0 could not read a file the other ranks wait for; <see cref="Exception.Message"/> is what they are told.</summary>
internal sealed class RootReadException(string problem, Exception inner) : IOException(problem, inner);

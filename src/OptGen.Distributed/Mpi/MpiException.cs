namespace OptGen.Distributed.Mpi;

/// <summary>MPI could not be used: no library, a launcher that disagrees with the library, a wrong rank count, a failed call.</summary>
public sealed class MpiException : Exception
{
    /// <summary>An error with its explanation.</summary>
    public MpiException(string message)
        : base(message)
    {
    }

    /// <summary>An error with its explanation and its cause.</summary>
    public MpiException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

namespace OptGen.Data;

/// <summary>A file that cannot be read as IDX (the format of MNIST and Fashion-MNIST); the message names the file and what is wrong.</summary>
public sealed class IdxFormatException : FormatException
{
    /// <summary>Creates the exception for <paramref name="problem"/> in <paramref name="fileName"/>.</summary>
    public IdxFormatException(string fileName, string problem, Exception? inner = null)
        : base($"{fileName}: {problem}", inner)
    {
        FileName = fileName;
    }

    /// <summary>The file (as given to the loader).</summary>
    public string FileName { get; }
}

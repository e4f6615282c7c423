namespace OptGen.Generator;

/// <summary>The names of the pipeline's steps, shared with the caching tests.</summary>
public static class TrackingNames
{
    /// <summary>Each [Optimizer] type parsed into a spec and its diagnostics.</summary>
    public const string Parse = nameof(Parse);

    /// <summary>The valid specs.</summary>
    public const string Specs = nameof(Specs);

    /// <summary>Whether the compilation is the runtime itself (which gets TorchDefaults).</summary>
    public const string Runtime = nameof(Runtime);

    /// <summary>The valid specs with their (unique) file names.</summary>
    public const string Named = nameof(Named);
}

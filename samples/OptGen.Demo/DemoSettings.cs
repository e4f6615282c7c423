namespace OptGen.Demo;

/// <summary>The settings every case of the demo shares; the command line's options.</summary>
public sealed record DemoSettings
{
    /// <summary>The default output folder.</summary>
    public const string DefaultOutputFolder = "optgen-out";

    /// <summary>Where pictures go. Default <c>./optgen-out</c>.</summary>
    public string OutputFolder { get; init; } = DefaultOutputFolder;

    /// <summary>Epochs for every case; <see langword="null"/> keeps each case's own (the tutorial's) count.</summary>
    public int? Epochs { get; init; }

    /// <summary>The update rules to run; <see langword="null"/> (the default) runs each case's own.</summary>
    public IReadOnlyList<Kind>? Kinds { get; init; }

    /// <summary>Seeds every shuffle, data set and initialisation, so runs repeat exactly. Default 42.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Write pictures. Default true.</summary>
    public bool Pictures { get; init; } = true;

    /// <summary>The loss below which a run counts as having converged; <see langword="null"/> keeps each case's own.</summary>
    public double? Threshold { get; init; }

    /// <summary>Frames in each animated GIF. Default 60.</summary>
    public int GifFrames { get; init; } = 60;

    /// <summary>The epochs a case runs: <see cref="Epochs"/> if given, else the case's own.</summary>
    public int EpochsOr(int caseDefault) => Epochs ?? caseDefault;

    /// <summary>The threshold a case uses: <see cref="Threshold"/> if given, else the case's own.</summary>
    public double ThresholdOr(double caseDefault) => Threshold ?? caseDefault;

    /// <summary>The rules a case runs: those asked for, else the case's own.</summary>
    public IReadOnlyList<Kind> KindsOr(IReadOnlyList<Kind> caseDefault) => Kinds ?? caseDefault;

    /// <summary>Whether <paramref name="kind"/> is to run (every kind, when none were asked for).</summary>
    public bool Includes(Kind kind) => Kinds is null || Kinds.Contains(kind);
}

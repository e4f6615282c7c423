namespace OptGen.CodeFixes;

/// <summary>
/// The ids these fixes answer. The fixes key on ids and on where the squiggle is, not on who reports the diagnostic
/// (the generator today, a DiagnosticAnalyzer in the same assembly later), so they need no reference to it.
/// </summary>
internal static class DiagnosticIds
{
    public const string NotPartial = "OPTG001";
    public const string InvalidLearningRate = "OPTG003";
    public const string DecayOutOfRange = "OPTG004";
    public const string InvalidEpsilon = "OPTG005";
    public const string NesterovWithDampening = "OPTG006";
    public const string UnusedHyperparameter = "OPTG010";
    public const string NegativeHyperparameter = "OPTG011";
    public const string RhoOutOfRange = "OPTG014";
    public const string RpropEtas = "OPTG015";

    /// <summary>The key under which a range diagnostic carries the default of the value it rejects (a round-trip double).</summary>
    public const string TorchDefaultProperty = "TorchDefault";
}

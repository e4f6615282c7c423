namespace OptGen.Demo.Cases;

/// <summary>Every case of the demo, in the order the default run takes them.</summary>
public static class DemoCases
{
    /// <summary>All cases.</summary>
    public static IReadOnlyList<IDemoCase> All { get; } = [new NeuronCase(), new PlateauCase(), new SparseCase(), new MlpCase()];

    /// <summary>Cases run only by their own command: they need data that is installed separately, and minutes.</summary>
    public static IReadOnlyList<IDemoCase> OnRequest { get; } = [new FashionCase()];
}

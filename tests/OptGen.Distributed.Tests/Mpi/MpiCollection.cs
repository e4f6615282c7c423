namespace OptGen.Distributed.Tests.Mpi;

/// <summary>
/// The tests that launch MPI jobs run one at a time: each job already uses both cores of a CI machine, and
/// oversubscribed jobs running side by side would only make each slower.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MpiCollection
{
    public const string Name = "MPI jobs";
}

using OptGen.Distributed.Mpi;

namespace OptGen.Distributed.Tests.Mpi;

public sealed class LaunchEnvironmentTests
{
    private static LaunchEnvironment From(params (string Name, string Value)[] variables) =>
        LaunchEnvironment.From(name => variables.FirstOrDefault(v => v.Name == name).Value);

    [Fact]
    public void OpenMpisLauncher_ChoosesLibmpi()
    {
        LaunchEnvironment launch = From(("OMPI_COMM_WORLD_SIZE", "3"), ("OMPI_COMM_WORLD_RANK", "2"));

        Assert.Equal(new LaunchEnvironment(MpiFamily.OpenMpi, 2, 3, null), launch);
        Assert.Equal("libmpi.so.40", launch.LibraryName);
    }

    [Fact]
    public void MpichsLauncher_ChoosesLibmpich()
    {
        LaunchEnvironment launch = From(("PMI_SIZE", "2"), ("PMI_RANK", "1"));

        Assert.Equal(new LaunchEnvironment(MpiFamily.Mpich, 1, 2, null), launch);
        Assert.Equal("libmpich.so.12", launch.LibraryName);
    }

    [Fact]
    public void TheOverride_WinsOverTheLaunchersChoice()
    {
        LaunchEnvironment launch = From(("PMI_SIZE", "2"), ("PMI_RANK", "0"), (LaunchEnvironment.LibraryVariable, "/opt/mpich/lib/libmpi.so.12"));

        Assert.Equal("/opt/mpich/lib/libmpi.so.12", launch.LibraryName);
    }

    [Fact]
    public void NoLauncher_IsAWorldOfOneNotLaunched()
    {
        LaunchEnvironment launch = From();

        Assert.False(launch.IsLaunched);
        Assert.Throws<MpiException>(() => MpiSession.Start(launch));
    }

    [Fact]
    public void AMalformedRank_NamesTheVariable()
    {
        var error = Assert.Throws<MpiException>(() => From(("OMPI_COMM_WORLD_SIZE", "2"), ("OMPI_COMM_WORLD_RANK", "one")));

        Assert.Contains("OMPI_COMM_WORLD_RANK is 'one'", error.Message, StringComparison.Ordinal);
    }
}

using System.Numerics;
using OptGen.Distributed.Mpi;
using OptGen.Distributed.Training;
using OptGen.Models;

namespace OptGen.Distributed.TestHost;

/// <summary>
/// Writes a checkpoint part-way through a run and finishes the run (<see cref="Save"/>), or resumes one
/// (<see cref="Resume"/>) with any number of ranks; prints the parameters and whole state at the checkpoint.
/// </summary>
internal static class CheckpointScenario
{
    public static int Save(Communicator? world, int ranks, string path, int steps)
    {
        var trainer = Create(world, ranks);
        trainer.RunSteps(steps);
        trainer.SaveCheckpoint(path);
        PrintState(world, ranks, "saved", trainer);
        trainer.Run();
        HostProblem.Report<float>(world, ranks, "checkpoint-uninterrupted", trainer.Parameters);
        return 0;
    }

    public static int Resume(Communicator? world, int ranks, string path)
    {
        var trainer = Create(world, ranks);
        trainer.LoadCheckpoint(path);
        PrintState(world, ranks, "loaded", trainer);
        trainer.Run();
        HostProblem.Report<float>(world, ranks, "checkpoint-resumed", trainer.Parameters);
        return 0;
    }

    private static DataParallelTrainer<float, Mlp<float>> Create(Communicator? world, int ranks) =>
        HostProblem.Trainer<float, Mlp<float>, AdamFloat>(world, ranks, HostProblem.Model<float>(), n => new AdamFloat(n));

    private static void PrintState<T, TModel>(Communicator? world, int ranks, string what, DataParallelTrainer<T, TModel> trainer)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TModel : IModel<T>
    {
        // The whole state is gathered to rank 0 (a collective); the other ranks print only the parameters.
        T[] whole = trainer.Optimizer.IsRoot ? new T[trainer.Optimizer.WholeStateLength] : [];
        trainer.Optimizer.SaveWholeState(whole);
        string state = trainer.Optimizer.IsRoot ? ParameterHash.Sha256<T>(whole) : "-";
        string rank = world is null ? "sim" : world.Rank.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Console.WriteLine($"{what} rank={rank} size={ranks} step={trainer.Steps} params={ParameterHash.Sha256<T>(trainer.Parameters)} state={state}");
    }
}

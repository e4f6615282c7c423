using System.Numerics;
using OptGen.Distributed.Mpi;
using OptGen.Losses;
using OptGen.Models;
using OptGen.Training;

namespace OptGen.Distributed.TestHost;

/// <summary>Trains the problem with several kinds in float and double; prints each case's parameter hash.</summary>
internal static class ParityScenario
{
    public static int Run(Communicator? world, int ranks)
    {
        Train<double, SgdDouble>(world, ranks, "sgd-double-sum", n => new SgdDouble(n), Reduction.Sum);
        Train<float, MomentumFloat>(world, ranks, "momentum-float", n => new MomentumFloat(n));
        Train<double, NesterovDouble>(world, ranks, "nesterov-double", n => new NesterovDouble(n));
        Train<float, AdagradFloat>(world, ranks, "adagrad-float", n => new AdagradFloat(n));
        Train<double, RMSPropDouble>(world, ranks, "rmsprop-double", n => new RMSPropDouble(n));
        Train<float, AdamFloat>(world, ranks, "adam-float", n => new AdamFloat(n));
        Train<double, AdamDouble>(world, ranks, "adam-double", n => new AdamDouble(n));
        Train<float, AdamWFloat>(world, ranks, "adamw-float", n => new AdamWFloat(n));
        Train<double, NAdamDouble>(world, ranks, "nadam-double", n => new NAdamDouble(n));
        Train<float, RpropFloat>(world, ranks, "rprop-float", n => new RpropFloat(n));
        return 0;
    }

    private static void Train<T, TOptimizer>(Communicator? world, int ranks, string name, Func<int, TOptimizer> create, Reduction reduction = Reduction.Mean)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TOptimizer : IOptimizer<T>
    {
        var trainer = HostProblem.Trainer<T, Mlp<T>, TOptimizer>(world, ranks, HostProblem.Model<T>(reduction), create);
        TrainingResult result = trainer.Run();
        if (result.Reason != StopReason.Completed)
        {
            throw new InvalidOperationException($"{name}: {result.Message}");
        }

        HostProblem.Report<T>(world, ranks, name, trainer.Parameters, $" steps={trainer.Steps} loss={trainer.History.TrainLoss[^1]:R}");
    }
}

using System.Numerics;
using OptGen.Distributed.Mpi;
using OptGen.Models;

namespace OptGen.Distributed.TestHost;

/// <summary>Trains the problem with a model that throws on one rank at one step: the whole job must end, not hang.</summary>
internal static class FailureScenario
{
    public static int Run(Communicator? world, int ranks, int failRank, int failStep)
    {
        int rank = world?.Rank ?? 0;
        var model = new FailingModel<float>(HostProblem.Model<float>(), rank == failRank ? failStep : int.MaxValue);
        var trainer = HostProblem.Trainer<float, FailingModel<float>, AdamFloat>(world, ranks, model, n => new AdamFloat(n));
        trainer.Run();
        HostProblem.Report<float>(world, ranks, "fail-survived", trainer.Parameters);
        return 0;
    }

    private sealed class FailingModel<T>(Mlp<T> inner, int failAt) : WrappedModel<T>(inner)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        protected override void BeforeGradient(int call)
        {
            if (call == failAt)
            {
                throw new InvalidOperationException($"injected failure at step {failAt}");
            }
        }
    }
}

using System.Numerics;
using OptGen.Data;
using OptGen.Distributed.Mpi;
using OptGen.Losses;
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

    private sealed class FailingModel<T>(Mlp<T> inner, int failAt) : IModel<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        private int _calls;

        public int ParameterCount => inner.ParameterCount;

        public int InputCount => inner.InputCount;

        public Loss Loss => inner.Loss;

        public Activation OutputActivation => inner.OutputActivation;

        public void Initialize(Span<T> parameters, ulong seed) => inner.Initialize(parameters, seed);

        public T Predict(ReadOnlySpan<T> parameters, ReadOnlySpan<T> features) => inner.Predict(parameters, features);

        public T ComputeLoss(ReadOnlySpan<T> parameters, Batch<T> batch) => inner.ComputeLoss(parameters, batch);

        public T ComputeLossAndGradient(ReadOnlySpan<T> parameters, Batch<T> batch, Span<T> gradient) =>
            ++_calls == failAt
                ? throw new InvalidOperationException($"injected failure at step {failAt}")
                : inner.ComputeLossAndGradient(parameters, batch, gradient);
    }
}

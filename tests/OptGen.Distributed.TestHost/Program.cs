using OptGen.Distributed.Mpi;
using OptGen.Distributed.TestHost;

// Every scenario runs under mpirun (one rank per process), or with --simulate P as P ranks in this one process.
var arguments = new HostArguments(args);
Func<Communicator?, int, int> scenario = arguments.Scenario switch
{
    "collectives" => (world, _) => CollectivesScenario.Run(world!, arguments.Int("chunk")),
    "parity" => (world, ranks) => ParityScenario.Run(world, ranks),
    "checkpoint" => (world, ranks) => CheckpointScenario.Save(world, ranks, arguments.Required("path"), arguments.Int("at") ?? 7),
    "resume" => (world, ranks) => CheckpointScenario.Resume(world, ranks, arguments.Required("path")),
    "fail" => (world, ranks) => FailureScenario.Run(world, ranks, arguments.Int("fail-rank") ?? 1, arguments.Int("fail-step") ?? 3),
    "mismatch" => (world, _) => MismatchScenario.Run(world!, arguments.Text("what") ?? "vector"),
    "bench" => (world, ranks) => BenchScenario.Run(world, ranks, arguments.Int("size") ?? (1 << 24), arguments.Int("steps") ?? 10),
    _ => throw new ArgumentException($"Unknown scenario '{arguments.Scenario}'."),
};

if (arguments.Int("simulate") is { } simulated)
{
    return scenario(null, simulated);
}

return MpiSession.Run(world => scenario(world, world.Size), arguments.Int("ranks"));

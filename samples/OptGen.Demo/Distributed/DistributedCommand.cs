using System.CommandLine;
using OptGen.Demo.Cases;
using OptGen.Demo.Cli;
using OptGen.Distributed.Mpi;

namespace OptGen.Demo.Distributed;

/// <summary>
/// <c>distributed</c>: the MLP trained data-parallel over MPI ranks (<c>mpirun -np P dotnet OptGen.Demo.dll distributed</c>),
/// or the same ranks simulated in this process (<c>--simulate-ranks P</c>), which prints the same parameter hash.
/// </summary>
internal static class DistributedCommand
{
    public static Command Create(DemoConsole io)
    {
        var simulate = new Option<int?>("--simulate-ranks")
        {
            Description = "Run without mpirun, simulating this many ranks in one process (same arithmetic, same final parameters as a real run).",
            HelpName = "P",
            CustomParser = result => DemoApp.ParseInt(result, "--simulate-ranks", 1, 1024),
        };
        var ranks = new Option<int?>("--ranks")
        {
            Description = "Under mpirun: the number of ranks this run needs; a launch with another number is refused.",
            HelpName = "P",
            CustomParser = result => DemoApp.ParseInt(result, "--ranks", 1, 1024),
        };
        var epochs = new Option<int>("--epochs", "-e")
        {
            Description = $"Epochs (default {MlpCase.DefaultEpochs}).",
            HelpName = "n",
            DefaultValueFactory = _ => MlpCase.DefaultEpochs,
            CustomParser = result => DemoApp.ParseInt(result, "--epochs", 1, 1_000_000) ?? MlpCase.DefaultEpochs,
        };
        var seed = new Option<int>("--seed", "-s")
        {
            Description = "Seed for the data, the initialisation and the shuffle.",
            HelpName = "n",
            DefaultValueFactory = _ => 42,
            CustomParser = result => DemoApp.ParseInt(result, "--seed", int.MinValue, int.MaxValue) ?? 42,
        };
        var clip = new Option<double?>("--clip-grad-norm")
        {
            Description = "Clip the gradient's global norm (computed across the ranks) at this value, as torch's clip_grad_norm_ (default 1; 0 for none).",
            HelpName = "c",
            CustomParser = result => DemoApp.ParseDouble(result, "--clip-grad-norm") is { } value && value >= 0 && double.IsFinite(value)
                ? value
                : Invalid(result),
        };

        var command = new Command("distributed",
            "The MLP case trained data-parallel with its optimizer state sharded across ranks (ZeRO-1): run it as "
            + "`mpirun -np 2 dotnet OptGen.Demo.dll distributed`, or without mpirun as `distributed --simulate-ranks 2`; both print the same `parameters sha256:` last.")
        {
            simulate, ranks, epochs, seed, clip,
        };
        command.SetAction(parse =>
        {
            double clipValue = parse.GetValue(clip) ?? 1.0;
            var settings = new DistributedSettings(parse.GetValue(epochs), parse.GetValue(seed), clipValue > 0 ? clipValue : null);
            if (parse.GetValue(simulate) is { } simulated)
            {
                if (LaunchEnvironment.Current.IsLaunched)
                {
                    io.Error.WriteLine("error: --simulate-ranks runs the ranks in one process; start it without mpirun (or drop --simulate-ranks).");
                    return 1;
                }

                return DistributedRun.Train(null, simulated, settings, io.Output);
            }

            if (!LaunchEnvironment.Current.IsLaunched)
            {
                io.Error.WriteLine("error: this case runs under MPI: start it as `mpirun -np 2 dotnet OptGen.Demo.dll distributed`, or simulate the ranks in one process with `--simulate-ranks 2`.");
                return 3;
            }

            return MpiSession.Run(world => DistributedRun.Train(world, world.Size, settings, io.Output), parse.GetValue(ranks), io.Error);
        });
        return command;
    }

    private static double? Invalid(System.CommandLine.Parsing.ArgumentResult result)
    {
        if (result.Errors.Count() == 0)
        {
            result.AddError("--clip-grad-norm must be a non-negative finite number.");
        }

        return null;
    }
}

using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using OptGen.Demo.Cases;
using OptGen.Demo.Cli;
using OptGen.Demo.Distributed;

namespace OptGen.Demo;

/// <summary>The command line: parses arguments, runs the asked-for cases or <c>show</c>, returns the exit code.</summary>
public static class DemoApp
{
    /// <summary>Runs the demo on the process's terminal.</summary>
    public static int Run(string[] args) => Run(args, DemoConsole.Terminal());

    /// <summary>Runs the demo, writing to <paramref name="io"/>. Returns 0 on success, non-zero on a bad option or a failure.</summary>
    public static int Run(string[] args, DemoConsole io)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(io);
        RootCommand root = Create(io);
        ParseResult parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (ParseError error in parse.Errors)
            {
                io.Error.WriteLine($"error: {error.Message}");
            }

            io.Error.WriteLine("Run with --help to see the commands and options.");
            return 1;
        }

        var configuration = new InvocationConfiguration
        {
            Output = io.Output,
            Error = io.Error,
            EnableDefaultExceptionHandler = false,
        };
        try
        {
            return parse.Invoke(configuration);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException)
        {
            io.Error.WriteLine($"error: {exception.Message}");
            return 2;
        }
    }

    /// <summary>Builds the command tree (exposed so tests can check the help).</summary>
    public static RootCommand Create(DemoConsole io)
    {
        var output = new Option<string>("--out", "-o")
        {
            Description = "Folder for the pictures (created if missing).",
            HelpName = "folder",
            DefaultValueFactory = _ => Path.Combine(".", DemoSettings.DefaultOutputFolder),
        };
        output.Validators.Add(result =>
        {
            string? value = result.GetValueOrDefault<string>();
            if (string.IsNullOrWhiteSpace(value) || value.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
            {
                result.AddError($"--out '{value}' is not a folder path.");
            }
        });

        var epochs = new Option<int?>("--epochs", "-e")
        {
            Description = $"Epochs for every case (default: each case's own — {NeuronCase.DefaultEpochs} for the neuron, {PlateauCase.DefaultEpochs} on the plateau, "
                + $"{SparseCase.DefaultEpochs} for sparse features, {MlpCase.DefaultEpochs} for the MLP).",
            HelpName = "n",
            CustomParser = result => ParseInt(result, "--epochs", 1, 1_000_000),
        };

        var kinds = new Option<string[]>("--kinds", "-k")
        {
            Description = "Update rules to run, comma- or space-separated: " + string.Join(", ", KindNames.All) + " (default: all).",
            AllowMultipleArgumentsPerToken = true,
            HelpName = "rules",
        };
        kinds.Validators.Add(result =>
        {
            foreach (string name in SplitKinds(result.GetValueOrDefault<string[]>() ?? []))
            {
                if (!KindNames.IsKind(name))
                {
                    result.AddError($"--kinds: '{name}' is not an update rule; use {string.Join(", ", KindNames.All)}.");
                }
            }
        });

        var seed = new Option<int>("--seed", "-s")
        {
            Description = "Seed for shuffling, data sets and initialisation; the same seed repeats a run exactly.",
            HelpName = "n",
            DefaultValueFactory = _ => 42,
            CustomParser = result => ParseInt(result, "--seed", int.MinValue, int.MaxValue) ?? 42,
        };
        var noPictures = new Option<bool>("--no-pictures")
        {
            Description = "Print the tables only; write no pictures.",
        };
        var threshold = new Option<double?>("--threshold")
        {
            Description = "The loss that counts as reached in the tables' 'epoch < threshold' column (default: each case's own — "
                + $"{Format.Number(NeuronCase.DefaultThreshold)} for the neuron and the plateau, {Format.Number(SparseCase.DefaultThreshold)} for sparse features, {Format.Number(MlpCase.DefaultThreshold)} for the MLP).",
            HelpName = "loss",
            CustomParser = result =>
            {
                string token = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
                if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && value > 0 && double.IsFinite(value))
                {
                    return value;
                }

                result.AddError($"--threshold must be a positive number; got '{token}'.");
                return null;
            },
        };
        var frames = new Option<int>("--frames")
        {
            Description = "Frames in each animated GIF.",
            HelpName = "n",
            DefaultValueFactory = _ => 60,
            CustomParser = result => ParseInt(result, "--frames", 2, 1000) ?? 60,
        };

        var full = new Option<bool>("--full")
        {
            Description = $"Train on all 60,000 training images (default: the first {FashionCase.SubsetRows:N0}, about 25 s; all 60,000 take about 1.5 min on two cores).",
        };
        var data = new Option<string>("--data")
        {
            Description = $"The folder with the IDX files (default: {OptGen.Data.Mnist.DebianFashionFolder}, where `{OptGen.Data.Mnist.DebianInstallCommand}` puts them).",
            HelpName = "folder",
        };

        DemoSettings Settings(ParseResult parse) => new()
        {
            Full = parse.GetValue(full),
            DataFolder = parse.GetValue(data),
            OutputFolder = parse.GetValue(output)!,
            Epochs = parse.GetValue(epochs),
            Kinds = parse.GetValue(kinds) is { Length: > 0 } names ? [.. SplitKinds(names).Select(KindNames.Parse).Distinct().Order()] : null,
            Seed = parse.GetValue(seed),
            Pictures = !parse.GetValue(noPictures),
            Threshold = parse.GetValue(threshold),
            GifFrames = parse.GetValue(frames),
        };

        var root = new RootCommand(
            "OptGen demo: the tutorial \"why plain gradient descent is not enough\", reproduced with optimizers generated at compile time.\n"
            + "With no command it runs every case below in turn, printing a table per case and writing pictures to --out: about 15 s on an\n"
            + "idle 2-core machine (34-42 s on a busy one), most of it drawing and encoding the pictures; --no-pictures takes a few seconds.")
        {
            output, epochs, kinds, seed, noPictures, threshold, frames,
        };
        root.SetAction(parse => DemoRunner.Run(DemoCases.All, Settings(parse), io));

        foreach (IDemoCase demoCase in DemoCases.All.Concat(DemoCases.OnRequest))
        {
            var command = new Command(demoCase.Name, demoCase.Description)
            {
                output, epochs, kinds, seed, noPictures, threshold, frames,
            };
            if (demoCase is FashionCase)
            {
                command.Add(full);
                command.Add(data);
            }

            command.SetAction(parse => DemoRunner.Run([demoCase], Settings(parse), io));
            root.Add(command);
        }

        root.Add(ShowCommand.Create(io));
        root.Add(DistributedCommand.Create(io));
        return root;
    }

    internal static int? ParseInt(ArgumentResult result, string name, int min, int max)
    {
        string token = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (int.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) && value >= min && value <= max)
        {
            return value;
        }

        result.AddError(min == int.MinValue
            ? $"{name} must be a whole number; got '{token}'."
            : $"{name} must be a whole number from {min} to {max}; got '{token}'.");
        return null;
    }

    internal static double? ParseDouble(ArgumentResult result, string name)
    {
        string token = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
        {
            return value;
        }

        result.AddError($"{name} must be a number; got '{token}'.");
        return null;
    }

    private static IEnumerable<string> SplitKinds(IEnumerable<string> values) =>
        values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}

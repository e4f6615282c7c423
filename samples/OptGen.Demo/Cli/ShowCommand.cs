using System.CommandLine;
using System.Globalization;
using OptGen.Demo.Show;

namespace OptGen.Demo.Cli;

/// <summary><c>show KIND [options]</c>: prints what the generator writes for one [Optimizer] declaration.</summary>
internal static class ShowCommand
{
    private static readonly (string Option, string Property, string Help)[] NumberOptions =
    [
        ("--lr", "LearningRate", "Learning rate (torch: lr)."),
        ("--momentum", "Momentum", "Momentum factor μ (Momentum, Nesterov, RMSProp)."),
        ("--dampening", "Dampening", "Dampening τ of the momentum buffer (Momentum)."),
        ("--weight-decay", "WeightDecay", "L2 penalty λ added to the gradient (all kinds)."),
        ("--beta1", "Beta1", "Decay of the first moment (Adam)."),
        ("--beta2", "Beta2", "Decay of the second moment (Adam)."),
        ("--eps", "Epsilon", "Term added to the denominator (Adagrad, RMSProp, Adam)."),
        ("--alpha", "Alpha", "Decay of the squared-gradient average (RMSProp)."),
        ("--lr-decay", "LrDecay", "Learning-rate decay (Adagrad)."),
        ("--initial-accumulator", "InitialAccumulatorValue", "Starting value of the sum of squares (Adagrad)."),
    ];

    private static readonly (string Option, string Property, string Help)[] FlagOptions =
    [
        ("--centered", "Centered", "Normalise by the variance (RMSProp)."),
        ("--amsgrad", "Amsgrad", "Use the running maximum of the second moment (Adam)."),
        ("--maximize", "Maximize", "Maximise instead of minimise (all kinds)."),
    ];

    public static Command Create(DemoConsole io)
    {
        var kind = new Argument<string>("kind")
        {
            Description = "The update rule: " + string.Join(", ", KindNames.All) + ".",
        };
        kind.AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, [.. KindNames.All]);

        var parameters = new Option<int?>("--params", "-p")
        {
            Description = "Number of parameters, fixed at compile time (omit: the size is given to the constructor).",
            CustomParser = result => DemoApp.ParseInt(result, "--params", 1, 1 << 30),
        };
        var asFloat = new Option<bool>("--float") { Description = "Generate for float instead of double." };
        var asStruct = new Option<bool>("--struct") { Description = "Declare a partial struct (needs --params)." };
        var name = new Option<string?>("--name") { Description = "Name of the declared type (default: <Kind>Optimizer)." };

        var command = new Command("show", "Print the code the generator writes for one [Optimizer] declaration, without creating a project. "
            + "Runs the generator in-process on a one-file compilation; its diagnostics, if any, go to standard error.")
        {
            kind, parameters, asFloat, asStruct, name,
        };

        var numbers = NumberOptions.Select(o => (Option: new Option<double?>(o.Option) { Description = o.Help, CustomParser = r => DemoApp.ParseDouble(r, o.Option) }, o.Property)).ToList();
        var flags = FlagOptions.Select(o => (Option: new Option<bool>(o.Option) { Description = o.Help }, o.Property)).ToList();
        numbers.ForEach(n => command.Add(n.Option));
        flags.ForEach(f => command.Add(f.Option));

        command.SetAction(parse =>
        {
            var request = new ShowRequest(
                KindNames.Parse(parse.GetRequiredValue(kind)),
                parse.GetValue(parameters),
                parse.GetValue(asFloat),
                parse.GetValue(asStruct),
                parse.GetValue(name))
            {
                Numbers = [.. numbers.Where(n => parse.GetValue(n.Option) is not null).Select(n => KeyValuePair.Create(n.Property, parse.GetValue(n.Option)!.Value))],
                Flags = [.. flags.Where(f => parse.GetValue(f.Option)).Select(f => f.Property)],
            };
            return Print(request, io);
        });
        return command;
    }

    public static int Print(ShowRequest request, DemoConsole io)
    {
        ShowResult result = GeneratorRunner.Run(request);
        TextWriter output = io.Output;
        output.WriteLine("// What OptGen generates for:");
        output.WriteLine("//");
        foreach (string line in request.Source.TrimEnd().Split('\n'))
        {
            output.WriteLine(("//     " + line).TrimEnd());
        }

        output.WriteLine("//");
        foreach ((string hintName, string text) in result.GeneratedSources)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// ---- {hintName} ----"));
            output.Write(text);
            if (!text.EndsWith('\n'))
            {
                output.WriteLine();
            }
        }

        foreach (string diagnostic in result.Diagnostics)
        {
            io.Error.WriteLine(diagnostic);
        }

        if (result.GeneratedSources.Count == 0 && !result.HasErrors)
        {
            io.Error.WriteLine("The generator wrote nothing for this declaration.");
            return 1;
        }

        return result.HasErrors ? 1 : 0;
    }
}

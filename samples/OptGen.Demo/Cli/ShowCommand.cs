using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Reflection;
using OptGen.Demo.Show;

namespace OptGen.Demo.Cli;

/// <summary><c>show KIND [options]</c>: prints what the generator writes for one [Optimizer] declaration.</summary>
internal static class ShowCommand
{
    /// <summary>What the options for the best-known properties say; any other property gets a generic line.</summary>
    private static readonly Dictionary<string, string> Help = new()
    {
        ["LearningRate"] = "Learning rate (torch: lr).",
        ["Momentum"] = "Momentum factor μ (Momentum, Nesterov, RMSProp).",
        ["Dampening"] = "Dampening τ of the momentum buffer (Momentum).",
        ["WeightDecay"] = "L2 penalty λ added to the gradient (all kinds).",
        ["Beta1"] = "Decay of the first moment (Adam).",
        ["Beta2"] = "Decay of the second moment (Adam).",
        ["Epsilon"] = "Term added to the denominator (Adagrad, RMSProp, Adam).",
        ["Alpha"] = "Decay of the squared-gradient average (RMSProp).",
        ["LrDecay"] = "Learning-rate decay (Adagrad).",
        ["InitialAccumulatorValue"] = "Starting value of the sum of squares (Adagrad).",
        ["Centered"] = "Normalise by the variance (RMSProp).",
        ["Amsgrad"] = "Use the running maximum of the second moment (Adam).",
        ["Maximize"] = "Maximise instead of minimise (all kinds).",
        ["Parallel"] = "Split large steps across the cores (classes; no effect up to 16 parameters).",
    };

    /// <summary>The short names the options had before every property got one; still accepted.</summary>
    private static readonly Dictionary<string, string> Aliases = new()
    {
        ["LearningRate"] = "--lr",
        ["Epsilon"] = "--eps",
        ["InitialAccumulatorValue"] = "--initial-accumulator",
    };

    /// <summary>
    /// Every settable property of <see cref="OptimizerAttribute"/> except the two with options of their own (--params,
    /// --float): read from the attribute itself, so that a property added there is an option here at once.
    /// </summary>
    private static IEnumerable<PropertyInfo> AttributeProperties() =>
        typeof(OptimizerAttribute).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.Name is not (nameof(OptimizerAttribute.Params) or nameof(OptimizerAttribute.ElementType)));

    /// <summary>LearningRate → --learning-rate, Beta1 → --beta1.</summary>
    internal static string OptionName(string property) =>
        "--" + string.Concat(property.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "-" : "") + char.ToLowerInvariant(c) : c.ToString()));

    /// <summary>The option's name as the user typed it (--lr or --learning-rate), for the error message.</summary>
    private static string AsTyped(ArgumentResult result, string option) => (result.Parent as OptionResult)?.IdentifierToken?.Value ?? option;

    private static string HelpFor(PropertyInfo property) =>
        Help.GetValueOrDefault(property.Name) ?? $"Sets {property.Name} ({property.PropertyType.Name}; see the README's Kinds and options).";

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

        var numbers = new List<(Option<double?> Option, string Property)>();
        var integers = new List<(Option<int?> Option, string Property)>();
        var flags = new List<(Option<bool> Option, string Property)>();
        foreach (PropertyInfo property in AttributeProperties())
        {
            string option = OptionName(property.Name);
            string[] aliases = Aliases.TryGetValue(property.Name, out string? alias) ? [alias] : [];
            if (property.PropertyType == typeof(double))
            {
                numbers.Add((new Option<double?>(option, aliases) { Description = HelpFor(property), CustomParser = r => DemoApp.ParseDouble(r, AsTyped(r, option)) }, property.Name));
            }
            else if (property.PropertyType == typeof(int))
            {
                integers.Add((new Option<int?>(option, aliases) { Description = HelpFor(property), CustomParser = r => DemoApp.ParseInt(r, AsTyped(r, option), int.MinValue, int.MaxValue) }, property.Name));
            }
            else if (property.PropertyType == typeof(bool))
            {
                flags.Add((new Option<bool>(option, aliases) { Description = HelpFor(property) }, property.Name));
            }
            else
            {
                throw new InvalidOperationException($"OptimizerAttribute.{property.Name} is a {property.PropertyType}, which `show` has no option for.");
            }
        }

        numbers.ForEach(n => command.Add(n.Option));
        integers.ForEach(n => command.Add(n.Option));
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
                Integers = [.. integers.Where(n => parse.GetValue(n.Option) is not null).Select(n => KeyValuePair.Create(n.Property, parse.GetValue(n.Option)!.Value))],
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

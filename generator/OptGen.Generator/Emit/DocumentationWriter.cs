using OptGen.Generator.Model;

namespace OptGen.Generator.Emit;

/// <summary>
/// Writes the XML <c>&lt;remarks&gt;</c> that explains a generated optimizer: its update rule with the
/// constants actually compiled in, like the Regex generator's pattern explanation.
/// </summary>
internal static class DocumentationWriter
{
    public static void Write(SourceWriter writer, EmitContext context)
    {
        OptimizerSpec spec = context.Spec;
        string size = spec.HasFixedParameterCount
            ? $"{spec.ParameterCount} parameter{(spec.ParameterCount == 1 ? "" : "s")}"
            : "the number of parameters given to the constructor";

        writer.Line("/// <remarks>");
        writer.Line($"/// <para>{Describe(spec)}, over {size} ({context.T}):</para>");
        writer.Line("/// <code>");
        foreach (string line in context.Rule.Documentation)
        {
            writer.Line("/// " + Escape(line));
        }

        writer.Line("/// </code>");
        string compiledIn = context.Rule.CompiledIn.Count == 0
            ? ""
            : $"; {string.Join(", ", context.Rule.CompiledIn)} {(context.Rule.CompiledIn.Count == 1 ? "is" : "are")} compiled in";
        writer.Line($"/// <para>lr = {Literal.Math(spec.Hyperparameters.LearningRate)} (settable through LearningRate){Escape(compiledIn)}.</para>");
        if (spec.Parallel)
        {
            writer.Line("/// <para>Each step is split across the machine's cores in cache-line-aligned chunks; the result is the same, bit for bit, as on one core.</para>");
        }

        if (context.Rule.Note is not null)
        {
            writer.Line($"/// <para>{Escape(context.Rule.Note)}</para>");
        }

        writer.Line("/// </remarks>");
    }

    private static string Describe(OptimizerSpec spec)
    {
        Hyperparameters h = spec.Hyperparameters;
        return spec.Kind switch
        {
            Kind.Sgd => "Stochastic gradient descent, as <c>torch.optim.SGD</c>",
            Kind.Momentum => $"Gradient descent with momentum, as <c>torch.optim.SGD(momentum={Literal.Math(h.Momentum)}, dampening={Literal.Math(h.Dampening)})</c>",
            Kind.Nesterov => $"Nesterov accelerated gradient, as <c>torch.optim.SGD(momentum={Literal.Math(h.Momentum)}, nesterov=True)</c>",
            Kind.Adagrad => "Adagrad, as <c>torch.optim.Adagrad</c>",
            Kind.RMSProp => "RMSProp, as <c>torch.optim.RMSprop</c>",
            Kind.Adam => $"{(h.Amsgrad ? "Adam with AMSGrad" : "Adam")}, as <c>torch.optim.Adam</c>",
            _ => spec.Kind.ToString(),
        };
    }

    private static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}

using System.Collections.Generic;
using System.Linq;
using OptGen.Generator.Kinds;
using OptGen.Generator.Model;
using OptGen.Generator.Rules;

namespace OptGen.Generator.Emit;

/// <summary>
/// Writes the XML <c>&lt;remarks&gt;</c> that explains a generated optimizer: its update rule with the constants
/// actually compiled in, rendered from the same nodes as the code (as the Regex generator explains a pattern from
/// the tree it compiled).
/// </summary>
internal static class DocumentationWriter
{
    public static void Write(SourceWriter writer, EmitContext context)
    {
        OptimizerSpec spec = context.Spec;
        UpdateRule rule = context.Rule;
        var math = new MathNotationWriter(expression => expression switch
        {
            BufferValue buffer => rule.Buffers.Single(b => b.Name == buffer.Name).Symbol,
            ScalarState state => rule.ScalarStates.Single(s => s.Name == state.Name).Symbol,
            _ => throw UnknownNode.Of(expression),
        });

        string size = spec.HasFixedParameterCount
            ? $"{spec.ParameterCount} parameter{(spec.ParameterCount == 1 ? "" : "s")}"
            : "the number of parameters given to the constructor";
        writer.Line("/// <remarks>");
        writer.Line($"/// <para>{rule.Title}, over {size} ({context.T}).</para>");

        List<string> stepLines = StepLines(rule, math).ToList();
        if (stepLines.Count > 0)
        {
            writer.Line("/// <para>Once per step, t = 1, 2, …:</para>");
            Code(writer, stepLines);
        }

        writer.Line($"/// <para>Then for each parameter θ with gradient {(rule.GradientDefinition is RawGradient ? "g" : "∇f(θ)")}:</para>");
        Code(writer, ElementLines(rule, math));

        List<string> compiledIn = CompiledIn(context).ToList();
        string constants = compiledIn.Count == 0
            ? ""
            : $"; {string.Join(", ", compiledIn)} {(compiledIn.Count == 1 ? "is" : "are")} compiled in";
        writer.Line($"/// <para>lr = {Literal.Math(spec.LearningRate)} (settable through LearningRate){Escape(constants)}.</para>");
        if (spec.Parallel)
        {
            writer.Line("/// <para>Each step is split across the machine's cores in cache-line-aligned chunks; the result is the same, bit for bit, as on one core.</para>");
        }

        foreach (string note in rule.Notes)
        {
            writer.Line($"/// <para>{Escape(note)}</para>");
        }

        writer.Line("/// <para>Not thread-safe: one thread steps an optimizer at a time.</para>");
        writer.Line("/// </remarks>");
    }

    private static IEnumerable<string> StepLines(UpdateRule rule, MathNotationWriter math)
    {
        foreach (StepOperation operation in rule.StepOperations)
        {
            switch (operation)
            {
                case AdvanceState { Value: null }:
                    break; // a running power βᵗ: its symbol says what it is
                case AdvanceState advance:
                    string symbol = rule.ScalarStates.Single(s => s.Name == advance.Name).Symbol;
                    yield return $"{symbol} ← {math.Write(advance.Value!)}";
                    break;
                case DefineStepValue { Value: CurrentLearningRate }:
                    break; // lr is lr
                case DefineStepValue { Value: Comparison } flag:
                    yield return $"{flag.Name} = ({math.Write(flag.Value)})";
                    break;
                case DefineStepValue value:
                    yield return $"{value.Name} = {math.Write(value.Value)}";
                    break;
                default:
                    throw UnknownNode.Of(operation);
            }
        }
    }

    private static IEnumerable<string> ElementLines(UpdateRule rule, MathNotationWriter math)
    {
        if (rule.GradientDefinition is not RawGradient)
        {
            yield return $"g = {math.Write(rule.GradientDefinition)}";
        }

        foreach (Statement statement in rule.Statements)
        {
            yield return statement switch
            {
                AssignBuffer assign => $"{rule.Buffers.Single(b => b.Name == assign.Buffer).Symbol} ← {math.Write(assign.Value)}",
                DescendParameter descend => $"θ ← θ − {math.WriteRightOperand(BinaryOperator.Subtract, descend.Step)}",
                ScaleParameter scale => $"θ ← θ·{math.WriteRightOperand(BinaryOperator.Multiply, scale.Factor)}",
                SetParameter set => $"θ ← {math.Write(set.Value)}",
                DefineLocal local => $"{local.Name} = {math.Write(local.Value)}",
                _ => throw UnknownNode.Of(statement),
            };
        }
    }

    /// <summary>The hyperparameters baked in as constants (those that are not 0 or off), with their symbols.</summary>
    private static IEnumerable<string> CompiledIn(EmitContext context) =>
        context.Definition.Hyperparameters
            .Where(use => use.Definition != Hyperparameter.LearningRate && use.Definition.Type == HyperparameterType.Real)
            .Select(use => (use.Definition.Symbol, Value: context.Spec.Hyperparameters[use.Definition]))
            .Where(entry => entry.Value != 0)
            .Select(entry => $"{entry.Symbol} = {Literal.Math(entry.Value)}");

    private static void Code(SourceWriter writer, IEnumerable<string> lines)
    {
        writer.Line("/// <code>");
        foreach (string line in lines)
        {
            writer.Line("/// " + Escape(line));
        }

        writer.Line("/// </code>");
    }

    private static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}

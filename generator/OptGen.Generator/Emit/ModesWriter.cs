using System.Linq;
using OptGen.Generator.Model;
using OptGen.Generator.Rules;

namespace OptGen.Generator.Emit;

/// <summary>
/// Writes <c>Train</c> and <c>Eval</c> for a kind with train/eval modes (Schedule-Free): each moves the parameters
/// between the two points once per switch, as the reference's <c>optimizer.train()</c> / <c>optimizer.eval()</c>.
/// </summary>
internal static class ModesWriter
{
    public static void Write(SourceWriter writer, EmitContext context)
    {
        TrainEvalModes modes = context.Rule.Modes!;
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line(OptimizerEmitter.GeneratedCodeAttribute);
        writer.Line($"public bool IsTraining => _{modes.ModeState} != 0.0;");
        writer.Line();
        WriteSwitch(writer, context, "Train", modes.Train, modes.ModeState, toTraining: true, "training: the parameters become y = lerp(x, z, 1 − β₁)");
        writer.Line();
        WriteSwitch(writer, context, "Eval", modes.Eval, modes.ModeState, toTraining: false, "evaluation: the parameters become x = lerp(y, z, 1 − 1/β₁)");
    }

    private static void WriteSwitch(SourceWriter writer, EmitContext context, string name, Expression value, string mode, bool toTraining, string what)
    {
        writer.Line($"/// <summary>Enters {what}; nothing when already there. Before the first step there is no z and the parameters stay.</summary>");
        writer.Line(OptimizerEmitter.GeneratedCodeAttribute);
        writer.Open($"public void {name}(global::System.Span<{context.T}> parameters)");
        writer.Open("if (parameters.Length != ParameterCount)");
        writer.Line("global::OptGen.CompilerServices.OptimizerGuards.ThrowParametersLengthMismatch(parameters.Length, ParameterCount);");
        writer.Close();
        writer.Line();
        writer.Open($"if (IsTraining == {(toTraining ? "false" : "true")} && StepCount > 0)");
        if (context.Storage.IsUnrolled)
        {
            for (int i = 0; i < context.Spec.ParameterCount; i++)
            {
                int k = i;
                writer.Line($"parameters[{k}] = {Expressions(context, $"parameters[{k}]", buffer => $"_{buffer}{k}").Write(value)};");
            }
        }
        else
        {
            writer.Open("for (int i = 0; i < parameters.Length; i++)");
            writer.Line($"parameters[i] = {Expressions(context, "parameters[i]", buffer => $"_{buffer}[i]").Write(value)};");
            writer.Close();
        }

        writer.Close();
        writer.Line();
        writer.Line($"_{mode} = {(toTraining ? "1.0" : "0.0")};");
        writer.Close();
    }

    private static ScalarExpressionWriter Expressions(EmitContext context, string parameter, System.Func<string, string> buffer) =>
        new(context.Spec.Element, expression => expression switch
        {
            Parameter => parameter,
            BufferValue value => buffer(value.Name),
            _ => null,
        });
}

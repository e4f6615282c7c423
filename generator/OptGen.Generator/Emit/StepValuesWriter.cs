using System.Linq;
using OptGen.Generator.Model;
using OptGen.Generator.Rules;

namespace OptGen.Generator.Emit;

/// <summary>
/// Writes what happens once per step before any element is touched: the step is counted, the scalar state
/// advanced, and the per-step values computed (in double, then converted once to the element type where element
/// code reads them, as torch converts a Python scalar to the tensor's dtype).
/// </summary>
internal static class StepValuesWriter
{
    /// <param name="assignOuts">Whether the element-facing values are <c>out</c> parameters (BeginStep) rather than new locals.</param>
    public static void Write(SourceWriter writer, EmitContext context, bool assignOuts)
    {
        writer.Line(context.UsesStepNumber ? "double t = ++StepCount; // the step number, from 1" : "StepCount++;");
        ScalarExpressionWriter expressions = StepDomain(context);
        foreach (StepOperation operation in context.Rule.StepOperations)
        {
            switch (operation)
            {
                case AdvanceState { Value: null } power:
                    double @base = context.Rule.ScalarStates.Single(state => state.Name == power.Name).RunningPowerBase
                        ?? throw new System.InvalidOperationException($"The scalar state '{power.Name}' is advanced without a value.");
                    writer.Line($"_{power.Name} = global::OptGen.CompilerServices.RunningPower.Next(_{power.Name}, {Literal.Double(@base)});");
                    break;
                case AdvanceState { FlushesToZero: true } product:
                    string symbol = context.Rule.ScalarStates.Single(state => state.Name == product.Name).Symbol;
                    writer.Line($"_{product.Name} = global::OptGen.CompilerServices.RunningPower.Flush({expressions.Write(product.Value!)}); // 0 once 1 − {symbol} is exactly 1: never subnormal");
                    break;
                case AdvanceState { Value: Binary { Operator: BinaryOperator.Add, Left: ScalarState accumulated } sum } advance when accumulated.Name == advance.Name:
                    writer.Line($"_{advance.Name} += {expressions.Write(sum.Right)};"); // s ← s + x reads best as s += x (the same operation)
                    break;
                case AdvanceState advance:
                    writer.Line($"_{advance.Name} = {expressions.Write(advance.Value!)};");
                    break;
                case DefineStepValue value:
                    writer.Line(Definition(context, value, expressions, assignOuts));
                    break;
                default:
                    throw UnknownNode.Of(operation);
            }
        }
    }

    /// <summary>The per-step domain: double arithmetic over the learning rate, t, the scalar state and earlier values.</summary>
    public static ScalarExpressionWriter StepDomain(EmitContext context) => new(ElementType.Double, expression => expression switch
    {
        CurrentLearningRate => "LearningRate",
        StepNumber => "t",
        ScalarState state => "_" + state.Name,
        StepValue value => value.Name,
        _ => null,
    });

    private static string Definition(EmitContext context, DefineStepValue value, ScalarExpressionWriter expressions, bool assignOuts)
    {
        StepValueType type = context.TypeOf(new StepValue(value.Name));
        string text = expressions.Write(value.Value);
        if (type == StepValueType.Element && context.Spec.Element == ElementType.Float)
        {
            text = IsIdentifier(text) ? $"(float){text}" : $"(float)({text})";
        }

        string comment = value.Comment is null ? "" : $" // {value.Comment}";
        string target = assignOuts && type != StepValueType.Double ? value.Name : $"{context.CSharpType(type)} {value.Name}";
        return $"{target} = {text};{comment}";
    }

    private static bool IsIdentifier(string text) => text.All(c => char.IsLetterOrDigit(c) || c == '_');
}

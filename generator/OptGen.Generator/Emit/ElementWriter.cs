using System;
using System.Linq;
using OptGen.Generator.Rules;

namespace OptGen.Generator.Emit;

/// <summary>
/// Writes the update of parameters from the rule's element statements: one parameter in scalar code (a
/// straight-line block, or the remainder loop's body) or a vector of them.
/// </summary>
internal static class ElementWriter
{
    /// <summary>How one parameter's values are spelled in scalar code: <c>parameters[0]</c>, <c>_m0</c>; or <c>parameters[i]</c>, <c>mState[i]</c>.</summary>
    /// <param name="RawGradient">The gradient as given (<c>gradients[0]</c>), or, in a loop, how it is read and scaled into the local g.</param>
    /// <param name="ReadIntoLocal">Whether the gradient is always read once into the local g (loops, which scale it as they read).</param>
    /// <param name="Suffix">Appended to the names of g and of locals (<c>g0</c> in straight-line block 0).</param>
    public sealed record ScalarAccess(string Parameter, string RawGradient, bool ReadIntoLocal, Func<string, string> Buffer, string Suffix);

    /// <summary>One parameter's update: its gradient, then every statement.</summary>
    public static void WriteScalar(SourceWriter writer, EmitContext context, ScalarAccess access) =>
        WriteScalarGroup(writer, context, [access]);

    /// <summary>
    /// Several parameters' updates, statement by statement: each statement is written for every parameter of the
    /// group before the next, as a person unrolling by hand would. Independent work sits side by side, so the CPU
    /// overlaps one parameter's division with the other's (measured: Adamax in double, 1.06× → 1.02× the
    /// hand-written step at two parameters); groups stay small so that their values fit in registers.
    /// </summary>
    public static void WriteScalarGroup(SourceWriter writer, EmitContext context, System.Collections.Generic.IReadOnlyList<ScalarAccess> accesses)
    {
        var elements = accesses.Select(access => new ScalarElement(context, access)).ToArray();
        foreach (ScalarElement element in elements)
        {
            element.WriteGradient(writer);
        }

        for (int index = 0; index < context.Rule.Statements.Count; index++)
        {
            foreach (ScalarElement element in elements)
            {
                writer.Line(element.Statement(index));
            }
        }
    }

    /// <summary>How one parameter's gradient and statements are spelled, and which of its buffers are held in locals.</summary>
    private sealed class ScalarElement
    {
        private readonly EmitContext _context;
        private readonly ScalarAccess _access;
        private readonly string _gradient;
        private readonly bool _gradientLocal;
        private readonly ScalarExpressionWriter _expressions;

        // A buffer assigned and then read again in the same update is read from a local holding its new value, not
        // from the field or array just written: the JIT may otherwise reload the value from memory right after
        // storing it (measured: Adamax's u, 12% of a two-parameter step).
        private readonly System.Collections.Generic.HashSet<string> _heldInLocal = [];

        public ScalarElement(EmitContext context, ScalarAccess access)
        {
            _context = context;
            _access = access;
            UpdateRule rule = context.Rule;
            _gradient = "g" + access.Suffix;
            string raw = access.ReadIntoLocal ? _gradient : access.RawGradient;

            // Straight-line code gives the effective gradient a local when it is read more than once or is more
            // than the raw gradient; otherwise it reads gradients[k] in place.
            _gradientLocal = access.ReadIntoLocal
                || rule.GradientDefinition is not RawGradient
                || ExpressionNodes.InElementCode(rule).Count(node => node is Gradient) > 1;
            _expressions = new ScalarExpressionWriter(context.Spec.Element, expression => expression switch
            {
                Parameter => access.Parameter,
                RawGradient => raw,
                Gradient => _gradientLocal ? _gradient : raw,
                BufferValue buffer when _heldInLocal.Contains(buffer.Name) => buffer.Name + access.Suffix,
                BufferValue buffer => access.Buffer(buffer.Name),
                ElementLocal local => local.Name + access.Suffix,
                StepValue value => value.Name,
                ClipScale => "clipScale",
                _ => null,
            });
        }

        public void WriteGradient(SourceWriter writer)
        {
            UpdateRule rule = _context.Rule;
            if (_access.ReadIntoLocal)
            {
                writer.Line($"{_context.T} {_gradient} = {_access.RawGradient};");
                if (rule.GradientDefinition is not RawGradient)
                {
                    writer.Line($"{_gradient} = {_expressions.Write(rule.GradientDefinition)};");
                }
            }
            else if (_gradientLocal)
            {
                writer.Line($"{_context.T} {_gradient} = {_expressions.Write(rule.GradientDefinition)};");
            }
        }

        public string Statement(int index)
        {
            UpdateRule rule = _context.Rule;
            ScalarAccess access = _access;
            Statement statement = rule.Statements[index];
            string line = statement switch
            {
                AssignBuffer assign when IsAccumulation(assign, out Expression increment) => $"{access.Buffer(assign.Buffer)} += {_expressions.Write(increment)};",
                AssignBuffer assign => $"{access.Buffer(assign.Buffer)} = {_expressions.Write(assign.Value)};",
                DescendParameter descend => $"{access.Parameter} -= {_expressions.Write(descend.Step)};",
                ScaleParameter scale => $"{access.Parameter} *= {_expressions.Write(scale.Factor)};",
                SetParameter set => $"{access.Parameter} = {_expressions.Write(set.Value)};",
                DefineLocal local => $"{_context.T} {local.Name}{access.Suffix} = {_expressions.Write(local.Value)};",
                _ => throw UnknownNode.Of(statement),
            };

            if (statement is AssignBuffer assigned && IsReadAfter(rule, assigned.Buffer, index))
            {
                // T m0 = _m0 = …: the new value in a register for the statements below, and in the state.
                string declare = _heldInLocal.Add(assigned.Buffer) ? _context.T + " " : "";
                line = $"{declare}{assigned.Buffer}{access.Suffix} = {line}";
            }

            return line;
        }
    }

    /// <summary>One iteration of a vector loop: load, update, store.</summary>
    public static void WriteVector(SourceWriter writer, EmitContext context, string vector)
    {
        UpdateRule rule = context.Rule;
        var expressions = new VectorExpressionWriter(
            vector,
            context.Spec.Element,
            expression => expression switch
            {
                Parameter => "p",
                RawGradient => "g",
                Gradient => "g",
                BufferValue buffer => buffer.Name,
                ElementLocal local => local.Name,
                StepValue value => value.Name,
                ClipScale => "clipScale",
                _ => null,
            },
            isScalar: expression => expression is StepValue or ClipScale);

        writer.Line($"var p = {vector}.LoadUnsafe(ref parametersStart, (nuint)i);");
        writer.Line($"var g = {vector}.LoadUnsafe(ref gradientsStart, (nuint)i) * gradientScale;");
        if (rule.GradientDefinition is not RawGradient)
        {
            writer.Line($"g = {expressions.Write(rule.GradientDefinition)};");
        }

        foreach (BufferDefinition buffer in rule.Buffers)
        {
            writer.Line($"var {buffer.Name} = {vector}.LoadUnsafe(ref {buffer.Name}Start, (nuint)i);");
        }

        foreach (Statement statement in rule.Statements)
        {
            writer.Line(statement switch
            {
                AssignBuffer assign => $"{assign.Buffer} = {expressions.Write(assign.Value)};",
                DescendParameter descend => $"p -= {expressions.Write(descend.Step)};",
                ScaleParameter scale => $"p *= {Scalar(scale.Factor) ?? expressions.Write(scale.Factor)};",
                SetParameter set => $"p = {expressions.Write(set.Value)};",
                DefineLocal local => $"var {local.Name} = {expressions.Write(local.Value)};",
                _ => throw UnknownNode.Of(statement),
            });
        }

        foreach (BufferDefinition buffer in rule.Buffers.Where(buffer => rule.Statements.OfType<AssignBuffer>().Any(assign => assign.Buffer == buffer.Name)))
        {
            writer.Line($"{vector}.StoreUnsafe({buffer.Name}, ref {buffer.Name}Start, (nuint)i);");
        }

        writer.Line($"{vector}.StoreUnsafe(p, ref parametersStart, (nuint)i);");
    }

    /// <summary>Whether a statement after <paramref name="index"/> reads <paramref name="buffer"/>.</summary>
    private static bool IsReadAfter(UpdateRule rule, string buffer, int index) =>
        rule.Statements.Skip(index + 1).Any(statement => ExpressionNodes.Of(ExpressionNodes.ValueOf(statement)).Any(node => node is BufferValue read && read.Name == buffer));

    /// <summary>A factor that is one per-step value is multiplied in as a scalar (<c>p *= decay</c>).</summary>
    private static string? Scalar(Expression factor) => factor is StepValue value ? value.Name : null;

    /// <summary><c>s ← s + x</c> reads best as <c>s += x</c> (the same operation, so the same bits).</summary>
    private static bool IsAccumulation(AssignBuffer assign, out Expression increment)
    {
        if (assign.Value is Binary { Operator: BinaryOperator.Add, Left: BufferValue buffer } sum && buffer.Name == assign.Buffer)
        {
            increment = sum.Right;
            return true;
        }

        increment = assign.Value;
        return false;
    }
}

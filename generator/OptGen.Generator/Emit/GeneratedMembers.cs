using System.Collections.Generic;
using System.Linq;
using OptGen.Generator.Rules;

namespace OptGen.Generator.Emit;

/// <summary>
/// The names of the members the emitter writes into an optimizer type, so that the parser can report a user's
/// member that would clash with one (a test checks this list against what is really generated).
/// </summary>
internal static class GeneratedMembers
{
    /// <summary>Members every optimizer gets.</summary>
    public static readonly string[] Public =
        ["ParameterCount", "LearningRate", "StepCount", "StateLength", "Step", "Reset", "SaveState", "LoadState"];

    /// <summary>Every member name the emitter writes for <paramref name="context"/>'s optimizer.</summary>
    public static IEnumerable<string> Of(EmitContext context)
    {
        foreach (string name in Public)
        {
            yield return name;
        }

        yield return "StateFingerprint";
        foreach (ScalarStateDefinition state in context.Rule.ScalarStates)
        {
            yield return "_" + state.Name;
        }

        foreach (BufferDefinition buffer in context.Buffers)
        {
            if (context.Storage.IsUnrolled)
            {
                foreach (int i in Enumerable.Range(0, context.Spec.ParameterCount))
                {
                    yield return $"_{buffer.Name}{i}";
                }
            }
            else
            {
                yield return "_" + buffer.Name;
            }
        }

        if (!context.Storage.IsUnrolled)
        {
            yield return "BeginStep";
            yield return "UpdateElements";
        }

        if (context.Storage is Storage.InlineArrayStorage)
        {
            yield return "ParameterBuffer";
        }

        if (context.Spec.Parallel)
        {
            yield return "_parallel";
            yield return "_offset";
            yield return "_gradientScale";
            yield return "_clipScale";
            foreach ((DefineStepValue value, _) in context.ElementStepValues)
            {
                yield return "_" + value.Name;
            }
        }

        if (context.IsStruct)
        {
            yield return "_constructed";
        }

        if (context.Rule.Modes is not null)
        {
            yield return "Train";
            yield return "Eval";
            yield return "IsTraining";
        }
    }
}

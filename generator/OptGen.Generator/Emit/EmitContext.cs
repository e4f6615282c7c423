using System.Collections.Generic;
using System.Linq;
using OptGen.Generator.Emit.Storage;
using OptGen.Generator.Kinds;
using OptGen.Generator.Model;
using OptGen.Generator.Rules;

namespace OptGen.Generator.Emit;

/// <summary>What every part of the emitter needs to know about the optimizer being written, decided once.</summary>
internal sealed class EmitContext
{
    private readonly Dictionary<string, StepValueType> _stepValueTypes;

    public EmitContext(OptimizerSpec spec)
    {
        Spec = spec;
        Definition = KindRegistry.Of(spec.Kind);
        Rule = Definition.Build(spec.Hyperparameters);
        T = spec.Element == ElementType.Float ? "float" : "double";
        Storage = StateStorage.For(spec);
        _stepValueTypes = StepValueTypes(Rule);
    }

    public OptimizerSpec Spec { get; }

    public KindDefinition Definition { get; }

    public UpdateRule Rule { get; }

    /// <summary>The element type's C# keyword.</summary>
    public string T { get; }

    /// <summary>How the state is laid out in memory and how <c>Step</c> walks it.</summary>
    public StateStorage Storage { get; }

    public bool IsStruct => Spec.Type.IsValueType;

    public IReadOnlyList<BufferDefinition> Buffers => Rule.Buffers;

    /// <summary>The type's name without its type parameters: <c>Optimizer&lt;TTag&gt;</c>'s constructor is <c>Optimizer(…)</c>.</summary>
    public string ConstructorName => Spec.Type.Name.Split('<')[0];

    /// <summary>A compile-time constant in the element type.</summary>
    public string Constant(double value) => Literal.Element(value, Spec.Element);

    /// <summary>The per-step values, in order, with the C# type each is kept in.</summary>
    public IEnumerable<(DefineStepValue Value, StepValueType Type)> StepValues =>
        Rule.StepOperations.OfType<DefineStepValue>().Select(value => (value, _stepValueTypes[value.Name]));

    /// <summary>The per-step values that element code reads (passed to the element loop).</summary>
    public IEnumerable<(DefineStepValue Value, StepValueType Type)> ElementStepValues =>
        StepValues.Where(entry => entry.Type != StepValueType.Double);

    public StepValueType TypeOf(StepValue value) => _stepValueTypes[value.Name];

    public string CSharpType(StepValueType type) => type switch
    {
        StepValueType.Boolean => "bool",
        StepValueType.Element => T,
        _ => "double",
    };

    /// <summary>The gradient-norm clip threshold, or 0 when the step does not clip by norm.</summary>
    public double ClipGradNorm => Spec.Hyperparameters[Hyperparameter.ClipGradNorm];

    /// <summary>Whether the step needs a pass over the gradients for their norm first.</summary>
    public bool ClipsByNorm => ClipGradNorm != 0;

    /// <summary>Whether the step number t is read anywhere.</summary>
    public bool UsesStepNumber => ExpressionNodes.InStepCode(Rule).Any(node => node is StepNumber);

    /// <summary>
    /// A value read by element code is kept in the element type (converted once per step, as torch converts a
    /// Python scalar to the tensor's dtype); a comparison is a bool; the rest stay double. A value read by both
    /// element code and later per-step code would need both, so definitions keep those apart.
    /// </summary>
    private static Dictionary<string, StepValueType> StepValueTypes(UpdateRule rule)
    {
        var inElements = new HashSet<string>(ExpressionNodes.InElementCode(rule).OfType<StepValue>().Select(value => value.Name));
        var inSteps = new HashSet<string>(ExpressionNodes.InStepCode(rule).OfType<StepValue>().Select(value => value.Name));
        var types = new Dictionary<string, StepValueType>();
        foreach (DefineStepValue value in rule.StepOperations.OfType<DefineStepValue>())
        {
            if (!inElements.Contains(value.Name) && !inSteps.Contains(value.Name))
            {
                throw new System.InvalidOperationException($"The step value '{value.Name}' is never used.");
            }

            if (value.Value is Comparison)
            {
                types[value.Name] = StepValueType.Boolean;
            }
            else if (inElements.Contains(value.Name))
            {
                if (inSteps.Contains(value.Name))
                {
                    throw new System.InvalidOperationException($"The step value '{value.Name}' is read both per element and per step.");
                }

                types[value.Name] = StepValueType.Element;
            }
            else
            {
                types[value.Name] = StepValueType.Double;
            }
        }

        return types;
    }
}

/// <summary>The C# type a per-step value is kept in.</summary>
internal enum StepValueType
{
    Double,
    Element,
    Boolean,
}

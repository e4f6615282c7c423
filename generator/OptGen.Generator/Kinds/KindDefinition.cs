using System.Collections.Generic;
using System.Linq;
using OptGen.Generator.Model;
using OptGen.Generator.Rules;

namespace OptGen.Generator.Kinds;

/// <summary>
/// Everything OptGen knows about one <see cref="Kind"/>, in one place: which reference it follows, the
/// hyperparameters it takes with their defaults and ranges, and its update rule. The attribute's defaults
/// (<c>TorchDefaults</c>), the range diagnostics, the "unused hyperparameter" warning, the generated code, its
/// documentation and the README's table of kinds are all derived from these definitions.
/// </summary>
internal abstract class KindDefinition
{
    public abstract Kind Kind { get; }

    /// <summary>The reference implementation, as users know it: <c>torch.optim.Adam</c>.</summary>
    public abstract string Reference { get; }

    /// <summary>
    /// The hyperparameters this kind takes, in documentation order: its own (the learning rate and maximize among
    /// them), then those every kind takes (gradient clipping).
    /// </summary>
    public IReadOnlyList<HyperparameterUse> Hyperparameters => _hyperparameters ??= [.. Own, .. Common];

    /// <summary>The hyperparameters particular to this kind.</summary>
    protected abstract IReadOnlyList<HyperparameterUse> Own { get; }

    /// <summary>What every kind takes besides its own: clipping, fused into the step.</summary>
    public static IReadOnlyList<HyperparameterUse> Common { get; } = [Use(Hyperparameter.ClipGradNorm), Use(Hyperparameter.ClipGradValue)];

    private IReadOnlyList<HyperparameterUse>? _hyperparameters;

    /// <summary>Writes the update rule for the configured hyperparameters.</summary>
    public abstract void Define(RuleBuilder rule);

    /// <summary>Reports combinations of values that are each in range but wrong together (none by default).</summary>
    public virtual void Validate(HyperparameterValues values, IArgumentReporter reporter)
    {
    }

    public bool Takes(HyperparameterDefinition hyperparameter) => Hyperparameters.Any(use => use.Definition == hyperparameter);

    public HyperparameterUse? Use(string name) => Hyperparameters.FirstOrDefault(use => use.Name == name);

    /// <summary>The rule for <paramref name="values"/>.</summary>
    public UpdateRule Build(HyperparameterValues values)
    {
        var builder = new RuleBuilder(values);
        Define(builder);
        return builder.Rule;
    }

    /// <summary>A hyperparameter with the catalog's default and range.</summary>
    protected static HyperparameterUse Use(HyperparameterDefinition hyperparameter) => new(hyperparameter, hyperparameter.BaseDefault, hyperparameter.Range);

    /// <summary>A hyperparameter with this kind's default.</summary>
    protected static HyperparameterUse Use(HyperparameterDefinition hyperparameter, double @default) => new(hyperparameter, @default, hyperparameter.Range);

    /// <summary>A hyperparameter with this kind's default and range.</summary>
    protected static HyperparameterUse Use(HyperparameterDefinition hyperparameter, double @default, ValueRange range) => new(hyperparameter, @default, range);
}

/// <summary>Reports a diagnostic on one of the attribute's arguments (used by <see cref="KindDefinition.Validate"/>).</summary>
internal interface IArgumentReporter
{
    void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, string argument, params object[] messageArguments);
}

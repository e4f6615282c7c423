using System;
using System.Linq;
using OptGen.Generator.Emit;
using OptGen.Generator.Kinds;
using OptGen.Generator.Model;

namespace OptGen.Generator.Rules;

/// <summary>
/// What a kind's definition writes its rule with: it declares state and step values (getting back the
/// expressions that stand for them) and element statements, with the configured hyperparameters at hand.
/// </summary>
internal sealed class RuleBuilder(HyperparameterValues values)
{
    public UpdateRule Rule { get; } = new();

    /// <summary>The configured value of a hyperparameter (the kind's default when the attribute omits it).</summary>
    public double this[HyperparameterDefinition hyperparameter] => values[hyperparameter];

    /// <summary>Whether a flag hyperparameter is on.</summary>
    public bool IsOn(HyperparameterDefinition flag) => values[flag] != 0;

    /// <summary>The configured value as a constant node.</summary>
    public Constant Constant(HyperparameterDefinition hyperparameter) => new(values[hyperparameter]);

    /// <summary>The effective gradient g (after <see cref="DefineGradient"/>).</summary>
    public Expression G => Gradient.Instance;

    public Expression Theta => Parameter.Instance;

    /// <summary>Sets what the effective gradient is, from the raw gradient.</summary>
    public void DefineGradient(Expression definition) => Rule.GradientDefinition = definition;

    /// <summary>Declares a per-parameter buffer and returns its value.</summary>
    public BufferValue Buffer(string name, string symbol, string description, double initialValue = 0, StateDomainKind domain = StateDomainKind.Finite)
    {
        Unique(name);
        Rule.Buffers.Add(new BufferDefinition(name, symbol, description, initialValue, domain));
        return new BufferValue(name);
    }

    /// <summary>Declares βᵗ as a running product, advanced at every step before the step values, and returns it.</summary>
    public ScalarState RunningPower(string name, double @base)
    {
        Unique(name);
        Rule.ScalarStates.Add(new ScalarStateDefinition(name, Literal.Math(@base) + "ᵗ", $"{Literal.Math(@base)}ᵗ", 1.0, 0.0, 1.0, @base));
        Rule.StepOperations.Add(new AdvanceState(name, null));
        return new ScalarState(name);
    }

    /// <summary>Declares a scalar state that <see cref="Advance"/> moves on, and returns it.</summary>
    public ScalarState State(string name, string symbol, string description, double initialValue, double minimum, double maximum)
    {
        Unique(name);
        Rule.ScalarStates.Add(new ScalarStateDefinition(name, symbol, description, initialValue, minimum, maximum, null));
        return new ScalarState(name);
    }

    /// <summary>Sets a scalar state to <paramref name="value"/>, at this point of the per-step computation.</summary>
    public void Advance(ScalarState state, Expression value) => Rule.StepOperations.Add(new AdvanceState(state.Name, value));

    /// <summary>Advances a product of factors below 1 that is only ever read as 1 − x, flushed to 0 as running powers are.</summary>
    public void AdvanceProduct(ScalarState state, Expression factor) =>
        Rule.StepOperations.Add(new AdvanceState(state.Name, state * factor, FlushesToZero: true));

    /// <summary>Declares a value computed once per step, and returns it.</summary>
    public StepValue Value(string name, Expression value, string? comment = null)
    {
        Unique(name);
        Rule.StepOperations.Add(new DefineStepValue(name, value, comment));
        return new StepValue(name);
    }

    /// <summary>The learning rate of this step, as an element-domain value.</summary>
    public StepValue LearningRateValue() => Value("lr", CurrentLearningRate.Instance);

    /// <summary><c>buffer ← value</c>.</summary>
    public void Assign(BufferValue buffer, Expression value) => Rule.Statements.Add(new AssignBuffer(buffer.Name, value));

    /// <summary>A per-element temporary.</summary>
    public ElementLocal Local(string name, Expression value)
    {
        Unique(name);
        Rule.Statements.Add(new DefineLocal(name, value));
        return new ElementLocal(name);
    }

    /// <summary><c>θ ← θ − step</c>.</summary>
    public void Descend(Expression step) => Rule.Statements.Add(new DescendParameter(step));

    /// <summary><c>θ ← value</c>.</summary>
    public void SetParameter(Expression value) => Rule.Statements.Add(new SetParameter(value));

    /// <summary>Declares train and eval modes (see <see cref="TrainEvalModes"/>), held in a new scalar state.</summary>
    public void TrainEval(Expression train, Expression eval, bool startsInTraining)
    {
        ScalarState mode = State("trainMode", "training", "the mode: 1 while training (θ = y), 0 for evaluation (θ = x)", startsInTraining ? 1 : 0, 0, 1);
        Rule.Modes = new TrainEvalModes(train, eval, mode.Name, startsInTraining);
    }

    /// <summary><c>θ ← θ · factor</c>.</summary>
    public void ScaleParameter(Expression factor) => Rule.Statements.Add(new ScaleParameter(factor));

    public void Title(string title) => Rule.Title = title;

    public void Note(string note) => Rule.Notes.Add(note);

    private void Unique(string name)
    {
        bool taken = Rule.Buffers.Any(b => b.Name == name)
            || Rule.ScalarStates.Any(s => s.Name == name)
            || Rule.StepOperations.OfType<DefineStepValue>().Any(v => v.Name == name)
            || Rule.Statements.OfType<DefineLocal>().Any(l => l.Name == name)
            || name is "g" or "p" or "i" or "t" or "parameters" or "gradients" or "gradientScale" or "offset";
        if (taken)
        {
            throw new InvalidOperationException($"The rule already uses the name '{name}'.");
        }
    }
}

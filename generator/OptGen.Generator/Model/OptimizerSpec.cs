namespace OptGen.Generator.Model;

/// <summary>
/// Everything the emitter needs to write one optimizer: plain data only (no symbols, syntax or
/// compilations), so that equal inputs let the incremental pipeline reuse its output.
/// </summary>
/// <param name="Namespace">The containing namespace as C# spells it (<c>@namespace.@event</c>), or null for the global namespace.</param>
/// <param name="MetadataNamespace">The containing namespace's metadata name (<c>namespace.event</c>), or null.</param>
/// <param name="ContainingTypes">The types the optimizer is nested in, outermost first.</param>
/// <param name="Type">The optimizer's own declaration.</param>
/// <param name="Kind">The update rule.</param>
/// <param name="ParameterCount">The compile-time parameter count, or 0 when the constructor takes it.</param>
/// <param name="Element">The element type.</param>
/// <param name="Hyperparameters">Every hyperparameter the kind takes, with its defaults filled in.</param>
/// <param name="Parallel">Whether each step is split across the machine's cores.</param>
internal sealed record OptimizerSpec(
    string? Namespace,
    string? MetadataNamespace,
    EquatableArray<TypeDeclaration> ContainingTypes,
    TypeDeclaration Type,
    Kind Kind,
    int ParameterCount,
    ElementType Element,
    HyperparameterValues Hyperparameters,
    bool Parallel = false)
{
    /// <summary>The initial learning rate.</summary>
    public double LearningRate => Hyperparameters[Kinds.Hyperparameter.LearningRate];

    /// <summary>Whether the parameter count is a compile-time constant.</summary>
    public bool HasFixedParameterCount => ParameterCount > 0;

    /// <summary>The exact metadata name, <c>Namespace.Outer+Type`1</c>: what the file name is made from.</summary>
    public string QualifiedMetadataName
    {
        get
        {
            var name = new System.Text.StringBuilder();
            if (MetadataNamespace is not null)
            {
                name.Append(MetadataNamespace).Append('.');
            }

            foreach (TypeDeclaration containing in ContainingTypes)
            {
                name.Append(containing.MetadataName).Append('.');
            }

            return name.Append(Type.MetadataName).ToString();
        }
    }
}

/// <summary>A type declaration as it must be repeated in the generated partial part.</summary>
/// <param name="Keyword">class, struct, record, record struct or interface.</param>
/// <param name="Name">The name with its type parameter list, as C# spells it, e.g. <c>Optimizer&lt;TTag&gt;</c>, <c>@class</c>.</param>
/// <param name="MetadataName">The name used in file names, e.g. <c>Optimizer`1</c>.</param>
internal sealed record TypeDeclaration(string Keyword, string Name, string MetadataName)
{
    public bool IsValueType => Keyword is "struct" or "record struct";
}

/// <summary>The element type of parameters, gradients and state.</summary>
internal enum ElementType
{
    Double,
    Float,
}

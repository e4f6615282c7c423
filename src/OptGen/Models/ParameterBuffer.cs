namespace OptGen.Models;

/// <summary>What a parameter buffer is to its model, so that parameter groups can treat kinds differently (no weight decay on biases).</summary>
public enum ParameterRole
{
    /// <summary>A weight vector or matrix.</summary>
    Weight,

    /// <summary>A bias vector.</summary>
    Bias,
}

/// <summary>
/// One buffer of a model's parameters — a weight matrix or a bias vector — as a view of the model's flat parameter
/// span: elements [<see cref="Offset"/>, <see cref="Offset"/> + <see cref="Length"/>).
/// </summary>
/// <param name="Name">The buffer's name, as torch's <c>named_parameters()</c> would give it (<c>layer0.weight</c>).</param>
/// <param name="Role">Weight or bias.</param>
/// <param name="Offset">Where the buffer starts in the flat parameter span.</param>
/// <param name="Length">Its number of parameters.</param>
public readonly record struct ParameterBuffer(string Name, ParameterRole Role, int Offset, int Length);

/// <summary>A model whose flat parameter span is made of named buffers (one per weight matrix and bias), in order, covering it without gaps.</summary>
public interface IParameterLayout
{
    /// <summary>The buffers, in the order they lie in the parameter span.</summary>
    IReadOnlyList<ParameterBuffer> ParameterBuffers { get; }
}

namespace OptGen.Generator.Rules;

/// <summary>An element-wise statement of an update rule.</summary>
internal abstract record Statement;

/// <summary><c>buffer ← value</c>.</summary>
internal sealed record AssignBuffer(string Buffer, Expression Value) : Statement;

/// <summary><c>θ ← θ − step</c>.</summary>
internal sealed record DescendParameter(Expression Step) : Statement;

/// <summary><c>θ ← θ · factor</c> (decoupled weight decay).</summary>
internal sealed record ScaleParameter(Expression Factor) : Statement;

/// <summary>A per-element temporary: <c>name ← value</c>.</summary>
internal sealed record DefineLocal(string Name, Expression Value) : Statement;

/// <summary><c>θ ← value</c> (an interpolation, as Schedule-Free's y ← lerp(y, z, c)).</summary>
internal sealed record SetParameter(Expression Value) : Statement;

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace OptGen.Generator.Model;

/// <summary>
/// A diagnostic as plain data: the descriptor's id, where, and the message arguments. A
/// <see cref="Diagnostic"/> holds a <see cref="Location"/>, which holds a syntax tree, which would keep
/// the pipeline from caching; this record holds only the file path and spans.
/// </summary>
/// <remarks>
/// A range diagnostic carries the kind's default for the argument as the property <c>TorchDefault</c> (invariant
/// round-trip text), so that a code fix can offer it without knowing the kinds.
/// </remarks>
internal sealed record DiagnosticInfo(string Id, LocationInfo? Location, EquatableArray<string> MessageArguments)
{
    /// <summary>The property key of the default a code fix may put in place of an out-of-range value.</summary>
    public const string TorchDefaultProperty = "TorchDefault";

    /// <summary>The kind's default for the argument at fault, or null.</summary>
    public string? TorchDefault { get; init; }

    /// <summary>The diagnostic, located in <paramref name="compilation"/>'s own syntax tree, so that suppressions apply to it.</summary>
    public Diagnostic ToDiagnostic(Compilation compilation) => Diagnostic.Create(
        Diagnostics.DiagnosticDescriptors.ById(Id),
        Location?.ToLocation(compilation),
        TorchDefault is null
            ? null
            : System.Collections.Immutable.ImmutableDictionary<string, string?>.Empty.Add(TorchDefaultProperty, TorchDefault),
        System.Linq.Enumerable.ToArray<object?>(MessageArguments));
}

/// <summary>A source location as plain data.</summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    /// <summary>The location in the tree of <paramref name="compilation"/> with this path, or a file location when there is none.</summary>
    public Location ToLocation(Compilation compilation) =>
        System.Linq.Enumerable.FirstOrDefault(compilation.SyntaxTrees, tree => tree.FilePath == FilePath) is { } tree
            ? Location.Create(tree, Span)
            : Location.Create(FilePath, Span, LineSpan);

    public static LocationInfo? From(SyntaxNode? node) => From(node?.GetLocation());

    public static LocationInfo? From(Location? location) =>
        location?.SourceTree is null
            ? null
            : new LocationInfo(location.SourceTree.FilePath, location.SourceSpan, location.GetLineSpan().Span);
}

/// <summary>What parsing one attributed type yields: a spec when it is valid, and its diagnostics.</summary>
internal sealed record ParseResult(OptimizerSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics);

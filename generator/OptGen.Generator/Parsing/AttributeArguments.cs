using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using OptGen.Generator.Model;

namespace OptGen.Generator.Parsing;

/// <summary>The arguments of one <c>[Optimizer]</c> application, with the syntax to point diagnostics at.</summary>
internal sealed class AttributeArguments
{
    private readonly Dictionary<string, TypedConstant> _named;
    private readonly AttributeSyntax? _syntax;

    public AttributeArguments(AttributeData attribute, AttributeSyntax? syntax)
    {
        // A duplicate argument is the compiler's error (CS0643); the first one wins here, so nothing throws.
        _named = attribute.NamedArguments.GroupBy(argument => argument.Key).ToDictionary(group => group.Key, group => group.First().Value);
        _syntax = syntax;
    }

    /// <summary>The location of the kind argument, or of the whole attribute when it cannot be found.</summary>
    public LocationInfo? KindLocation =>
        LocationInfo.From(_syntax?.ArgumentList?.Arguments.FirstOrDefault(argument => argument.NameEquals is null)?.Expression)
        ?? LocationInfo.From(_syntax);

    public IEnumerable<string> Names => _named.Keys;

    public bool TryGet(string name, out TypedConstant value) => _named.TryGetValue(name, out value);

    public double? Double(string name) => _named.TryGetValue(name, out TypedConstant value) ? System.Convert.ToDouble(value.Value, System.Globalization.CultureInfo.InvariantCulture) : null;

    public bool? Boolean(string name) => _named.TryGetValue(name, out TypedConstant value) ? (bool)value.Value! : null;

    /// <summary>The location of a named argument's value, so the squiggle lands on what must change.</summary>
    public LocationInfo? LocationOf(string name) => LocationInfo.From(NamedSyntax(name)?.Expression) ?? LocationInfo.From(_syntax);

    /// <summary>The location of a named argument as a whole (name and value), for warnings about its presence.</summary>
    public LocationInfo? ArgumentLocationOf(string name) => LocationInfo.From(NamedSyntax(name)) ?? LocationInfo.From(_syntax);

    private AttributeArgumentSyntax? NamedSyntax(string name) =>
        _syntax?.ArgumentList?.Arguments.FirstOrDefault(argument => argument.NameEquals?.Name.Identifier.ValueText == name);
}

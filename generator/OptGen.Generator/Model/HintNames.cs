using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using OptGen.Generator.Parsing;

namespace OptGen.Generator.Model;

/// <summary>A spec with the file name its source is added under.</summary>
internal sealed record NamedSpec(OptimizerSpec Spec, string HintName);

/// <summary>
/// Gives every optimizer a file name that is valid and unique — the compiler compares hint names ignoring case,
/// so <c>MyAdam</c> and <c>MYADAM</c>, or namespaces <c>N</c> and <c>n</c>, would otherwise collide and fail the
/// whole generator (CS8785). A name that is not unique ignoring case, or that had to be changed to be a valid
/// file name, gets a hash of the exact name.
/// </summary>
internal static class HintNames
{
    public static ImmutableArray<NamedSpec> Assign(ImmutableArray<OptimizerSpec> specs)
    {
        var plain = specs.Select(spec => (Spec: spec, Name: spec.QualifiedMetadataName, Safe: Identifiers.FileSafe(spec.QualifiedMetadataName))).ToArray();
        var taken = plain.GroupBy(entry => entry.Safe, StringComparer.OrdinalIgnoreCase).ToDictionary(group => group.Key, group => group.Select(entry => entry.Name).Distinct().Count(), StringComparer.OrdinalIgnoreCase);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var named = ImmutableArray.CreateBuilder<NamedSpec>(plain.Length);
        foreach (var entry in plain)
        {
            bool needsHash = taken[entry.Safe] > 1 || entry.Safe != entry.Name;
            string hint = needsHash ? $"{entry.Safe}.{Identifiers.Hash(entry.Name)}.g.cs" : $"{entry.Safe}.g.cs";
            if (seen.Add(hint))
            {
                named.Add(new NamedSpec(entry.Spec, hint));
            }
        }

        return named.ToImmutable();
    }
}

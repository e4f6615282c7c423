using System.Collections.Generic;
using System.Reflection;

namespace OptGen.Generator.Diagnostics;

/// <summary>
/// The help link of each diagnostic: its page, docs/diagnostics/OPTGxxx.md. Where the pages are online is known
/// only when the build is given a repository URL (the MSBuild property OptGenRepositoryUrl, baked into this
/// assembly as metadata); without one the link is the page's path, the same in the repository and in the package.
/// </summary>
internal static class HelpLinks
{
    /// <summary>The assembly-metadata key the project file fills from $(OptGenDiagnosticsHelpUrl).</summary>
    public const string MetadataKey = "OptGenDiagnosticsHelpUrl";

    /// <summary>Where the pages are, relative to the repository root and to the package root.</summary>
    public const string PagesPath = "docs/diagnostics";

    private static readonly string s_base = BaseFrom(typeof(HelpLinks).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>());

    public static string For(string id) => s_base + "/" + id + ".md";

    /// <summary>Where the pages are: the URL the build baked in, or <see cref="PagesPath"/> when it baked in none.</summary>
    internal static string BaseFrom(IEnumerable<AssemblyMetadataAttribute> metadata)
    {
        foreach (AssemblyMetadataAttribute entry in metadata)
        {
            if (entry.Key == MetadataKey && !string.IsNullOrWhiteSpace(entry.Value))
            {
                return entry.Value!.TrimEnd('/');
            }
        }

        return PagesPath;
    }
}

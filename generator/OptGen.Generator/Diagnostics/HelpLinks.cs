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

    private static readonly string s_base = OnlineBase() ?? PagesPath;

    public static string For(string id) => s_base + "/" + id + ".md";

    private static string? OnlineBase()
    {
        foreach (AssemblyMetadataAttribute metadata in typeof(HelpLinks).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>())
        {
            if (metadata.Key == MetadataKey && !string.IsNullOrWhiteSpace(metadata.Value))
            {
                return metadata.Value!.TrimEnd('/');
            }
        }

        return null;
    }
}

using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace OptGen.Generator.Parsing;

/// <summary>Names as generated code must spell them, and as file names may hold them.</summary>
internal static class Identifiers
{
    /// <summary><c>@class</c> for a name that is a C# keyword, the name itself otherwise.</summary>
    public static string Escape(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(name) is SyntaxKind.RecordKeyword
            ? "@" + name
            : name;

    /// <summary>
    /// A file-name-safe form of a metadata name: letters, digits and <c>_ . ` -</c> are kept, anything else (the
    /// <c>&lt;&gt;</c> of a compiler-generated name, a character a file system may refuse) becomes <c>_</c>.
    /// </summary>
    public static string FileSafe(string name)
    {
        var text = new StringBuilder(name.Length);
        foreach (char c in name)
        {
            text.Append(c < 128 && (char.IsLetterOrDigit(c) || c is '_' or '.' or '`' or '-') ? c : '_');
        }

        return text.ToString();
    }

    /// <summary>An 8-hex-digit FNV-1a hash of <paramref name="text"/>: tells apart names that differ only in case.</summary>
    public static string Hash(string text)
    {
        uint hash = 2166136261;
        foreach (byte b in Encoding.UTF8.GetBytes(text))
        {
            hash = unchecked((hash ^ b) * 16777619);
        }

        return hash.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
    }

    public static bool IsPlainAscii(string name) => name.All(c => c < 128);
}

using System.Globalization;
using System.Text;

namespace OptGen.Demo.Show;

/// <summary>What <c>show</c> asks the generator for: a kind and the attribute's named arguments.</summary>
/// <param name="Kind">The update rule.</param>
/// <param name="Params">The parameter count, or <see langword="null"/> for "given to the constructor".</param>
/// <param name="Float">Generate for <see cref="float"/> instead of <see cref="double"/>.</param>
/// <param name="Struct">Declare a <c>partial struct</c> instead of a <c>partial class</c>.</param>
/// <param name="TypeName">The name of the declared type; <see langword="null"/> for one made from the kind.</param>
public sealed record ShowRequest(Kind Kind, int? Params = null, bool Float = false, bool Struct = false, string? TypeName = null)
{
    /// <summary>Named double arguments (attribute property name → value), in the order given.</summary>
    public IReadOnlyList<KeyValuePair<string, double>> Numbers { get; init; } = [];

    /// <summary>Named int arguments (attribute property name → value), in the order given.</summary>
    public IReadOnlyList<KeyValuePair<string, int>> Integers { get; init; } = [];

    /// <summary>Named bool arguments set to true (attribute property names).</summary>
    public IReadOnlyList<string> Flags { get; init; } = [];

    /// <summary>The name of the declared type.</summary>
    public string Name => TypeName ?? $"{Kind}Optimizer";

    /// <summary>The attribute as a user would write it, e.g. <c>[Optimizer(Kind.Adam, Params = 2)]</c>.</summary>
    public string Attribute
    {
        get
        {
            var text = new StringBuilder($"[Optimizer(Kind.{Kind}");
            if (Params is { } count)
            {
                text.Append(CultureInfo.InvariantCulture, $", Params = {count}");
            }

            if (Float)
            {
                text.Append(", ElementType = typeof(float)");
            }

            foreach (KeyValuePair<string, double> number in Numbers)
            {
                text.Append(CultureInfo.InvariantCulture, $", {number.Key} = {number.Value.ToString("R", CultureInfo.InvariantCulture)}");
            }

            foreach (KeyValuePair<string, int> integer in Integers)
            {
                text.Append(CultureInfo.InvariantCulture, $", {integer.Key} = {integer.Value}");
            }

            foreach (string flag in Flags)
            {
                text.Append(CultureInfo.InvariantCulture, $", {flag} = true");
            }

            return text.Append(")]").ToString();
        }
    }

    /// <summary>The whole source file the generator is run on.</summary>
    public string Source =>
        $"""
        using OptGen;

        namespace Example;

        {Attribute}
        public partial {(Struct ? "struct" : "class")} {Name};

        """;
}

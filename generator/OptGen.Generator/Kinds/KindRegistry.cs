using System.Collections.Generic;
using System.Linq;
using OptGen.Generator.Kinds.Definitions;

namespace OptGen.Generator.Kinds;

/// <summary>
/// The one list of kind definitions. Adding an optimizer is one definition class and one line here (and the
/// enum member it implements).
/// </summary>
internal static class KindRegistry
{
    public static IReadOnlyList<KindDefinition> All { get; } =
    [
        new SgdDefinition(),
        new MomentumDefinition(),
        new NesterovDefinition(),
        new AdagradDefinition(),
        new RmsPropDefinition(),
        new AdamDefinition(),
        new AdamWDefinition(),
        new AdamaxDefinition(),
        new NAdamDefinition(),
        new RAdamDefinition(),
        new AdadeltaDefinition(),
        new RpropDefinition(),
        new LionDefinition(),
        new AdoptDefinition(),
        new AdEMAMixDefinition(),
        new ScheduleFreeAdamWDefinition(),
    ];

    private static readonly Dictionary<Kind, KindDefinition> s_byKind = All.ToDictionary(definition => definition.Kind);

    /// <summary>The definition of <paramref name="kind"/>, or null when the kind has none (an undefined enum value).</summary>
    public static KindDefinition? Find(Kind kind) => s_byKind.TryGetValue(kind, out KindDefinition definition) ? definition : null;

    public static KindDefinition Of(Kind kind) => s_byKind[kind];
}

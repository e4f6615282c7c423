namespace OptGen.CodeFixes.Tests;

/// <summary>OPTG001: the fix adds partial where C# wants it, keeps the layout, and reaches containing types.</summary>
public sealed class MakePartialCodeFixTests
{
    [Fact]
    public Task A_public_class_becomes_public_partial() => CodeFixTest<MakePartialCodeFix>.VerifyAsync(
        """
        using OptGen;

        [Optimizer(Kind.Adam, Params = 2)]
        public class {|OPTG001:NeuronAdam|};
        """,
        """
        using OptGen;

        [Optimizer(Kind.Adam, Params = 2)]
        public partial class NeuronAdam;
        """);

    [Fact]
    public Task A_type_without_modifiers_keeps_its_indentation() => CodeFixTest<MakePartialCodeFix>.VerifyAsync(
        """
        using OptGen;

        namespace Training
        {
            [Optimizer(Kind.Sgd, Params = 1)]
            sealed class {|OPTG001:Sealed|} { }

            [Optimizer(Kind.Sgd, Params = 1)]
            struct {|OPTG001:Bare|} { }
        }
        """,
        """
        using OptGen;

        namespace Training
        {
            [Optimizer(Kind.Sgd, Params = 1)]
            sealed partial class Sealed { }

            [Optimizer(Kind.Sgd, Params = 1)]
            partial struct Bare { }
        }
        """);

    [Fact]
    public Task The_containing_types_become_partial_too_and_Fix_All_adds_each_partial_once() => CodeFixTest<MakePartialCodeFix>.VerifyNonLocalAsync(
        """
        using OptGen;

        public static class {|OPTG001:Outer|}
        {
            internal class {|OPTG001:Middle|}
            {
                [Optimizer(Kind.Adam, Params = 2)]
                public class {|OPTG001:Inner|};
            }
        }
        """,
        """
        using OptGen;

        public static partial class Outer
        {
            internal partial class Middle
            {
                [Optimizer(Kind.Adam, Params = 2)]
                public partial class Inner;
            }
        }
        """);

    [Fact]
    public Task A_record_gets_partial_before_its_keyword() => CodeFixTest<MakePartialCodeFix>.VerifyAsync(
        """
        using OptGen;

        [Optimizer(Kind.Sgd, Params = 1)]
        public sealed record {|OPTG001:Settings|};
        """,
        """
        using OptGen;

        [Optimizer(Kind.Sgd, Params = 1)]
        public sealed partial record Settings;
        """);
}

namespace OptGen.CodeFixes.Tests;

/// <summary>OPTG010 and OPTG006: the fix removes the argument and its comma, leaving the rest as written.</summary>
public sealed class RemoveArgumentCodeFixTests
{
    [Fact]
    public Task An_ignored_hyperparameter_is_removed() => CodeFixTest<RemoveArgumentCodeFix>.VerifyAsync(
        """
        using OptGen;

        [Optimizer(Kind.Sgd, Params = 2, {|OPTG010:Beta1 = 0.9|}, LearningRate = 0.1)]
        public partial class Plain;
        """,
        """
        using OptGen;

        [Optimizer(Kind.Sgd, Params = 2, LearningRate = 0.1)]
        public partial class Plain;
        """);

    [Fact]
    public Task Fix_All_removes_every_ignored_hyperparameter_of_every_declaration() => CodeFixTest<RemoveArgumentCodeFix>.VerifyAsync(
        """
        using OptGen;

        [Optimizer(Kind.Sgd, Params = 2, {|OPTG010:Beta1 = 0.9|}, {|OPTG010:Beta2 = 0.99|}, {|OPTG010:Epsilon = 1e-6|})]
        public partial class A;

        [Optimizer(Kind.Adagrad, Params = 2, {|OPTG010:Centered = true|})]
        public partial class B;
        """,
        """
        using OptGen;

        [Optimizer(Kind.Sgd, Params = 2)]
        public partial class A;

        [Optimizer(Kind.Adagrad, Params = 2)]
        public partial class B;
        """);

    [Fact]
    public Task Dampening_is_removed_from_Nesterov() => CodeFixTest<RemoveArgumentCodeFix>.VerifyAsync(
        """
        using OptGen;

        [Optimizer(Kind.Nesterov, Params = 2, Dampening = {|OPTG006:0.1|}, Momentum = 0.8)]
        public partial class Look;
        """,
        """
        using OptGen;

        [Optimizer(Kind.Nesterov, Params = 2, Momentum = 0.8)]
        public partial class Look;
        """);
}

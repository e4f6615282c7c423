namespace OptGen.CodeFixes.Tests;

/// <summary>OPTG003, OPTG004, OPTG005, OPTG011, OPTG014, OPTG015: the value out of range becomes the kind's default, as the diagnostic carries it.</summary>
public sealed class UseTorchDefaultCodeFixTests
{
    [Theory]
    [InlineData("Adam", "LearningRate = {|OPTG003:0|}", "LearningRate = 0.001")]
    [InlineData("Adagrad", "LearningRate = {|OPTG003:-1|}", "LearningRate = 0.01")]
    [InlineData("Adam", "Beta1 = {|OPTG004:1|}", "Beta1 = 0.9")]
    [InlineData("Adam", "Beta2 = {|OPTG004:1.5|}", "Beta2 = 0.999")]
    [InlineData("Nesterov", "Momentum = {|OPTG004:0|}", "Momentum = 0.9")]
    [InlineData("RMSProp", "Alpha = {|OPTG004:-0.5|}", "Alpha = 0.99")]
    [InlineData("Adam", "Epsilon = {|OPTG005:0|}", "Epsilon = 1e-8")]
    [InlineData("Adagrad", "Epsilon = {|OPTG005:-1e-10|}", "Epsilon = 1e-10")]
    [InlineData("Sgd", "WeightDecay = {|OPTG011:-0.01|}", "WeightDecay = 0.0")]
    [InlineData("Adagrad", "InitialAccumulatorValue = {|OPTG011:-1|}", "InitialAccumulatorValue = 0.0")]
    [InlineData("Adadelta", "Rho = {|OPTG014:1.5|}", "Rho = 0.9")]
    [InlineData("Rprop", "EtaMinus = {|OPTG015:1|}", "EtaMinus = 0.5")]
    [InlineData("Rprop", "EtaPlus = {|OPTG015:0.9|}", "EtaPlus = 1.2")]
    public Task The_value_becomes_the_kinds_default(string kind, string argument, string fixedArgument) =>
        CodeFixTest<UseTorchDefaultCodeFix>.VerifyAsync(
            $$"""
            using OptGen;

            [Optimizer(Kind.{{kind}}, Params = 2, {{argument}})]
            public partial class A;
            """,
            $$"""
            using OptGen;

            [Optimizer(Kind.{{kind}}, Params = 2, {{fixedArgument}})]
            public partial class A;
            """);

    [Fact]
    public Task Fix_All_replaces_every_value_out_of_range() => CodeFixTest<UseTorchDefaultCodeFix>.VerifyAsync(
        """
        using OptGen;

        [Optimizer(Kind.Adam, Params = 2, LearningRate = {|OPTG003:0|}, Beta1 = {|OPTG004:1|}, Beta2 = {|OPTG004:1|}, Epsilon = {|OPTG005:0|})]
        public partial class A;

        [Optimizer(Kind.RMSProp, Params = 2, LearningRate = {|OPTG003:-0.1|}, WeightDecay = {|OPTG011:-1|})]
        public partial class B;
        """,
        """
        using OptGen;

        [Optimizer(Kind.Adam, Params = 2, LearningRate = 0.001, Beta1 = 0.9, Beta2 = 0.999, Epsilon = 1e-8)]
        public partial class A;

        [Optimizer(Kind.RMSProp, Params = 2, LearningRate = 0.01, WeightDecay = 0.0)]
        public partial class B;
        """);

    [Theory]
    [InlineData(1e-8, "1e-8")]
    [InlineData(0.001, "0.001")]
    [InlineData(1.0, "1.0")]
    [InlineData(0.0, "0.0")]
    [InlineData(2.5e10, "25000000000.0")]
    [InlineData(1.5e300, "1.5e300")]
    public void Literals_are_short_valid_and_round_trip(double value, string expected)
    {
        string literal = TorchDefaultValue.Literal(value);
        Assert.Equal(expected, literal);
        Assert.Equal(value, double.Parse(literal, System.Globalization.CultureInfo.InvariantCulture));
    }
}

using System.Diagnostics;
using OptGen.Generator.Diagnostics;

namespace OptGen.Generator.Tests.Robustness;

/// <summary>
/// OptGen's warnings can be suppressed the standard ways — <c>#pragma warning disable</c>, <c>[SuppressMessage]</c>,
/// <c>.editorconfig</c> — because they come from an analyzer on the user's own syntax trees. Checked with a real
/// <c>dotnet build</c> of a project that treats warnings as errors.
/// </summary>
public sealed class SuppressionTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "optgen-suppression-" + Guid.NewGuid().ToString("N"));

    public SuppressionTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Every_standard_suppression_silences_a_warning_and_an_unsuppressed_one_still_fails_the_build()
    {
        File.WriteAllText(Path.Combine(_folder, "Probe.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <OutputType>Exe</OutputType>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <EnableNETAnalyzers>false</EnableNETAnalyzers>
              </PropertyGroup>
              <ItemGroup>
                <Reference Include="{typeof(IOptimizer<>).Assembly.Location}" />
                <Analyzer Include="{typeof(OptimizerAnalyzer).Assembly.Location}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(_folder, "Pragma.cs"), """
            using OptGen;
            #pragma warning disable OPTG010
            [Optimizer(Kind.Sgd, Params = 2, Beta1 = 0.8)] public partial class Pragma;
            #pragma warning restore OPTG010
            """);
        File.WriteAllText(Path.Combine(_folder, "Attributed.cs"), """
            using OptGen;
            [System.Diagnostics.CodeAnalysis.SuppressMessage("OptGen", "OPTG010", Justification = "kept for the test")]
            [Optimizer(Kind.Sgd, Params = 2, Beta2 = 0.9)] public partial class Attributed;
            """);
        Directory.CreateDirectory(Path.Combine(_folder, "Configured"));
        File.WriteAllText(Path.Combine(_folder, "Configured", ".editorconfig"), "[*.cs]\ndotnet_diagnostic.OPTG010.severity = none\n");
        File.WriteAllText(Path.Combine(_folder, "Configured", "Configured.cs"), """
            using OptGen;
            [Optimizer(Kind.Momentum, Params = 2, Epsilon = 1e-6)] public partial class Configured;
            """);
        File.WriteAllText(Path.Combine(_folder, "Program.cs"), "System.Console.WriteLine(new Pragma().LearningRate + new Attributed().LearningRate + new Configured().LearningRate);\n");

        (int exitCode, string output) = Build();
        Assert.True(exitCode == 0, "The suppressed build failed:\n" + output);
        Assert.DoesNotContain("OPTG010", output);

        File.WriteAllText(Path.Combine(_folder, "Loud.cs"), "using OptGen;\n[Optimizer(Kind.Sgd, Params = 2, Amsgrad = true)] public partial class Loud;\n");
        (exitCode, output) = Build();
        Assert.NotEqual(0, exitCode);
        Assert.Contains("Loud.cs(2,34): error OPTG010", output);
    }

    private (int ExitCode, string Output) Build()
    {
        var start = new ProcessStartInfo("dotnet", ["build", _folder, "-nologo", "-clp:NoSummary"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _folder,
        };
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using Process process = Process.Start(start)!;
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(4)), "dotnet build did not finish in 4 minutes");
        return (process.ExitCode, output + error.Result);
    }
}

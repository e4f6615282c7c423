using System.Diagnostics;
using OptGen.Demo.Cli;

namespace OptGen.Demo.Tests;

public sealed class CommandLineTests
{
    [Theory]
    [InlineData("--bogus", "--bogus")]
    [InlineData("--epochs abc", "--epochs")]
    [InlineData("--epochs 0", "--epochs")]
    [InlineData("--kinds adam,lbfgs", "lbfgs")]
    [InlineData("--threshold -1", "--threshold")]
    [InlineData("--frames 1", "--frames")]
    [InlineData("neuron --seed x", "--seed")]
    [InlineData("show adamq", "adamq")]
    [InlineData("show adam --params 0", "--params")]
    [InlineData("show adam --lr fast", "--lr")]
    public void A_bad_option_exits_non_zero_and_names_it(string args, string named)
    {
        (int exitCode, string output, string error) = DemoRun.Capture(args.Split(' '));

        Assert.NotEqual(0, exitCode);
        Assert.Contains(named, error);
        Assert.DoesNotContain("Pictures", output);
    }

    [Fact]
    public void An_out_folder_that_cannot_be_made_exits_non_zero_and_says_so()
    {
        string file = Path.GetTempFileName();
        try
        {
            (int exitCode, _, string error) = DemoRun.Capture(["neuron", "--epochs", "3", "--frames", "2", "--out", Path.Combine(file, "pictures")]);

            Assert.NotEqual(0, exitCode);
            Assert.Contains("--out", error);
            Assert.Contains(file, error);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Help_explains_every_command_and_option()
    {
        (int exitCode, string output, _) = DemoRun.Capture(["--help"]);

        Assert.Equal(0, exitCode);
        foreach (string word in new[] { "--out", "--epochs", "--kinds", "--seed", "--no-pictures", "--threshold", "--frames", "show", "neuron", "plateau", "sparse", "mlp" })
        {
            Assert.Contains(word, output);
        }
    }

    [Fact]
    public void The_built_program_exits_non_zero_on_a_bad_option()
    {
        // The real process, as `dotnet run --project samples/OptGen.Demo -- --epochs many` runs it.
        string program = Path.Combine(AppContext.BaseDirectory, "OptGen.Demo.dll");
        var start = new ProcessStartInfo("dotnet", [program, "--epochs", "many"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using Process process = Process.Start(start)!;
        string error = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(60_000));

        Assert.NotEqual(0, process.ExitCode);
        Assert.Contains("--epochs", error);
        Assert.Contains("many", error);
    }

    [Fact]
    public void Kind_names_round_trip()
    {
        foreach (Kind kind in Enum.GetValues<Kind>())
        {
            Assert.Equal(kind, KindNames.Parse(KindNames.Name(kind)));
            Assert.Equal(kind, KindNames.Parse(KindNames.Name(kind).ToUpperInvariant()));
        }

        Assert.Throws<ArgumentException>(() => KindNames.Parse("3"));
    }
}

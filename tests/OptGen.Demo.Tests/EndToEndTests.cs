using OptGen.Demo.Cases;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Gif;

namespace OptGen.Demo.Tests;

public sealed class EndToEndTests : IDisposable
{
    private const int Frames = 5;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "optgen-demo-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void The_demo_runs_every_case_and_writes_pictures_that_decode()
    {
        (int exitCode, string output, string error) = DemoRun.Capture(["--epochs", "20", "--frames", Frames.ToString(), "--out", _folder, "--seed", "3"]);

        Assert.True(exitCode == 0, error);
        foreach (string title in new[] { "The tutorial's neuron, full batch, 20 epochs", "Vanilla SGD fed three ways", "On the plateau", "Sparse features", "Two half-moons" })
        {
            Assert.Contains(title, output);
        }

        var expected = new Dictionary<string, (int Width, int Height)>
        {
            ["neuron-paths.png"] = Pictures.Contour,
            ["neuron-path-sgd.png"] = Pictures.Contour,
            ["neuron-path-momentum.png"] = Pictures.Contour,
            ["neuron-path-nesterov.png"] = Pictures.Contour,
            ["neuron-path-adagrad.png"] = Pictures.Contour,
            ["neuron-path-rmsprop.png"] = Pictures.Contour,
            ["neuron-path-adam.png"] = Pictures.Contour,
            ["neuron-loss.png"] = Pictures.Loss,
            ["neuron-paths.gif"] = Pictures.Animation,
            ["neuron-batching-paths.png"] = Pictures.Contour,
            ["neuron-batching-loss.png"] = Pictures.Loss,
            ["plateau-paths.png"] = Pictures.Contour,
            ["plateau-loss.png"] = Pictures.Loss,
            ["plateau-paths.gif"] = Pictures.Animation,
            ["sparse-loss.png"] = Pictures.Loss,
            ["sparse-accuracy.png"] = Pictures.Loss,
            ["mlp-loss.png"] = Pictures.Loss,
            ["mlp-boundary.png"] = (3 * Pictures.Boundary.Width, Pictures.Boundary.Height),
        };

        // Every picture written is listed at the end, with its full path, and nothing else is in the folder.
        Assert.Equal(expected.Keys.Order(), Directory.GetFiles(_folder).Select(Path.GetFileName).Order());
        foreach ((string name, (int width, int height)) in expected)
        {
            string path = Path.Combine(_folder, name);
            Assert.Contains(path, output);
            if (name.EndsWith(".gif", StringComparison.Ordinal))
            {
                using Image gif = Image.Load(path);
                Assert.Equal((width, height), (gif.Width, gif.Height));
                Assert.Equal(Frames, gif.Frames.Count);
                Assert.Equal(0, gif.Metadata.GetGifMetadata().RepeatCount); // loops forever
            }
            else
            {
                using Image png = Image.Load(path, out SixLabors.ImageSharp.Formats.IImageFormat format);
                Assert.Equal("PNG", format.Name);
                Assert.Equal((width, height), (png.Width, png.Height));
            }
        }
    }

    [Fact]
    public void No_pictures_writes_nothing_and_kinds_choose_the_rows()
    {
        (int exitCode, string output, string error) = DemoRun.Capture(["neuron", "--epochs", "10", "--kinds", "adam,nesterov", "--no-pictures", "--out", _folder]);

        Assert.True(exitCode == 0, error);
        Assert.False(Directory.Exists(_folder));
        Assert.DoesNotContain("Pictures", output);
        string[] rows = FirstTableRows(output);
        Assert.Equal(2, rows.Length);
        Assert.Contains("NAG", rows[0]);
        Assert.Contains("Adam", rows[1]);
        Assert.DoesNotContain("Vanilla SGD fed three ways", output); // SGD was not asked for
    }

    [Theory]
    [InlineData("neuron")]
    [InlineData("mlp")]
    public void Kinds_beyond_the_tutorials_six_train_under_their_own_names(string demoCase)
    {
        (int exitCode, string output, string error) = DemoRun.Capture([demoCase, "--epochs", "5", "--kinds", "rprop,adamw,radam", "--no-pictures", "--out", _folder]);

        Assert.True(exitCode == 0, error);
        string[] rows = FirstTableRows(output);
        Assert.Equal(3, rows.Length);
        Assert.Contains("AdamW", rows[0]);
        Assert.Contains("RAdam", rows[1]);
        Assert.Contains("Rprop", rows[2]);
    }

    [Fact]
    public void The_same_seed_repeats_a_run_exactly()
    {
        static double[][] Losses(int seed) =>
            [.. new MlpCase().Run(new DemoSettings { Epochs = 5, Seed = seed, Pictures = false }).Runs.Select(r => r.LossHistory)];

        Assert.Equal(Losses(11), Losses(11));
        Assert.NotEqual(Losses(11), Losses(12));
    }

    /// <summary>The data rows of the first table printed (between its header rule and its bottom edge).</summary>
    private static string[] FirstTableRows(string output) =>
        [.. output.Split('\n').SkipWhile(line => !line.StartsWith('├')).Skip(1).TakeWhile(line => !line.StartsWith('╰'))];
}

using OptGen.Tests.Runtime;

namespace OptGen.Demo.Tests;

/// <summary>The fashion case end to end on a tiny Fashion-MNIST the test writes (so CI needs no download), and without data.</summary>
public sealed class FashionCaseTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "optgen-fashion-" + Guid.NewGuid().ToString("N"));

    public FashionCaseTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Trains_every_rule_and_writes_its_table_and_pictures()
    {
        string data = Path.Combine(_folder, "data");
        WriteSplit(data, "train", 96, gzip: true);
        WriteSplit(data, "t10k", 40, gzip: false);
        string pictures = Path.Combine(_folder, "pictures");

        (int exitCode, string output, string error) = DemoRun.Capture(["fashion", "--data", data, "--epochs", "2", "-o", pictures]);

        Assert.True(exitCode == 0, error);
        Assert.Contains("Fashion-MNIST: MLP 784-256-128-10", output);
        Assert.Contains("on 96 images", output);
        foreach (string rule in new[] { "Momentum", "Adam", "AdamW (no decay on biases)" })
        {
            Assert.Contains(rule, output);
        }

        Assert.Contains("all 40 test images", output);
        foreach (string picture in new[] { "fashion-loss.png", "fashion-accuracy.png", "fashion-misclassified.png" })
        {
            Assert.True(new FileInfo(Path.Combine(pictures, picture)).Length > 1000, picture);
        }
    }

    [Fact]
    public void Missing_data_says_how_to_get_it()
    {
        (int exitCode, _, string error) = DemoRun.Capture(["fashion", "--data", Path.Combine(_folder, "nowhere"), "--no-pictures"]);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("apt-get install -y dataset-fashion-mnist", error);
    }

    [Fact]
    public void A_rule_the_case_does_not_train_is_refused_before_loading()
    {
        (int exitCode, _, string error) = DemoRun.Capture(["fashion", "--kinds", "rprop", "--data", Path.Combine(_folder, "nowhere")]);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("trains momentum, adam, adamw; --kinds named rprop", error);
    }

    [Fact]
    public void Help_lists_the_case_and_its_options()
    {
        (int exitCode, string output, _) = DemoRun.Capture(["fashion", "--help"]);

        Assert.Equal(0, exitCode);
        Assert.Contains("--full", output);
        Assert.Contains("--data", output);
        Assert.Contains("fashion", DemoRun.Capture(["--help"]).Output);
    }

    // Random 28 × 28 images whose class shows in their brightness, so a few epochs learn something.
    private static void WriteSplit(string folder, string prefix, int count, bool gzip)
    {
        var random = new Random(count);
        var labels = new byte[count];
        var pixels = new byte[count * 784];
        for (int i = 0; i < count; i++)
        {
            labels[i] = (byte)(i % 10);
            for (int p = 0; p < 784; p++)
            {
                pixels[i * 784 + p] = (byte)Math.Min(255, labels[i] * 20 + random.Next(40));
            }
        }

        IdxTestFiles.WriteSplit(folder, prefix, pixels, 28, labels, gzip);
    }
}

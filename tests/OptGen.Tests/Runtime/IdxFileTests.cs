using OptGen.Data;
using Xunit;

namespace OptGen.Tests.Runtime;

/// <summary>The IDX reader and the MNIST loader, on small files the tests write (plain and gzip), and on broken ones.</summary>
public sealed class IdxFileTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "optgen-idx-" + Guid.NewGuid().ToString("N"));

    public IdxFileTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void LoadsImagesAndLabelsScaledToUnitInterval(bool gzip)
    {
        byte[] pixels = [.. Enumerable.Range(0, 3 * 2 * 2).Select(i => (byte)(i * 23))];
        WriteSplit("train", pixels, 3, [7, 0, 9], gzip);
        Dataset<float> data = Mnist.Load<float>(_folder, MnistSplit.Train);
        Assert.Equal(3, data.Count);
        Assert.Equal(4, data.FeatureCount);
        Assert.Equal([7f, 0f, 9f], data.Targets.ToArray());
        for (int i = 0; i < pixels.Length; i++)
        {
            Assert.Equal(pixels[i] / 255f, data.AllFeatures[i]);
        }

        Assert.Equal(2, Mnist.Load<double>(_folder, MnistSplit.Train, limit: 2).Count);
    }

    [Fact]
    public void WrongMagicNumberIsNamed()
    {
        string images = Write("images", Header(0x0803, 1, 1, 1).Concat(new byte[] { 5 }).ToArray());
        string labels = Write("labels", Header(0x0803, 1, 1, 1).Concat(new byte[] { 5 }).ToArray()); // an images file given as labels
        var error = Assert.Throws<IdxFormatException>(() => Mnist.Load<double>(images, labels));
        Assert.Contains(labels, error.Message);
        Assert.Contains("3 dimensions, but 1 were expected", error.Message);

        string text = Write("text", "hello, world"u8.ToArray());
        error = Assert.Throws<IdxFormatException>(() => IdxFile.Read(text, 3));
        Assert.Contains("magic number is 0x68656C6C", error.Message);

        string floats = Write("floats", Header(0x0D01, 1).Concat(new byte[4]).ToArray());
        error = Assert.Throws<IdxFormatException>(() => IdxFile.Read(floats, 1));
        Assert.Contains("element type 0x0D", error.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TruncatedFileIsNamed(bool gzip)
    {
        byte[] whole = [.. Header(0x0803, 2, 3, 3), .. new byte[18]];
        string path = Write("short", whole[..^5], gzip);
        var error = Assert.Throws<IdxFormatException>(() => IdxFile.Read(path, 3));
        Assert.Contains("2 × 3 × 3 = 18 bytes", error.Message);
        Assert.Contains("ends after 13", error.Message);
        Assert.Contains("truncated", error.Message);

        string header = Write("header", whole[..9], gzip);
        Assert.Contains("ends in the header", Assert.Throws<IdxFormatException>(() => IdxFile.Read(header, 3)).Message);
        Assert.Contains("before the 4-byte magic", Assert.Throws<IdxFormatException>(() => IdxFile.Read(Write("empty", [], gzip), 3)).Message);
    }

    [Fact]
    public void TrailingBytesAndDamagedGzipAreRefused()
    {
        string longer = Write("long", [.. Header(0x0801, 2), 1, 2, 3]);
        Assert.Contains("goes on after the 2 bytes", Assert.Throws<IdxFormatException>(() => IdxFile.Read(longer, 1)).Message);

        byte[] compressed = Gzip([.. Header(0x0801, 3), 1, 2, 3]);
        compressed[^6] ^= 0xFF; // the CRC-32 of the data
        string damaged = Write("damaged", compressed);
        Assert.Contains("gzip data is damaged", Assert.Throws<IdxFormatException>(() => IdxFile.Read(damaged, 1)).Message);
    }

    [Fact]
    public void LabelCountMustMatchImageCount()
    {
        WriteSplit("t10k", new byte[3 * 4], 3, [1, 2], gzip: false);
        var error = Assert.Throws<IdxFormatException>(() => Mnist.Load<double>(_folder, MnistSplit.Test));
        Assert.Contains("2 labels", error.Message);
        Assert.Contains("3 images", error.Message);
    }

    [Fact]
    public void MissingFilesSayHowToGetThem()
    {
        var error = Assert.Throws<FileNotFoundException>(() => Mnist.Load<double>(_folder, MnistSplit.Train));
        Assert.Contains(Mnist.DebianInstallCommand, error.Message);
        Assert.Null(Mnist.FindFiles(_folder, MnistSplit.Train));
    }

    private void WriteSplit(string prefix, byte[] pixels, int count, byte[] labels, bool gzip)
    {
        int side = (int)Math.Sqrt(pixels.Length / count);
        IdxTestFiles.WriteSplit(_folder, prefix, pixels, side, labels, gzip);
    }

    private string Write(string name, byte[] bytes, bool gzip = false)
    {
        string path = Path.Combine(_folder, name + (gzip ? ".gz" : ""));
        IdxTestFiles.Write(path, bytes, gzip);
        return path;
    }

    private static byte[] Header(int magic, params int[] dimensions) => IdxTestFiles.Header(magic, dimensions);

    private static byte[] Gzip(byte[] bytes) => IdxTestFiles.Gzip(bytes);
}

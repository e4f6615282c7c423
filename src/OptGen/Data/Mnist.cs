using System.Numerics;

namespace OptGen.Data;

/// <summary>Which half of MNIST or Fashion-MNIST: the 60,000 training images or the 10,000 test images.</summary>
public enum MnistSplit
{
    /// <summary><c>train-images-idx3-ubyte</c> and <c>train-labels-idx1-ubyte</c>.</summary>
    Train,

    /// <summary><c>t10k-images-idx3-ubyte</c> and <c>t10k-labels-idx1-ubyte</c>.</summary>
    Test,
}

/// <summary>
/// Loads MNIST or Fashion-MNIST from their IDX files (gzip-compressed or not) as a dataset: one row per image, its
/// pixels scaled from 0–255 to [0, 1] as features, and its class (0–9) as the target.
/// </summary>
public static class Mnist
{
    /// <summary>Where Debian's <c>dataset-fashion-mnist</c> package puts Fashion-MNIST.</summary>
    public const string DebianFashionFolder = "/usr/share/datasets/fashion-mnist";

    /// <summary>The command that installs Fashion-MNIST on Debian and Ubuntu (31 MB).</summary>
    public const string DebianInstallCommand = "apt-get install -y dataset-fashion-mnist";

    /// <summary>Fashion-MNIST's ten classes, by label.</summary>
    public static IReadOnlyList<string> FashionClassNames { get; } =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    /// <summary>The images and labels files of <paramref name="split"/> in <paramref name="folder"/> (the <c>.gz</c> file if present, else the plain one), or null when either is missing.</summary>
    public static (string Images, string Labels)? FindFiles(string folder, MnistSplit split)
    {
        ArgumentNullException.ThrowIfNull(folder);
        string prefix = split == MnistSplit.Train ? "train" : "t10k";
        string? images = Find(folder, $"{prefix}-images-idx3-ubyte");
        string? labels = Find(folder, $"{prefix}-labels-idx1-ubyte");
        return images is null || labels is null ? null : (images, labels);
    }

    /// <summary>Loads <paramref name="split"/> from <paramref name="folder"/>; at most <paramref name="limit"/> rows (the first ones) when given.</summary>
    /// <exception cref="FileNotFoundException">The folder lacks the split's files; the message says how to get them.</exception>
    /// <exception cref="IdxFormatException">A file is not valid IDX, or images and labels disagree.</exception>
    public static Dataset<T> Load<T>(string folder, MnistSplit split, int? limit = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (FindFiles(folder, split) is not { } files)
        {
            string prefix = split == MnistSplit.Train ? "train" : "t10k";
            throw new FileNotFoundException(
                $"'{folder}' has no {prefix}-images-idx3-ubyte[.gz] and {prefix}-labels-idx1-ubyte[.gz]. "
                + $"Fashion-MNIST on Debian or Ubuntu: {DebianInstallCommand} (it goes to {DebianFashionFolder}); "
                + "or download the four files from github.com/zalandoresearch/fashion-mnist into one folder.");
        }

        return Load<T>(files.Images, files.Labels, limit);
    }

    /// <summary>Loads an images file and its labels file; at most <paramref name="limit"/> rows (the first ones) when given.</summary>
    /// <exception cref="IdxFormatException">A file is not valid IDX, or the images and labels counts differ.</exception>
    public static Dataset<T> Load<T>(string imagesPath, string labelsPath, int? limit = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (limit is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, "A row limit must be positive.");
        }

        IdxArray images = IdxFile.Read(imagesPath, 3);
        IdxArray labels = IdxFile.Read(labelsPath, 1);
        if (images.Count != labels.Count)
        {
            throw new IdxFormatException(labelsPath, $"it holds {labels.Count} labels, but {imagesPath} holds {images.Count} images; they must be equally many.");
        }

        if (images.Count == 0 || images.ItemLength == 0)
        {
            throw new IdxFormatException(imagesPath, $"it holds no pixels ({string.Join(" × ", images.Dimensions)}).");
        }

        int rows = Math.Min(images.Count, limit ?? int.MaxValue);
        int pixels = images.ItemLength;
        var features = new T[(long)rows * pixels];
        // byte / 255, as torchvision's ToTensor: one division per possible byte, then a table look-up per pixel.
        Span<T> scaled = stackalloc T[256];
        for (int b = 0; b < scaled.Length; b++)
        {
            scaled[b] = T.CreateChecked(b) / T.CreateChecked(255);
        }

        for (int i = 0; i < features.Length; i++)
        {
            features[i] = scaled[images.Data[i]];
        }

        var targets = new T[rows];
        for (int i = 0; i < rows; i++)
        {
            targets[i] = T.CreateChecked(labels.Data[i]);
        }

        string[] names = [.. Enumerable.Range(0, pixels).Select(p => $"pixel{p}")];
        return new Dataset<T>(features, targets, pixels, names, "label");
    }

    private static string? Find(string folder, string name)
    {
        foreach (string candidate in new[] { Path.Combine(folder, name + ".gz"), Path.Combine(folder, name) })
        {
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}

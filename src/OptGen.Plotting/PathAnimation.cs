using System.Runtime.InteropServices;
using ScottPlot;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing.Processors.Quantization;
using SkiaSharp;

namespace OptGen.Plotting;

/// <summary>Options of an animation.</summary>
public sealed record AnimationOptions
{
    /// <summary>The width of each frame in pixels. Default 640.</summary>
    public int Width { get; init; } = 640;

    /// <summary>The height of each frame in pixels. Default 480.</summary>
    public int Height { get; init; } = 480;

    /// <summary>The number of frames (at least 2). Default 60.</summary>
    public int Frames { get; init; } = 60;

    /// <summary>The time each frame is shown, in hundredths of a second. Default 8.</summary>
    public int FrameDelay { get; init; } = 8;

    /// <summary>The time the last frame is held before the animation loops, in hundredths of a second. Default 200.</summary>
    public int FinalDelay { get; init; } = 200;

    /// <summary>
    /// How points are spread over frames: frame f of F shows the first <c>(f / (F−1))^Easing</c> of each path.
    /// 1 is even; the default 2 spends more frames on the early steps, where optimizers move most.
    /// </summary>
    public double Easing { get; init; } = 2;

    /// <summary>The word before the step number in each frame's title ("epoch 12"). Default "epoch".</summary>
    public string StepName { get; init; } = "epoch";

    /// <summary>Receives the fraction done (drawing the frames, then encoding them); <see langword="null"/> for none.</summary>
    public IProgress<double>? Progress { get; init; }
}

/// <summary>The tutorial's animation: paths advancing over a contour map, written as a looping GIF.</summary>
public static class PathAnimation
{
    // Drawing the frames takes about a third of the time, quantizing and encoding them the rest.
    private const double DrawingShare = 0.35;

    /// <summary>
    /// Writes an animated GIF in which every path grows from its start to its end over the contour map of
    /// <paramref name="surface"/>. Point k of every path is taken to be step k (paths may differ in length).
    /// </summary>
    /// <param name="surface">The surface under the paths.</param>
    /// <param name="paths">The paths, in legend order (at least one point each).</param>
    /// <param name="text">Title (the step number is appended per frame) and axis labels.</param>
    /// <param name="path">The GIF file to write.</param>
    /// <param name="options">Frame size, count and timing; <see langword="null"/> for the defaults.</param>
    /// <param name="contour">Contour options; <see langword="null"/> for the defaults.</param>
    /// <returns>The full path of the file written.</returns>
    public static string WriteGif(
        Surface2D surface,
        IReadOnlyList<PathSeries> paths,
        ChartText text,
        string path,
        AnimationOptions? options = null,
        ContourOptions? contour = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(text);
        options ??= new AnimationOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Frames, 2);
        ChartFile.CheckSize(options.Width, options.Height);
        if (paths.Count == 0 || paths.Any(p => p.Length == 0))
        {
            throw new ArgumentException("Every path needs at least one point.", nameof(paths));
        }

        string full = ChartFile.PrepareFolder(path);
        ContourScene scene = ContourChart.Build(surface, paths, text, contour ?? new ContourOptions());
        int longest = paths.Max(p => p.Length);

        var info = new SKImageInfo(options.Width, options.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var gif = new Image<Rgba32>(options.Width, options.Height);
        gif.Metadata.GetGifMetadata().RepeatCount = 0; // loop forever
        using var bitmap = new SKBitmap(info);
        var previous = new uint[options.Width * options.Height];
        var delta = new uint[options.Width * options.Height];
        using var canvas = new SKCanvas(bitmap);

        for (int f = 0; f < options.Frames; f++)
        {
            double fraction = Math.Pow(f / (double)(options.Frames - 1), options.Easing);
            int step = (int)Math.Round(fraction * (longest - 1));
            for (int p = 0; p < paths.Count; p++)
            {
                int last = Math.Min(step, paths[p].Length - 1);
                scene.Lines[p].MaxRenderIndex = last;
                scene.Halos[p].MaxRenderIndex = last;
                scene.Heads[p].Location = new Coordinates(paths[p].X[last], paths[p].Y[last]);
            }

            scene.Plot.Title($"{text.Title} — {options.StepName} {step}");
            canvas.Clear(SKColors.White);
            scene.Plot.Render(canvas, options.Width, options.Height);
            canvas.Flush();

            // Pixels that did not change since the last frame become transparent, and each frame is drawn over
            // the last one: the long transparent runs compress to almost nothing.
            ReadOnlySpan<uint> pixels = MemoryMarshal.Cast<byte, uint>(bitmap.GetPixelSpan());
            for (int k = 0; k < pixels.Length; k++)
            {
                uint pixel = pixels[k];
                delta[k] = f > 0 && pixel == previous[k] ? 0u : pixel;
                previous[k] = pixel;
            }

            using Image<Rgba32> frame = SixLabors.ImageSharp.Image.LoadPixelData<Rgba32>(MemoryMarshal.AsBytes(delta.AsSpan()), options.Width, options.Height);
            GifFrameMetadata metadata = frame.Frames.RootFrame.Metadata.GetGifMetadata();
            metadata.FrameDelay = f == options.Frames - 1 ? options.FinalDelay : options.FrameDelay;
            metadata.DisposalMethod = GifDisposalMethod.NotDispose;
            gif.Frames.AddFrame(frame.Frames.RootFrame);
            options.Progress?.Report(DrawingShare * (f + 1) / options.Frames);
        }

        gif.Frames.RemoveFrame(0); // the blank frame the image was created with
        IQuantizer quantizer = new WuQuantizer(new QuantizerOptions { Dither = null });
        var encoder = new GifEncoder
        {
            ColorTableMode = GifColorTableMode.Local,
            Quantizer = options.Progress is { } progress
                ? new FrameProgressQuantizer(quantizer, gif.Frames.Count, new Part(progress, DrawingShare, 1))
                : quantizer,
        };
        gif.SaveAsGif(full, encoder);
        options.Progress?.Report(1);
        return full;
    }

    /// <summary>Maps a part's 0…1 onto <paramref name="from"/>…<paramref name="to"/> of the whole.</summary>
    private sealed class Part(IProgress<double> whole, double from, double to) : IProgress<double>
    {
        public void Report(double value) => whole.Report(from + (to - from) * value);
    }
}

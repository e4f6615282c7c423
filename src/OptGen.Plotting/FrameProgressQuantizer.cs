using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing.Processors.Quantization;

namespace OptGen.Plotting;

/// <summary>
/// A quantizer that reports how many frames the GIF encoder has reached. With a local colour table the encoder asks
/// for one pixel-specific quantizer per frame, and quantizing is most of the encoding time, so counting those
/// requests turns one long silent <c>SaveAsGif</c> into per-frame progress. The quantizing itself is the inner one's.
/// </summary>
internal sealed class FrameProgressQuantizer(IQuantizer inner, int frames, IProgress<double> progress) : IQuantizer
{
    private int _started;

    public QuantizerOptions Options => inner.Options;

    public IQuantizer<TPixel> CreatePixelSpecificQuantizer<TPixel>(Configuration configuration)
        where TPixel : unmanaged, IPixel<TPixel> => CreatePixelSpecificQuantizer<TPixel>(configuration, Options);

    public IQuantizer<TPixel> CreatePixelSpecificQuantizer<TPixel>(Configuration configuration, QuantizerOptions options)
        where TPixel : unmanaged, IPixel<TPixel>
    {
        // Frame k's quantizer is requested when frames 0 … k−1 are written.
        int started = Interlocked.Increment(ref _started);
        progress.Report(Math.Min(1, (started - 1) / (double)frames));
        return inner.CreatePixelSpecificQuantizer<TPixel>(configuration, options);
    }
}

using OptGen.Data;
using OptGen.Models;
using OptGen.Plotting;
using OptGen.Surfaces;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.PixelFormats;

namespace OptGen.Demo.Tests;

public sealed class PlottingTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "optgen-plot-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static Surface2D Bowl() => Surface2D.Sample((x, y) => x * x + 3 * y * y, -2, 2, -1, 1, 41, 21);

    [Fact]
    public void A_surface_checks_its_shape()
    {
        Surface2D bowl = Bowl();
        Assert.Equal(21, bowl.Z.GetLength(0));
        Assert.Equal(41, bowl.Z.GetLength(1));
        Assert.Equal(3 * 1.0, bowl.Z[20, 20]); // (x, y) = (0, 1)

        var error = Assert.Throws<ArgumentException>(() => new Surface2D([0, 1, 2], [0, 1], new double[3, 2]));
        Assert.Contains("[y.Length, x.Length]", error.Message);
        Assert.Throws<ArgumentException>(() => new Surface2D([0, 0], [0, 1], new double[2, 2]));
    }

    [Fact]
    public void A_loss_surface_becomes_a_surface_with_rows_along_y()
    {
        LossSurface<double> losses = LossSurface<double>.Compute(
            new SigmoidNeuron<double>(), SyntheticData.TutorialNeuron<double>(), [-2, -2], 0, -4, 6, 5, 1, -7, 3, 3);
        Surface2D surface = Surface2D.From(losses);

        Assert.Equal(losses.XValues.ToArray(), surface.X);
        Assert.Equal(losses.YValues.ToArray(), surface.Y);
        Assert.Equal((3, 5), (surface.Z.GetLength(0), surface.Z.GetLength(1)));
        Assert.Equal(losses[4, 1], surface.Z[1, 4]); // (w, b) = (6, -2)
    }

    [Fact]
    public void The_animation_holds_the_last_frame_and_only_changed_pixels_differ()
    {
        var path = new PathSeries("descent", [-2, -1, -0.5, 0], [1, 0.5, 0.1, 0]);
        string file = PathAnimation.WriteGif(Bowl(), [path], new ChartText("bowl", "x", "y"), Path.Combine(_folder, "a.gif"),
            new AnimationOptions { Width = 200, Height = 160, Frames = 4, FrameDelay = 5, FinalDelay = 100, Easing = 1 });

        using Image<Rgba32> gif = Image.Load<Rgba32>(file);
        Assert.Equal(4, gif.Frames.Count);
        Assert.Equal([5, 5, 5, 100], Enumerable.Range(0, 4).Select(i => gif.Frames[i].Metadata.GetGifMetadata().FrameDelay));

        // Decoded frames are whole pictures (later frames are drawn over earlier ones): no transparent holes.
        ImageFrame<Rgba32> last = gif.Frames[3];
        int transparent = 0;
        last.ProcessPixelRows(rows =>
        {
            for (int y = 0; y < rows.Height; y++)
            {
                foreach (Rgba32 pixel in rows.GetRowSpan(y))
                {
                    transparent += pixel.A == 0 ? 1 : 0;
                }
            }
        });
        Assert.Equal(0, transparent);
    }

    [Fact]
    public void The_animation_reports_progress_for_every_frame_drawn_and_every_frame_encoded()
    {
        var reports = new List<double>();
        var path = new PathSeries("descent", [-2, -1, -0.5, 0], [1, 0.5, 0.1, 0]);
        PathAnimation.WriteGif(Bowl(), [path], new ChartText("bowl", "x", "y"), Path.Combine(_folder, "p.gif"),
            new AnimationOptions { Width = 120, Height = 100, Frames = 6, Progress = new Recorder(reports) });

        // Six while drawing, six more as the encoder reaches each frame (the long part that used to be one silent
        // call), then the end: steadily rising, never stuck between two reports for more than a frame.
        Assert.True(reports.Count >= 12, $"{reports.Count} reports: {string.Join(", ", reports)}");
        Assert.Equal(reports.Order(), reports);
        Assert.Equal(1.0, reports[^1]);
        Assert.True(reports.Zip(reports.Skip(1), (a, b) => b - a).Max() <= 0.15, string.Join(", ", reports));
    }

    private sealed class Recorder(List<double> reports) : IProgress<double>
    {
        public void Report(double value) => reports.Add(value);
    }

    [Fact]
    public void A_contour_map_has_a_colour_scale_labelled_with_the_value_at_each_contour_level()
    {
        // The bowl z = x² + 3y² on [-2, 2] × [-1, 1] spans 0 … 7; on the default square-root scale, 14 levels split
        // √z evenly, so level k sits at z = 7·((k + 1) / 15)²: 0.124 for k = 1, 6.1 for k = 13 (every other one labelled).
        ScottPlot.Plot plot = ContourChart.Create(Bowl(), [], new ChartText("bowl", "x", "y"), new ContourOptions { ColorScaleLabel = "z" });

        plot.GetImage(400, 300).Dispose(); // ticks are laid out when the plot is drawn
        var bar = Assert.Single(plot.Axes.GetPanels().OfType<ScottPlot.Panels.ColorBar>());
        Assert.Equal("z", bar.Label);
        ScottPlot.Tick[] ticks = [.. bar.Axis.TickGenerator.Ticks.Where(t => t.IsMajor)];
        Assert.Equal([1.5, 3.5, 5.5, 7.5, 9.5, 11.5, 13.5], ticks.Select(t => t.Position));
        Assert.Equal(["0.124", "0.498", "1.12", "1.99", "3.11", "4.48", "6.1"], ticks.Select(t => t.Label));

        Assert.Empty(ContourChart.Create(Bowl(), [], new ChartText("bowl", "x", "y"), new ContourOptions { ColorScale = false })
            .Axes.GetPanels().OfType<ScottPlot.Panels.ColorBar>());
    }

    [Fact]
    public void A_loss_chart_draws_a_diverged_run_up_to_its_last_finite_value()
    {
        var plot = LossChart.Create(
            [new LossSeries("fine", [1, 0.1, 0.01]), new LossSeries("blows up", [1, 10, double.PositiveInfinity, double.NaN])],
            new ChartText("loss", "epoch", "loss"),
            new LossChartOptions { Threshold = 0.05 });

        string[] legend = [.. plot.Legend.GetItems().Select(i => i.LabelText)];
        Assert.Contains("blows up (diverged at epoch 3)", legend);
        Assert.Contains("threshold 0.05", legend);
        string file = ChartFile.SavePng(plot, Path.Combine(_folder, "loss.png"), 300, 200);
        using Image image = Image.Load(file);
        Assert.Equal((300, 200), (image.Width, image.Height));
    }

    [Fact]
    public void A_grid_puts_every_chart_in_its_cell()
    {
        var plots = new[] { ContourChart.Create(Bowl(), [], new ChartText("a", "x", "y")), ContourChart.Create(Bowl(), [], new ChartText("b", "x", "y")) };
        string file = ChartFile.SaveGridPng(plots, 2, 150, 120, Path.Combine(_folder, "grid.png"));

        using Image<Rgba32> image = Image.Load<Rgba32>(file);
        Assert.Equal((300, 120), (image.Width, image.Height));

        // Both halves hold a drawn chart, not a blank cell.
        static int Distinct(Image<Rgba32> picture, int from, int to)
        {
            var colours = new HashSet<Rgba32>();
            for (int y = 0; y < picture.Height; y++)
            {
                for (int x = from; x < to; x++)
                {
                    colours.Add(picture[x, y]);
                }
            }

            return colours.Count;
        }

        Assert.True(Distinct(image, 0, 150) > 10);
        Assert.True(Distinct(image, 150, 300) > 10);
    }
}

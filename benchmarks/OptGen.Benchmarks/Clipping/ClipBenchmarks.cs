using System.Runtime.Intrinsics;
using BenchmarkDotNet.Attributes;
using OptGen.Benchmarks.Optimizers;
using OptGen.Benchmarks.Torch;

namespace OptGen.Benchmarks.Clipping;

/// <summary>Adam with ClipGradNorm fused into the generated step: the norm pass, then the update with the clip coefficient folded in.</summary>
[Optimizer(Kind.Adam, ElementType = typeof(float), LearningRate = 0.01, ClipGradNorm = 1.0)]
public partial class AdamClipFloatN;

/// <summary>
/// Clipping by the global norm before an Adam step, at 1M and 16M floats: the generated fused step (two passes:
/// the norm, then the update reading each gradient × the coefficient), Adam alone (the baseline), the hand-written
/// sequence a person writes — norm, scale the gradients in place, step — and TorchSharp's
/// <c>clip_grad_norm_</c> followed by <c>optimizer.step()</c>. The target: clipped ≤ 1.4× unclipped at 16M (the
/// norm pass reads 4 of the step's 28 bytes per parameter).
/// </summary>
[MemoryDiagnoser]
public class AdamClipFloat
{
    private const double MaxNorm = 1.0;

    private float[] _p = [], _g = [];
    private AdamFloatN? _adam;
    private AdamClipFloatN? _clipped;
    private TorchStep? _torch;

    [Params(1_048_576, 16_777_216)]
    public int N { get; set; }

    [GlobalSetup(Targets = [nameof(AdamAlone), nameof(HandWrittenThreePasses)])]
    public void SetupAdam()
    {
        Fill();
        _adam = new AdamFloatN(N);
    }

    [GlobalSetup(Target = nameof(GeneratedFused))]
    public void SetupClipped()
    {
        Fill();
        _clipped = new AdamClipFloatN(N);
    }

    [GlobalSetup(Target = nameof(TorchClipAndStep))]
    public void SetupTorch()
    {
        Fill();
        TorchStep.UseThreads(1);
        _torch = TorchStep.Create(Kind.Adam, _p, _g);
    }

    [GlobalCleanup]
    public void Cleanup() => _torch?.Dispose();

    [Benchmark(Baseline = true, Description = "Adam alone (generated)")]
    public void AdamAlone() => _adam!.Step(_p, _g);

    [Benchmark(Description = "Adam + ClipGradNorm (generated, fused)")]
    public void GeneratedFused() => _clipped!.Step(_p, _g);

    [Benchmark(Description = "Hand-written: norm, scale, step")]
    public void HandWrittenThreePasses()
    {
        float coefficient = (float)Math.Min(1.0, MaxNorm / (Norm(_g) + 1e-6));
        Scale(_g, coefficient);
        _adam!.Step(_p, _g);
    }

    [Benchmark(Description = "TorchSharp clip_grad_norm_ + step() (1 thread)")]
    public void TorchClipAndStep() => _torch!.ClipAndStep(MaxNorm);

    private void Fill()
    {
        var random = new Random(5);
        _p = new float[N];
        _g = new float[N];
        for (int i = 0; i < N; i++)
        {
            _p[i] = (float)(random.NextDouble() * 2 - 1);
            _g[i] = (float)(random.NextDouble() * 2 - 1);
        }
    }

    /// <summary>‖g‖₂, summed in double, eight floats at a time: what a careful hand-written loop does.</summary>
    private static double Norm(float[] g)
    {
        Vector256<double> sum = Vector256<double>.Zero;
        int i = 0;
        for (; i <= g.Length - 8; i += 8)
        {
            (Vector256<double> lower, Vector256<double> upper) = Vector256.Widen(Vector256.Create(g, i));
            sum += lower * lower + upper * upper;
        }

        double total = Vector256.Sum(sum);
        for (; i < g.Length; i++)
        {
            total += (double)g[i] * g[i];
        }

        return Math.Sqrt(total);
    }

    private static void Scale(float[] g, float coefficient)
    {
        int i = 0;
        for (; i <= g.Length - 8; i += 8)
        {
            (Vector256.Create(g, i) * coefficient).CopyTo(g, i);
        }

        for (; i < g.Length; i++)
        {
            g[i] *= coefficient;
        }
    }
}

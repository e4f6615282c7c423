using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;

namespace OptGen.Benchmarks.Models;

/// <summary>
/// The matrix products of the Fashion-MNIST MLP's first layer over a block of 128 rows (784 → 256, float, one thread):
/// as the runtime's <c>DenseKernels</c> computes them (register tiles, fused multiply-adds), as the first version did —
/// one <see cref="TensorPrimitives"/> dot product or a·x + y at a time — and as OpenBLAS's <c>cblas_sgemm</c> computes
/// them, when OpenBLAS is installed (Debian: <c>libopenblas0</c>). The measurement behind the kernels (docs/fashion.md).
/// </summary>
public unsafe class DenseProduct
{
    private const int Rows = 128, Inputs = 784, Outputs = 256;
    private const int RowMajor = 101, NoTrans = 111, Trans = 112;
    private readonly float[] _x = new float[Rows * Inputs];
    private readonly float[] _w = new float[Outputs * Inputs];
    private readonly float[] _z = new float[Rows * Outputs];
    private readonly float[] _delta = new float[Rows * Outputs];
    private readonly float[] _weightGradient = new float[Outputs * Inputs];
    private readonly float[] _biases = new float[Outputs];
    private readonly float[] _biasGradient = new float[Outputs];
    private delegate* unmanaged<int, int, int, int, int, int, float, float*, int, float*, int, float, float*, int, void> _sgemm;

    /// <summary>"DenseKernels", "TensorPrimitives", and "OpenBLAS" where the library loads.</summary>
    [ParamsSource(nameof(Backends))]
    public string Backend { get; set; } = "TensorPrimitives";

    public static IEnumerable<string> Backends() =>
        OpenBlas() == 0 ? ["DenseKernels", "TensorPrimitives"] : ["DenseKernels", "TensorPrimitives", "OpenBLAS"];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Data.SeededRandom(1);
        foreach (float[] values in new[] { _x, _w, _delta })
        {
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = (float)random.NextGaussian();
            }
        }

        if (Backend == "OpenBLAS")
        {
            Environment.SetEnvironmentVariable("OPENBLAS_NUM_THREADS", "1"); // one thread, as the runtime
            _sgemm = (delegate* unmanaged<int, int, int, int, int, int, float, float*, int, float*, int, float, float*, int, void>)OpenBlas();
        }
    }

    /// <summary>Z = X·Wᵀ (128 × 256).</summary>
    [Benchmark]
    public void Forward()
    {
        if (_sgemm is not null)
        {
            fixed (float* x = _x, w = _w, z = _z)
            {
                _sgemm(RowMajor, NoTrans, Trans, Rows, Outputs, Inputs, 1f, x, Inputs, w, Inputs, 0f, z, Outputs);
            }

            return;
        }

        if (Backend == "DenseKernels")
        {
            OptGen.Models.DenseKernels.Forward<float>(_x, _w, _biases, _z, Rows);
            return;
        }

        for (int r = 0; r < Rows; r++)
        {
            ReadOnlySpan<float> x = _x.AsSpan(r * Inputs, Inputs);
            for (int o = 0; o < Outputs; o++)
            {
                _z[r * Outputs + o] = TensorPrimitives.Dot(_w.AsSpan(o * Inputs, Inputs), x);
            }
        }
    }

    /// <summary>∂W = Δᵀ·X (256 × 784).</summary>
    [Benchmark]
    public void WeightGradient()
    {
        if (_sgemm is not null)
        {
            fixed (float* d = _delta, x = _x, g = _weightGradient)
            {
                _sgemm(RowMajor, Trans, NoTrans, Outputs, Inputs, Rows, 1f, d, Outputs, x, Inputs, 0f, g, Inputs);
            }

            return;
        }

        if (Backend == "DenseKernels")
        {
            _weightGradient.AsSpan().Clear();
            OptGen.Models.DenseKernels.AddGradient<float>(_delta, _x, _weightGradient, _biasGradient, Rows);
            return;
        }

        for (int o = 0; o < Outputs; o++)
        {
            Span<float> row = _weightGradient.AsSpan(o * Inputs, Inputs);
            row.Clear();
            for (int r = 0; r < Rows; r++)
            {
                TensorPrimitives.MultiplyAdd(_x.AsSpan(r * Inputs, Inputs), _delta[r * Outputs + o], row, row);
            }
        }
    }

    private static nint OpenBlas() =>
        NativeLibrary.TryLoad("libopenblas.so.0", out nint library) && NativeLibrary.TryGetExport(library, "cblas_sgemm", out nint sgemm) ? sgemm : 0;
}

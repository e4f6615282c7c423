using BenchmarkDotNet.Attributes;
using OptGen.Benchmarks.Optimizers;

namespace OptGen.Benchmarks.Small;

/// <summary>
/// N = 2 Adam after 10 steps and after 10⁶ steps: the bias corrections use βᵗ, which a plain running product
/// sinks into denormal numbers (0.9ᵗ from about step 6,700 in double), making every later multiplication many
/// times slower. The generated code must cost the same at step 10⁶ as at step 10.
/// </summary>
/// <remarks>
/// Each invocation takes 1,000 steps (the Mean is per step). A benchmark runs millions of steps, so the early case
/// restores the state saved at step 10 (<c>LoadState</c>) at the start of every invocation and so measures steps
/// 11 … 1,010; that restore (a few tens of nanoseconds) is included, spread over the 1,000 steps. The late case
/// needs no restore: its state only gets later.
/// </remarks>
[MemoryDiagnoser]
public class LateSteps
{
    private const int StepsPerInvoke = 1_000;

    private readonly float[] _pf = [1f, -1f], _gf = [0.25f, -0.5f];
    private readonly double[] _pd = [1.0, -1.0], _gd = [0.25, -0.5];
    private readonly AdamFloat2 _float = new();
    private readonly AdamDouble2 _double = new();
    private float[] _floatState = [];
    private double[] _doubleState = [];
    private bool _restore;

    [Params(10, 1_000_000)]
    public int StepsBefore { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        for (int t = 0; t < StepsBefore; t++)
        {
            _float.Step(_pf, _gf);
            _double.Step(_pd, _gd);
        }

        _floatState = new float[_float.StateLength];
        _doubleState = new double[_double.StateLength];
        _float.SaveState(_floatState);
        _double.SaveState(_doubleState);
        _restore = StepsBefore < 1_000;
    }

    [Benchmark(OperationsPerInvoke = StepsPerInvoke, Description = "Generated Adam (float), per step")]
    public void AdamFloat()
    {
        if (_restore)
        {
            _float.LoadState(_floatState);
        }

        for (int k = 0; k < StepsPerInvoke; k++)
        {
            _float.Step(_pf, _gf);
        }
    }

    [Benchmark(OperationsPerInvoke = StepsPerInvoke, Description = "Generated Adam (double), per step")]
    public void AdamDouble()
    {
        if (_restore)
        {
            _double.LoadState(_doubleState);
        }

        for (int k = 0; k < StepsPerInvoke; k++)
        {
            _double.Step(_pd, _gd);
        }
    }
}

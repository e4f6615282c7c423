using System.Numerics;
using System.Runtime.CompilerServices;

namespace OptGen.Training;

/// <summary>
/// The part of the non-finite guard that looks inside the optimizer: a step can overflow the optimizer's state
/// while every parameter stays finite (Adam's v = ∞ makes each update m/∞ = 0, and the run freezes while reporting
/// success). After each step the state is saved into the trainer's scratch buffer and scanned in one vectorized pass.
/// </summary>
internal static class OptimizerStateCheck
{
    /// <summary>
    /// Null when every value of <paramref name="optimizer"/>'s state is finite (allocating nothing); else what
    /// overflowed, in words.
    /// </summary>
    public static string? FindOverflow<T, TOptimizer>(ref TOptimizer optimizer, T[] scratch, int parameterCount)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TOptimizer : IOptimizer<T>
    {
        optimizer.SaveState(scratch);
        int index = FiniteCheck.IndexOfNonFinite<T>(scratch);
        return index < 0 ? null : Describe(ref optimizer, scratch, index, parameterCount);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static string Describe<T, TOptimizer>(ref TOptimizer optimizer, T[] state, int index, int parameterCount)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TOptimizer : IOptimizer<T>
    {
        // The header and scalar state are stored as exact integers, so a non-finite value is in a per-parameter
        // buffer; the buffers end the state, which gives the parameter.
        int parameter = (int)(((long)index - state.Length) % parameterCount + parameterCount) % parameterCount;
        string what = $"element {index} of its saved state (a value for parameter {parameter}) is {state[index]}";
        try
        {
            // The optimizer's own validation names the buffer ("second moments (v)"); it refuses a non-finite state
            // and is then unchanged (and if it accepted it, it would reload the state it already has).
            optimizer.LoadState(state);
        }
        catch (ArgumentException e)
        {
            what = e.Message.Replace("; the state is corrupted.", "", StringComparison.Ordinal).TrimEnd('.');
        }

        return $"the step made the optimizer's state non-finite ({what})";
    }
}

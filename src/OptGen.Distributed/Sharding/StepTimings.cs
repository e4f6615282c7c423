using System.Diagnostics;

namespace OptGen.Distributed.Sharding;

/// <summary>
/// Where a sharded optimizer's steps spent their time, summed over the steps since it was made (or
/// <see cref="Reset"/>): the reduce-scatter (exchange and rank-ordered sum), the global-norm clip (when on), the
/// shards' optimizer steps, and the all-gather of the parameters. Three timestamps per step; nothing is allocated.
/// </summary>
public sealed class StepTimings
{
    private long _reduceScatter, _clip, _step, _allGather;

    /// <summary>The number of steps timed.</summary>
    public long Steps { get; private set; }

    /// <summary>Time in the reduce-scatter of the gradients.</summary>
    public TimeSpan ReduceScatter => Stopwatch.GetElapsedTime(0, _reduceScatter);

    /// <summary>Time computing the global norm and the clip factor.</summary>
    public TimeSpan Clip => Stopwatch.GetElapsedTime(0, _clip);

    /// <summary>Time in the shards' optimizer steps.</summary>
    public TimeSpan Step => Stopwatch.GetElapsedTime(0, _step);

    /// <summary>Time in the all-gather of the parameters.</summary>
    public TimeSpan AllGather => Stopwatch.GetElapsedTime(0, _allGather);

    /// <summary>Starts counting again from zero.</summary>
    public void Reset() => (_reduceScatter, _clip, _step, _allGather, Steps) = (0, 0, 0, 0, 0);

    internal void Add(long start, long reduced, long clipped, long stepped, long gathered)
    {
        _reduceScatter += reduced - start;
        _clip += clipped - reduced;
        _step += stepped - clipped;
        _allGather += gathered - stepped;
        Steps++;
    }
}

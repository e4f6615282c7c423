using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace OptGen.Benchmarks.Infrastructure;

/// <summary>
/// <c>dotnet run -c Release --project benchmarks/OptGen.Benchmarks -- paired</c>: generated ÷ hand-written straight-line
/// at N = 2 for every kind, measured so that a busy machine cannot tilt it. BenchmarkDotNet times each case in its own
/// process by the wall clock, minutes apart; when other processes hold the cores, the time this process spends
/// waiting for a core lands in whichever case ran then. Here the two competitors (and an empty step, the call's own
/// cost) run in alternating blocks of <see cref="StepsPerBlock"/> steps in one process, each block timed by this
/// thread's CPU clock (CLOCK_THREAD_CPUTIME_ID, which stops while the thread waits), and the ratio is the median
/// over <see cref="Rounds"/> rounds of (generated − empty) ÷ (baseline − empty). It is a check on the BenchmarkDotNet
/// numbers, not a replacement: run it three times (three processes) as BenchmarkDotNet's --launchCount 3 does.
/// </summary>
internal static class PairedTiming
{
    private const int StepsPerBlock = 20_000;
    private const int Rounds = 300;
    private const int ThreadCpuClock = 3; // CLOCK_THREAD_CPUTIME_ID

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    private static long ThreadCpuNanoseconds()
    {
        if (ClockGetTime(ThreadCpuClock, out TimeSpec time) != 0)
        {
            throw new InvalidOperationException($"clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed: errno {Marshal.GetLastPInvokeError()}.");
        }

        return time.Seconds * 1_000_000_000 + time.Nanoseconds;
    }

    public static int Run(TextWriter output, IReadOnlyCollection<string> kindNames)
    {
        if (!OperatingSystem.IsLinux())
        {
            output.WriteLine("paired needs Linux's per-thread CPU clock.");
            return 2;
        }

        output.WriteLine($"{Rounds} rounds of {StepsPerBlock:N0} steps per block; ns per step are medians of thread CPU time less the empty step's.");
        output.WriteLine("| Kind | Type | Competitor | ns per step | ÷ hand-written straight-line, median | middle half of the rounds' ratios |");
        output.WriteLine("|---|---|---|--:|--:|--:|");
        if (kindNames.Contains("gap", StringComparer.OrdinalIgnoreCase))
        {
            // Investigation/: the float Adam, Adamax and Rprop gaps taken apart, and NAdam's subnormal μ-product.
            (SpanStep<float> generated, SpanStep<float> straight) = SmallPairs.For<float>(Kind.Adam);
            Measure(output, Kind.Adam, "float",
            [
                ("Hand-written straight-line", straight),
                ("Generated", generated),
                ("Generated, pasted (control)", new Investigation.AdamFloat2Pasted().Step),
                ("Generated, pasted, one string-free length check", new Investigation.AdamFloat2OneCheck().Step),
                ("Hand-written + StepCount++", new Investigation.AdamFloatStraightCounting().Step),
            ]);
            (SpanStep<double> generatedDouble, SpanStep<double> straightDouble) = SmallPairs.For<double>(Kind.Adam);
            Measure(output, Kind.Adam, "double",
            [
                ("Hand-written straight-line", straightDouble),
                ("Generated", generatedDouble),
                ("Generated, pasted, one string-free length check", new Investigation.AdamDouble2OneCheck().Step),
            ]);
            (generated, straight) = SmallPairs.For<float>(Kind.NAdam);
            Measure(output, Kind.NAdam, "float",
            [
                ("Hand-written straight-line", straight),
                ("Generated", generated),
                ("Hand-written, μ-product flushed below 1e-18", new Investigation.NAdamFloatStraightFlushed().Step),
            ]);
            (SpanStep<float> generatedRms, SpanStep<float> straightRms) = SmallPairs.For<float>(Kind.RMSProp);
            Measure(output, Kind.RMSProp, "float",
            [
                ("Hand-written straight-line", straightRms),
                ("Generated", generatedRms),
                ("Generated, pasted, side by side", new Investigation.RMSPropFloat2SideBySide().Step),
                ("Generated, pasted, one after the other", new Investigation.RMSPropFloat2OneAfterTheOther().Step),
            ]);
            (SpanStep<double> generatedAdamax, SpanStep<double> straightAdamax) = SmallPairs.For<double>(Kind.Adamax);
            Measure(output, Kind.Adamax, "double",
            [
                ("Hand-written straight-line", straightAdamax),
                ("Generated", generatedAdamax),
                ("Generated, pasted (control)", new Investigation.AdamaxDouble2Pasted().Step),
                ("Generated, pasted, no StepCount++", new Investigation.AdamaxDouble2NoCounter().Step),
                ("Generated, pasted, statements interleaved", new Investigation.AdamaxDouble2Interleaved().Step),
            ]);
            (generated, straight) = SmallPairs.For<float>(Kind.Adamax);
            Measure(output, Kind.Adamax, "float",
            [
                ("Hand-written straight-line", straight),
                ("Generated", generated),
                ("Generated, pasted (control)", new Investigation.AdamaxFloat2Pasted().Step),
                ("Generated, pasted, one check, state through locals", new Investigation.AdamaxFloat2Locals().Step),
            ]);
            (generated, straight) = SmallPairs.For<float>(Kind.Rprop);
            Measure(output, Kind.Rprop, "float",
            [
                ("Hand-written straight-line", straight),
                ("Generated", generated),
                ("Generated, pasted (control)", new Investigation.RpropFloat2Pasted().Step),
                ("Generated, pasted, one check, locals, clamp by comparisons", new Investigation.RpropFloat2Clamp().Step),
                ("Generated, pasted, as above with fewer branches", new Investigation.RpropFloat2Lean().Step),
            ]);
            return 0;
        }

        foreach (Kind kind in SmallPairs.Kinds.Where(k => kindNames.Count == 0 || kindNames.Contains(k.ToString(), StringComparer.OrdinalIgnoreCase)))
        {
            Measure(output, kind, "float", Pair<float>(kind));
            Measure(output, kind, "double", Pair<double>(kind));
        }

        return 0;
    }

    private static (string Name, SpanStep<T> Step)[] Pair<T>(Kind kind)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        (SpanStep<T> generated, SpanStep<T> straight) = SmallPairs.For<T>(kind);
        return [("Hand-written straight-line", straight), ("Generated", generated)];
    }

    /// <summary>Times every competitor against the first (the baseline) and writes one table row per competitor.</summary>
    private static void Measure<T>(TextWriter output, Kind kind, string typeName, (string Name, SpanStep<T> Step)[] competitors)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = competitors.Length;
        SpanStep<T> empty = new EmptyStep<T>().Step;
        T[][] p = Enumerable.Range(0, n + 1).Select(_ => new[] { T.One, -T.One }).ToArray();
        T[] g = [T.CreateTruncating(0.25), T.CreateTruncating(-0.5)];

        // Warm up past tiered compilation's call counting and its 100 ms delay, to the optimized code.
        for (long end = Environment.TickCount64 + 400; Environment.TickCount64 < end;)
        {
            Block(empty, p[n], g);
            for (int c = 0; c < n; c++)
            {
                Block(competitors[c].Step, p[c], g);
            }
        }

        var perStep = new double[n][];
        var ratios = new double[n][];
        for (int c = 0; c < n; c++)
        {
            perStep[c] = new double[Rounds];
            ratios[c] = new double[Rounds];
        }

        var times = new long[n];
        for (int r = 0; r < Rounds; r++)
        {
            // Rotate the order, so that no competitor always runs right after the same other one.
            long e = Block(empty, p[n], g);
            for (int k = 0; k < n; k++)
            {
                int c = (k + r) % n;
                times[c] = Block(competitors[c].Step, p[c], g);
            }

            for (int c = 0; c < n; c++)
            {
                perStep[c][r] = (double)(times[c] - e) / StepsPerBlock;
                ratios[c][r] = (double)(times[c] - e) / (times[0] - e);
            }
        }

        for (int c = 0; c < n; c++)
        {
            Array.Sort(perStep[c]);
            Array.Sort(ratios[c]);
            string ratio = c == 0 ? "1 (baseline)" : $"{ratios[c][Rounds / 2]:0.000}×";
            string spread = c == 0 ? "" : $"{ratios[c][Rounds / 4]:0.000}–{ratios[c][3 * Rounds / 4]:0.000}";
            output.WriteLine($"| {kind} | {typeName} | {competitors[c].Name} | {perStep[c][Rounds / 2]:0.00} | {ratio} | {spread} |");
        }
    }

    // Compiled once, fully optimized and without profile data: with tiered PGO the JIT could guess one of the
    // delegates' targets and inline it, and time that competitor differently from the others.
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    private static long Block<T>(SpanStep<T> step, T[] p, T[] g)
    {
        long start = ThreadCpuNanoseconds();
        for (int i = 0; i < StepsPerBlock; i++)
        {
            step(p, g);
        }

        return ThreadCpuNanoseconds() - start;
    }

    /// <summary>A step that does nothing, called the way the competitors are (an instance method through a delegate).</summary>
    private sealed class EmptyStep<T>
    {
        [MethodImpl(MethodImplOptions.NoInlining)]
        public void Step(Span<T> p, ReadOnlySpan<T> g)
        {
        }
    }
}

using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using OptGen.Benchmarks.Infrastructure;

namespace OptGen.Benchmarks;

public static class Program
{
    /// <summary>
    /// <c>dotnet run -c Release --project benchmarks/OptGen.Benchmarks -- --filter '*'</c> runs the suite (BenchmarkDotNet's
    /// command line: --filter, --list flat, --job Dry, …); <c>-- verify</c> checks that every hand-written version computes
    /// what the generated one does, and exits non-zero if not; <c>-- paired [kinds]</c> times generated against hand-written at
    /// N = 2 in alternating blocks by CPU time (PairedTiming.cs). The exit code of a run is non-zero if any case failed.
    /// </summary>
    public static int Main(string[] args)
    {
        if (args is ["verify", ..])
        {
            return Verify.Run(Console.Out) ? 0 : 1;
        }

        if (args is ["paired", .. var kinds])
        {
            return PairedTiming.Run(Console.Out, kinds);
        }

        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, Config(args)).ToList();
        if (summaries.Count == 0 || summaries.All(s => s.BenchmarksCases.Length == 0))
        {
            // --list, --help, --info or a filter that matched nothing: fine for the first three, not for a run.
            return args.Any(a => a.StartsWith("--filter", StringComparison.Ordinal)) ? 2 : 0;
        }

        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }

    /// <summary>
    /// The suite's default job, unless the command line names one (e.g. <c>--job Dry</c> for the CI smoke run): 3 warm-up
    /// and 10 measured iterations of about 100 ms each, one launch. Enough to separate the cases compared here by far
    /// more than their error bars; short enough that the ~250 cases run in about 20 minutes on 2 cores.
    /// </summary>
    private static IConfig Config(string[] args)
    {
        var config = ManualConfig.Create(DefaultConfig.Instance)
            .AddColumn(new ThroughputColumn(), new FloorFractionColumn())
            .AddExporter(BenchmarkDotNet.Exporters.Json.JsonExporter.Brief) // raw statistics in ns, for the tables in docs/benchmarks.md
            .WithOption(ConfigOptions.JoinSummary, false)
            // BenchmarkDotNet's default of 2 minutes for building its boilerplate project is not enough on a 2-core
            // machine that is busy building something else (it gave up on every case at once); --buildTimeout overrides.
            .WithBuildTimeout(TimeSpan.FromMinutes(10));
        bool jobGiven = args.Any(a => a is "--job" or "-j" || a.StartsWith("--job=", StringComparison.Ordinal));
        if (!jobGiven)
        {
            config.AddJob(Job.Default
                .WithLaunchCount(1)
                .WithWarmupCount(3)
                .WithIterationCount(10)
                .WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(100))
                .WithId("Suite")
                .AsDefault());
        }

        return config;
    }
}

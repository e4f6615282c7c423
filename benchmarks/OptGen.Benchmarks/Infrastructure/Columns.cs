using System.Globalization;
using System.Reflection;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace OptGen.Benchmarks.Infrastructure;

/// <summary>The bytes one optimizer step must move per parameter (reads + writes), for the throughput columns.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class BytesPerParameterAttribute(int bytes) : Attribute
{
    public int Bytes { get; } = bytes;
}

/// <summary>Shared by the throughput columns: which cases they apply to, and their bytes per step.</summary>
internal static class Traffic
{
    public const string FloorMethod = "Floor";

    public static long? BytesPerStep(BenchmarkCase benchmarkCase)
    {
        var attribute = benchmarkCase.Descriptor.Type.GetCustomAttribute<BytesPerParameterAttribute>();
        if (attribute is null || benchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == "N")?.Value is not int n)
        {
            return null;
        }

        return (long)attribute.Bytes * n;
    }

    public static double? MeanNs(Summary summary, BenchmarkCase benchmarkCase) =>
        summary[benchmarkCase] is { ResultStatistics: { } statistics } ? statistics.Mean : null;

    public static BenchmarkCase? Floor(Summary summary, BenchmarkCase benchmarkCase) =>
        summary.BenchmarksCases.FirstOrDefault(c =>
            c.Descriptor.Type == benchmarkCase.Descriptor.Type
            && c.Descriptor.WorkloadMethod.Name == FloorMethod
            && c.Job == benchmarkCase.Job
            && c.Parameters.FolderInfo == benchmarkCase.Parameters.FolderInfo);
}

/// <summary>Effective bandwidth: the bytes the step must move (not what it happens to move) per second.</summary>
public sealed class ThroughputColumn : IColumn
{
    public string Id => nameof(ThroughputColumn);
    public string ColumnName => "GB/s";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "Bytes a step must read and write (e.g. 28 per float Adam parameter) divided by Mean, in 10^9 bytes per second";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) =>
        Traffic.BytesPerStep(benchmarkCase) is long bytes && Traffic.MeanNs(summary, benchmarkCase) is double ns && ns > 0
            ? (bytes / ns).ToString("0.00", CultureInfo.InvariantCulture)
            : "-";

    public bool IsAvailable(Summary summary) => summary.BenchmarksCases.Any(c => Traffic.BytesPerStep(c) is not null);
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public override string ToString() => ColumnName;
}

/// <summary>The step's bandwidth as a fraction of the floor benchmark's (same class, same N, one thread).</summary>
public sealed class FloorFractionColumn : IColumn
{
    public string Id => nameof(FloorFractionColumn);
    public string ColumnName => "of floor";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 1;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "Floor's Mean / this Mean: the fraction of the single-threaded bandwidth floor (same N) this step reaches";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) =>
        Traffic.BytesPerStep(benchmarkCase) is not null
        && Traffic.Floor(summary, benchmarkCase) is { } floor
        && Traffic.MeanNs(summary, floor) is double floorNs
        && Traffic.MeanNs(summary, benchmarkCase) is double ns && ns > 0
            ? (floorNs / ns).ToString("P0", CultureInfo.InvariantCulture)
            : "-";

    public bool IsAvailable(Summary summary) => summary.BenchmarksCases.Any(c => Traffic.BytesPerStep(c) is not null);
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public override string ToString() => ColumnName;
}

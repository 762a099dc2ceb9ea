using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace MedBlocks.Benchmarks.Kiosk;

/// <summary>A summary column showing one figure of the end-to-end run of the benchmark case's station role.</summary>
internal sealed class KioskFigureColumn(string name, string legend, Func<KioskRunFigures, double?> figure) : IColumn
{
    public string Id => nameof(KioskFigureColumn) + "." + name;

    public string ColumnName => name;

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => legend;

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
        benchmarkCase.Parameters["Role"]?.ToString() is { } role && KioskRunFigures.Find(role) is { } run && figure(run) is { } value
            ? value.ToString("F1", CultureInfo.InvariantCulture)
            : "-";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);
}

using ChatBench.Benchmarks.Results;

namespace ChatBench.Benchmarks.Reports.Tables;

/// <summary>The table a class shows on the summary page for its <see cref="TableKind"/>.</summary>
public static class SectionTables
{
    public static string Render(TableKind kind, ResultsFile results) => kind switch
    {
        TableKind.OpenLoop => OpenLoopTable.Render(results),
        TableKind.SendLag => SendLagTable.Render(results),
        TableKind.Calibration => CalibrationTable.Render(results),
        TableKind.Overhead => OverheadTable.Render(results),
        TableKind.RateLimits => RateLimitTable.Render(results),
        TableKind.ClientStacks => ClientStackTable.Render(results),
        TableKind.CostByBatch => CostByBatchTable.Render(results),
        TableKind.Turns => TurnTable.Render(results),
        TableKind.ConcurrentUsers => ConcurrentUsersTable.Render(results),
        _ => SpeedupTable.Render(results),
    };
}

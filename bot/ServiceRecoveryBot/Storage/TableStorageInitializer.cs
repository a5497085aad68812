using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ServiceRecoveryBot.Storage;

/// <summary>
/// Creates the bot's tables once at start-up (never in constructors). Start-up waits for the first attempt; if storage
/// is unreachable then, the host still starts (so <c>/healthz</c> can say so) and creation is retried in the background
/// with back-off until it succeeds. <see cref="Completed"/> feeds the readiness check.
/// </summary>
public sealed partial class TableStorageInitializer(TableServiceClient service, TableNames names, TimeProvider clock, ILogger<TableStorageInitializer> logger)
    : IHostedService, IDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private volatile bool completed;

    /// <summary>True once every table exists.</summary>
    public bool Completed => completed;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await TryCreateAsync(cancellationToken)) return;
        _ = RetryAsync(stopping.Token);
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        stopping.Cancel();
        return Task.CompletedTask;
    }

    public void Dispose() => stopping.Dispose();

    private async Task RetryAsync(CancellationToken ct)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(delay, clock, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            if (await TryCreateAsync(ct)) return;
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(60).Ticks));
        }
    }

    private async Task<bool> TryCreateAsync(CancellationToken ct)
    {
        try
        {
            foreach (var name in names.All)
                await service.GetTableClient(name).CreateIfNotExistsAsync(ct);
            completed = true;
            return true;
        }
        catch (Exception ex) when (ex is RequestFailedException or HttpRequestException or AggregateException || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            LogUnavailable(logger, ex.GetType().Name);
            return false;
        }
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Table Storage is not reachable yet ({Error}); retrying in the background")]
    private static partial void LogUnavailable(ILogger logger, string error);
}

using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;

namespace ServiceRecoveryBot.Storage;

/// <summary>
/// Storage that comes back empty (an account reset, Azurite restarted without its data, a table deleted by hand):
/// the first request that meets <c>TableNotFound</c> has the bot's tables created again, once for all the requests that
/// meet it meanwhile, and is sent again once. Without it every turn failed until the bot restarted.
/// </summary>
public sealed partial class TableRecreation(ILogger<TableRecreation> logger)
{
    private readonly Lock gate = new();
    private Func<CancellationToken, Task>? create;
    private Task? running;

    /// <summary>How the tables are created: set once the client exists (the client carries this policy).</summary>
    internal void Attach(TableServiceClient service, TableNames names) =>
        create = async ct =>
        {
            foreach (var name in names.All) await service.GetTableClient(name).CreateIfNotExistsAsync(ct);
        };

    /// <summary>Creates the tables again; callers arriving while it runs share the one attempt.</summary>
    public Task RecreateAsync(CancellationToken ct)
    {
        lock (gate)
        {
            if (running is null || running.IsCompleted)
            {
                LogRecreating(logger);
                // Not the caller's token: the others share this attempt even when the first caller gives up.
                running = (create ?? throw new InvalidOperationException("TableRecreation is not attached to a client."))(CancellationToken.None);
            }
            return running.WaitAsync(ct);
        }
    }

    internal HttpPipelinePolicy Policy => new RecreatingPolicy(this);

    /// <summary>Sees every table request: a <c>TableNotFound</c> answer (alone or inside a batch's) recreates the tables, then the request goes once more.</summary>
    private sealed class RecreatingPolicy(TableRecreation recreation) : HttpPipelinePolicy
    {
        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) => ProcessNext(message, pipeline);

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            await ProcessNextAsync(message, pipeline);
            if (!IsTableNotFound(message) || IsTableCreation(message)) return;
            await recreation.RecreateAsync(message.CancellationToken);
            await ProcessNextAsync(message, pipeline);
        }

        private static bool IsTableNotFound(HttpMessage message) =>
            message.HasResponse && message.Response.Status is 404 or 202
            && message.Response.Content?.ToString() is { } body && body.Contains("TableNotFound", StringComparison.Ordinal);

        private static bool IsTableCreation(HttpMessage message) =>
            message.Request.Uri.Path.EndsWith("/Tables", StringComparison.OrdinalIgnoreCase);
    }

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "A table was not found; creating the bot's tables again")]
    private static partial void LogRecreating(ILogger logger);
}

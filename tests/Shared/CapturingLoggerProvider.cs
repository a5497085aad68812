using Microsoft.Extensions.Logging;

namespace ServiceRecoveryBot.Testing;

/// <summary>Every category's log entries into one <see cref="CapturingLogger{T}"/>, to check what a whole host logs.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    public CapturingLogger<CapturingLoggerProvider> Sink { get; } = new();

    public ILogger CreateLogger(string categoryName) => Sink;

    public void Dispose()
    {
    }

    /// <summary>Each entry's message and structured values, as one line each.</summary>
    public IEnumerable<string> Lines() =>
        Sink.Entries.Select(e => e.Message + " " + string.Join(" ", e.State.Select(p => $"{p.Key}={p.Value}")));
}

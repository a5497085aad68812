using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ServiceRecoveryBot.Tests.Protocol.Authentication;

/// <summary>Keeps every formatted log line with its structured state, to check what is (and is not) logged.</summary>
internal sealed class CapturingLogger<T> : ILogger<T>
{
    public ConcurrentQueue<(LogLevel Level, EventId EventId, string Message, IReadOnlyList<KeyValuePair<string, object?>> State)> Entries { get; } = new();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Entries.Enqueue((logLevel, eventId, formatter(state, exception),
            state as IReadOnlyList<KeyValuePair<string, object?>> ?? []));
}

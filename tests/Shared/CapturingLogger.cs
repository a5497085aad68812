using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ServiceRecoveryBot.Testing;

/// <summary>
/// Keeps every formatted log line with its structured state, to check what is (and is not) logged, and lets a test
/// wait for an entry logged from another thread.
/// </summary>
public sealed class CapturingLogger<T> : ILogger<T>
{
    private readonly ConcurrentDictionary<int, TaskCompletionSource> awaited = new();

    public ConcurrentQueue<(LogLevel Level, EventId EventId, string Message, IReadOnlyList<KeyValuePair<string, object?>> State)> Entries { get; } = new();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        // A copy: the state may be pooled and cleared once Log returns (the extended [LoggerMessage] generator's LoggerMessageState is).
        Entries.Enqueue((logLevel, eventId, formatter(state, exception), state is IEnumerable<KeyValuePair<string, object?>> values ? [.. values] : []));
        Signal(eventId.Id).TrySetResult();
    }

    /// <summary>Completes when an entry with this event id has been logged (at once if one already was).</summary>
    public Task Logged(int eventId) => Signal(eventId).Task;

    private TaskCompletionSource Signal(int eventId) =>
        awaited.GetOrAdd(eventId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}

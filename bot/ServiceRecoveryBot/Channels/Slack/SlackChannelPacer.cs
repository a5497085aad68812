using System.Collections.Concurrent;

namespace ServiceRecoveryBot.Channels.Slack;

/// <summary>
/// Keeps posts to each Slack channel within Slack's allowance for <c>chat.postMessage</c> (about one a second, short
/// bursts allowed): <see cref="Burst"/> posts go at once, then one a second in order, so a burst to a managers' channel
/// waits its turn instead of meeting 429s. A slot is reserved per post on the injected clock (GCRA); one pacer per process.
/// </summary>
public sealed class SlackChannelPacer(TimeProvider time)
{
    public const int Burst = 4;
    public const int QueueLimit = 1000;
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private const int PruneAbove = 1024;

    private readonly ConcurrentDictionary<string, Slot> next = new(StringComparer.Ordinal);

    /// <summary>Waits for the channel's next slot; false, at once, when a thousand posts already wait for it.</summary>
    public async ValueTask<bool> WaitTurnAsync(string channel, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (next.Count > PruneAbove) Prune(now);
        var slot = next.GetOrAdd(channel, _ => new Slot());
        TimeSpan wait;
        lock (slot)
        {
            var arrival = slot.Arrival > now ? slot.Arrival : now;
            wait = arrival - (Burst - 1) * Interval - now;
            if (wait > QueueLimit * Interval) return false;
            slot.Arrival = arrival + Interval;
        }
        if (wait > TimeSpan.Zero) await Task.Delay(wait, time, ct);
        return true;
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (channel, slot) in next)
            if (slot.Arrival <= now) next.TryRemove(new KeyValuePair<string, Slot>(channel, slot));
    }

    private sealed class Slot
    {
        public DateTimeOffset Arrival = DateTimeOffset.MinValue;
    }
}

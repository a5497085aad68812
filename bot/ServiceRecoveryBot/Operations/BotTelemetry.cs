using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ServiceRecoveryBot.Operations;

/// <summary>
/// The bot's own traces and metrics: one span per turn; counters for turns, tone flags and reminders; a histogram of
/// turn latency. Exported through OpenTelemetry when an exporter is configured.
/// </summary>
public sealed class BotTelemetry : IDisposable
{
    public const string Name = "ServiceRecoveryBot";

    private readonly Meter meter;
    private readonly Counter<long> turns;
    private readonly Histogram<double> turnLatency;
    private readonly Counter<long> toneFlags;
    private readonly Counter<long> remindersSent;

    public BotTelemetry(IMeterFactory meters)
    {
        meter = meters.Create(Name);
        turns = meter.CreateCounter<long>("bot.turns", description: "Activities processed, by channel, type and outcome.");
        turnLatency = meter.CreateHistogram<double>("bot.turn.duration", unit: "ms", description: "Time from receiving an activity to its replies being sent.");
        toneFlags = meter.CreateCounter<long>("bot.tone.flags", description: "Tone flags raised on customers' words, by flag.");
        remindersSent = meter.CreateCounter<long>("bot.reminders.sent", description: "Reminders and escalations sent, by kind and outcome.");
    }

    public static ActivitySource Source { get; } = new(Name);

    public void TurnCompleted(string channel, string type, string outcome, TimeSpan elapsed)
    {
        var tags = new TagList { { "channel", channel }, { "type", type }, { "outcome", outcome } };
        turns.Add(1, tags);
        turnLatency.Record(elapsed.TotalMilliseconds, tags);
    }

    public void ToneFlagRaised(string flag) => toneFlags.Add(1, new KeyValuePair<string, object?>("flag", flag));

    public void ReminderSent(string kind, string outcome) =>
        remindersSent.Add(1, new TagList { { "kind", kind }, { "outcome", outcome } });

    public void Dispose() => meter.Dispose();
}

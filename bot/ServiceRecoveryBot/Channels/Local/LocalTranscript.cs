using System.Threading.Channels;
using ServiceRecoveryBot.Protocol;

namespace ServiceRecoveryBot.Channels.Local;

/// <summary>One local conversation's activities in order, readable by index (the Direct Line watermark) or as a stream.</summary>
public sealed class LocalTranscript
{
    private readonly List<Activity> activities = [];
    private readonly Channel<Activity> feed = System.Threading.Channels.Channel.CreateUnbounded<Activity>();
    private readonly Lock gate = new();

    public Activity Append(Func<int, Activity> create)
    {
        Activity stored;
        lock (gate)
        {
            stored = create(activities.Count);
            activities.Add(stored);
        }
        feed.Writer.TryWrite(stored);
        return stored;
    }

    /// <summary>Activities after <paramref name="watermark"/> (exclusive), and the new watermark.</summary>
    public (IReadOnlyList<Activity> Activities, int Watermark) Since(int watermark)
    {
        lock (gate)
        {
            var start = Math.Clamp(watermark + 1, 0, activities.Count);
            return (activities.Skip(start).ToList(), activities.Count - 1);
        }
    }

    public ChannelReader<Activity> Feed => feed.Reader;
}

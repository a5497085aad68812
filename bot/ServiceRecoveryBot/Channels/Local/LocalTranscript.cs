using System.Text.Json;
using System.Threading.Channels;
using ServiceRecoveryBot.Protocol;

namespace ServiceRecoveryBot.Channels.Local;

/// <summary>
/// One local conversation's activities in order, readable by index (the Direct Line watermark) or as a stream. Only
/// the newest are kept (<see cref="MaxActivities"/>, <see cref="MaxBytes"/> of JSON), so a long or heavy chat cannot
/// grow the heap without bound; indexes stay those the activities were given.
/// </summary>
public sealed class LocalTranscript
{
    public const int MaxActivities = 500;
    public const long MaxBytes = 2 * 1024 * 1024;

    private readonly Queue<(Activity Activity, long Bytes)> activities = new();
    private readonly Channel<Activity> feed = System.Threading.Channels.Channel.CreateBounded<Activity>(
        new BoundedChannelOptions(MaxActivities) { FullMode = BoundedChannelFullMode.DropOldest });
    private readonly Lock gate = new();
    private int first;
    private long bytes;

    public Activity Append(Func<int, Activity> create)
    {
        Activity stored;
        lock (gate)
        {
            stored = create(first + activities.Count);
            var size = JsonSerializer.SerializeToUtf8Bytes(stored, ActivityJson.Options).LongLength;
            activities.Enqueue((stored, size));
            bytes += size;
            while (activities.Count > 1 && (activities.Count > MaxActivities || bytes > MaxBytes))
            {
                bytes -= activities.Dequeue().Bytes;
                first++;
            }
        }
        feed.Writer.TryWrite(stored);
        return stored;
    }

    /// <summary>Activities after <paramref name="watermark"/> (exclusive) still kept, and the new watermark.</summary>
    public (IReadOnlyList<Activity> Activities, int Watermark) Since(int watermark)
    {
        lock (gate)
        {
            var skip = Math.Clamp(watermark + 1 - first, 0, activities.Count);
            return (activities.Skip(skip).Select(a => a.Activity).ToList(), first + activities.Count - 1);
        }
    }

    /// <summary>The JSON size of what is kept.</summary>
    public long Bytes
    {
        get
        {
            lock (gate) return bytes;
        }
    }

    public ChannelReader<Activity> Feed => feed.Reader;
}

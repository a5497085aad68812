using System.Globalization;
using ServiceRecoveryBot.Channels.Local;
using ServiceRecoveryBot.Turns;
using ServiceRecoveryBot.Protocol;

namespace ServiceRecoveryBot.Channels.DirectLine;

/// <summary>
/// Joins the local Direct Line to the bot: the client's activities are stored in the conversation's
/// <see cref="LocalTranscript"/> (so the next poll echoes them with their id) and run through the same
/// <see cref="TurnProcessor"/> as <c>/api/messages</c>, with <see cref="LocalChannel.ServiceUrl"/> as the serviceUrl,
/// so the bot's replies land in the same transcript.
/// </summary>
public sealed class DirectLineBridge(TurnProcessor turns, LocalChannel local, TimeProvider clock)
{
    public const string ChannelId = "directline";
    public const string BotId = "service-recovery-bot";
    public const string BotName = "ServiceRecoveryBot";

    private static readonly ChannelAccount Bot = new() { Id = BotId, Name = BotName, Role = "bot" };

    /// <summary>Tells the bot that it and the user joined, as Direct Line does on start; the bot's greeting goes to the transcript.</summary>
    public Task<TurnOutcome> StartAsync(string conversationId, string userId, CancellationToken ct) =>
        turns.ProcessAsync(new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            Id = conversationId + "|start",
            Timestamp = clock.GetUtcNow(),
            ChannelId = ChannelId,
            ServiceUrl = LocalChannel.ServiceUrl,
            From = new ChannelAccount { Id = userId, Role = "user" },
            Recipient = Bot,
            Conversation = new ConversationAccount { Id = conversationId },
            MembersAdded = [new ChannelAccount { Id = BotId, Name = BotName }, new ChannelAccount { Id = userId }],
        }, ct);

    /// <summary>
    /// Assigns the activity its id (<c>&lt;conversation&gt;|0000007</c>) and server timestamp, keeps everything else the
    /// client sent (channelData with its clientActivityID included), stores it for the echo and returns the stored copy.
    /// </summary>
    public Activity Accept(string conversationId, string userId, Activity posted) =>
        local.Transcript(conversationId).Append(index => posted with
        {
            Id = $"{conversationId}|{index.ToString("D7", CultureInfo.InvariantCulture)}",
            Timestamp = clock.GetUtcNow(),
            ChannelId = ChannelId,
            ServiceUrl = LocalChannel.ServiceUrl,
            Conversation = (posted.Conversation ?? new ConversationAccount { Id = conversationId }) with { Id = conversationId },
            From = posted.From is { Id.Length: > 0 } from ? from : new ChannelAccount { Id = userId, Role = "user" },
            Recipient = Bot,
        });

    public Task<TurnOutcome> DeliverAsync(Activity accepted, CancellationToken ct) => turns.ProcessAsync(accepted, ct);

    /// <summary>
    /// Activities after <paramref name="watermark"/> (the transcript index as a decimal string; anything else reads as
    /// "from the start"), with the index of the last one as the new watermark, or the same watermark when there is nothing new.
    /// </summary>
    public DirectLineActivitySet Read(string conversationId, string? watermark)
    {
        var after = int.TryParse(watermark, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : -1;
        var (activities, last) = local.Transcript(conversationId).Since(after);
        return activities.Count == 0
            ? new DirectLineActivitySet([], string.IsNullOrEmpty(watermark) ? null : watermark)
            : new DirectLineActivitySet(activities, last.ToString(CultureInfo.InvariantCulture));
    }
}

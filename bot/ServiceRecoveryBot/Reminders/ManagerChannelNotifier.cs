using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ServiceRecoveryBot.Conversations.Managers;
using ServiceRecoveryBot.Turns.References;
using ServiceRecoveryBot.Protocol;

namespace ServiceRecoveryBot.Reminders;

/// <summary>
/// Posts to a team's managers (their channel, or with none registered each manager's personal chat) and to a staff
/// member's chat (the case's own conversation first), through the proactive port; a conversation the channel says is
/// gone (403/404: bot removed, chat deleted) is forgotten and the next live one is tried, so nothing is lost silently.
/// </summary>
public sealed partial class ManagerChannelNotifier(ITeamDirectory teams, IConversationReferenceStore references, IProactiveMessenger messenger, ILogger<ManagerChannelNotifier>? logger = null)
{
    private readonly ILogger log = (ILogger?)logger ?? NullLogger.Instance;

    /// <summary>Null when no manager can be reached (no channel, and no manager has a chat with the bot).</summary>
    public Task<SendResult?> SendAsync(string teamKey, Activity activity, CancellationToken ct) => SendAsync(teamKey, _ => activity, ct);

    /// <summary>As <see cref="SendAsync(string, Activity, CancellationToken)"/>, the activity built for each destination (a Teams card differs from a Web Chat one).</summary>
    public async Task<SendResult?> SendAsync(string teamKey, Func<ConversationReference, Activity> build, CancellationToken ct)
    {
        var audience = await ReachableAsync(teamKey, ct);
        SendResult? best = null;
        foreach (var target in audience.Targets)
        {
            var result = await messenger.SendAsync(target.Reference, build(target.Reference), ct);
            if (result.Outcome == SendOutcome.ConversationGone && target.Kind != ReferenceKind.Channel) await references.RemoveAsync(teamKey, target.ConversationId, ct);
            if (best is null || result.IsDelivered && !best.IsDelivered) best = result;
        }
        return best;
    }

    /// <summary>Where a message to the team's managers goes now: the managers' channel, else each manager's most recent personal chat.</summary>
    public async Task<ManagerAudience> ReachableAsync(string teamKey, CancellationToken ct)
    {
        if (await teams.ManagerChannelAsync(teamKey, ct) is { } channel) return new ManagerAudience(true, [channel]);
        var managers = await teams.ManagersAsync(teamKey, ct);
        if (managers.Count == 0) return new ManagerAudience(false, []);
        var chats = (await references.ListAsync(teamKey, ct))
            .Where(r => r.Kind is ReferenceKind.User or ReferenceKind.Other && r.Reference.User?.Id is { } id && managers.Contains(id, StringComparer.Ordinal))
            .GroupBy(r => r.Reference.User!.Id)
            .Select(g => g.MaxBy(r => r.UpdatedAt)!)
            .ToList();
        return new ManagerAudience(false, chats);
    }

    /// <summary>
    /// To the staff member: in <paramref name="conversationId"/> (the case's own conversation) when the bot can still
    /// reach it, else in their most recent personal chat, then the one before. A chat that is gone is forgotten and
    /// logged; with none left the managers get the message instead. Null when the staff member has no chat and no
    /// manager can be reached.
    /// </summary>
    public async Task<SendResult?> SendToStaffAsync(string teamKey, string staffId, string? conversationId, Activity activity, CancellationToken ct)
    {
        var known = await references.ListAsync(teamKey, ct);
        var chats = known.Where(r => conversationId is not null && Same(r.ConversationId, conversationId))
            .Concat(known.Where(r => r.Kind is ReferenceKind.User or ReferenceKind.Other && r.Reference.User?.Id == staffId).OrderByDescending(r => r.UpdatedAt))
            .DistinctBy(r => r.ConversationId)
            .ToList();
        string? staffName = null;
        foreach (var chat in chats)
        {
            var reference = chat.Kind == ReferenceKind.Channel && conversationId is not null ? chat.Reference with { Conversation = chat.Reference.Conversation with { Id = conversationId } } : chat.Reference;
            var result = await messenger.SendAsync(reference, activity, ct);
            if (result.Outcome != SendOutcome.ConversationGone) return result;
            staffName ??= chat.Reference.User?.Name;
            LogGone(log, chat.ConversationId, result.Detail);
            await references.RemoveAsync(teamKey, chat.ConversationId, ct);
        }
        if (chats.Count == 0) return null;
        LogToManagers(log, chats.Count);
        var text = activity.Text ?? activity.Summary ?? "";
        return await SendAsync(teamKey, new Activity { Type = ActivityTypes.Message, Text = Text.Replies.For(activity.Locale).StaffUnreachable(staffName ?? staffId, text) }, ct);
    }

    [LoggerMessage(EventId = 6201, Level = LogLevel.Warning, Message = "A staff member's chat {ConversationId} is gone ({Detail}); forgotten, trying the next")]
    private static partial void LogGone(ILogger logger, string conversationId, string? detail);

    [LoggerMessage(EventId = 6202, Level = LogLevel.Warning, Message = "None of a staff member's {Count} chats could be reached; the message goes to the managers")]
    private static partial void LogToManagers(ILogger logger, int count);

    /// <summary>A Teams channel reference names the channel; the case's conversation may be one of its threads.</summary>
    private static bool Same(string stored, string conversationId) =>
        stored == conversationId || conversationId.StartsWith(stored + ";messageid=", StringComparison.Ordinal);
}

/// <summary>Who a message to a team's managers reaches: their channel, or the personal chats of the managers the bot can reach.</summary>
public sealed record ManagerAudience(bool IsChannel, IReadOnlyList<StoredReference> Targets)
{
    /// <summary>The people reached, by name as their chat shows it (empty for a channel).</summary>
    public IReadOnlyList<string> Names => IsChannel ? [] : [.. Targets.Select(t => t.Reference.User?.Name ?? t.Reference.User?.Id ?? "a manager")];
}

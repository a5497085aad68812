using ServiceRecoveryBot.Conversations.Managers;
using ServiceRecoveryBot.Turns.References;
using ServiceRecoveryBot.Protocol;

namespace ServiceRecoveryBot.Reminders;

/// <summary>Posts to a team's managers' channel and to a staff member's personal chat, through the proactive port.</summary>
public sealed class ManagerChannelNotifier(ITeamDirectory teams, IConversationReferenceStore references, IProactiveMessenger messenger)
{
    /// <summary>Null when the team has no managers' channel.</summary>
    public async Task<SendResult?> SendAsync(string teamKey, Activity activity, CancellationToken ct) =>
        await teams.ManagerChannelAsync(teamKey, ct) is { } channel ? await messenger.SendAsync(channel.Reference, activity, ct) : null;

    /// <summary>Null when the staff member has no personal chat with the bot.</summary>
    public async Task<SendResult?> SendToStaffAsync(string teamKey, string staffId, Activity activity, CancellationToken ct)
    {
        var chat = (await references.ListAsync(teamKey, ct)).FirstOrDefault(r => r.Kind is ReferenceKind.User or ReferenceKind.Other && r.Reference.User?.Id == staffId);
        if (chat is null) return null;
        var result = await messenger.SendAsync(chat.Reference, activity, ct);
        if (result.Outcome == SendOutcome.ConversationGone) await references.RemoveAsync(teamKey, chat.ConversationId, ct);
        return result;
    }
}

using ServiceRecoveryBot.Protocol;

namespace ServiceRecoveryBot.Turns.References;

/// <summary>A conversation the bot may message proactively (reminders, escalations), and who or what it reaches.</summary>
public sealed record StoredReference(string TeamKey, ReferenceKind Kind, string? TeamId, string? TeamName, ConversationReference Reference, DateTimeOffset UpdatedAt)
{
    public string ConversationId => Reference.Conversation.Id;

    public static StoredReference From(Activity activity, string teamKey, (string Id, string? Name)? team, DateTimeOffset at)
    {
        var kind = activity.Conversation?.ConversationType switch
        {
            "personal" => ReferenceKind.User,
            "channel" => ReferenceKind.Channel,
            "groupChat" => ReferenceKind.GroupChat,
            _ => ReferenceKind.Other,
        };
        var reference = activity.GetConversationReference();
        // A channel reference names the channel itself, not the thread a message arrived in.
        if (kind == ReferenceKind.Channel && reference.Conversation.Id.IndexOf(";messageid=", StringComparison.Ordinal) is var cut and > 0)
            reference = reference with { Conversation = reference.Conversation with { Id = reference.Conversation.Id[..cut] } };
        return new StoredReference(teamKey, kind, team?.Id, team?.Name, reference with { ActivityId = null }, at);
    }
}

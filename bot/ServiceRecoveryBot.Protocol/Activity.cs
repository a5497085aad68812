using System.Text.Json;
using System.Text.Json.Serialization;

namespace ServiceRecoveryBot.Protocol;

/// <summary>
/// A Bot Framework v3 activity. Only the fields the bot uses are modelled; everything else is kept in
/// <see cref="Unmapped"/> so it survives a round trip (Activity spec A2005).
/// </summary>
public sealed record Activity
{
    public required string Type { get; init; }
    public string? Id { get; init; }
    public DateTimeOffset? Timestamp { get; init; }
    public DateTimeOffset? LocalTimestamp { get; init; }
    public string? LocalTimezone { get; init; }
    public string? ServiceUrl { get; init; }
    public string? ChannelId { get; init; }
    public ChannelAccount? From { get; init; }
    public ConversationAccount? Conversation { get; init; }
    public ChannelAccount? Recipient { get; init; }
    public string? ReplyToId { get; init; }
    public string? Text { get; init; }
    public string? TextFormat { get; init; }
    public string? Locale { get; init; }
    public string? Summary { get; init; }
    public string? InputHint { get; init; }
    public string? AttachmentLayout { get; init; }
    public IReadOnlyList<Attachment>? Attachments { get; init; }
    public IReadOnlyList<Entity>? Entities { get; init; }
    public JsonElement? ChannelData { get; init; }
    public JsonElement? Value { get; init; }
    public string? Name { get; init; }
    public string? Action { get; init; }
    public IReadOnlyList<ChannelAccount>? MembersAdded { get; init; }
    public IReadOnlyList<ChannelAccount>? MembersRemoved { get; init; }
    public SuggestedActions? SuggestedActions { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unmapped { get; init; }

    public bool IsMessage => Type == ActivityTypes.Message;

    /// <summary>A reply addressed back to the sender, as the Bot Framework SDK's CreateReply builds it.</summary>
    public Activity CreateReply(string? text = null) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        ReplyToId = Id,
        ChannelId = ChannelId,
        From = Recipient is null ? null : new ChannelAccount { Id = Recipient.Id, Name = Recipient.Name },
        Recipient = From is null ? null : new ChannelAccount { Id = From.Id, Name = From.Name },
        Conversation = Conversation is null ? null : new ConversationAccount { Id = Conversation.Id },
        Locale = Locale,
    };

    public ConversationReference GetConversationReference() => new()
    {
        ChannelId = ChannelId ?? "",
        ServiceUrl = ServiceUrl ?? "",
        Conversation = Conversation ?? new ConversationAccount { Id = "" },
        Bot = Recipient,
        User = From,
        ActivityId = Id,
        Locale = Locale,
    };
}

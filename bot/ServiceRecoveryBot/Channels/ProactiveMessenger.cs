using ServiceRecoveryBot.Turns.References;
using ServiceRecoveryBot.Protocol;

namespace ServiceRecoveryBot.Channels;

/// <summary>
/// Addresses an activity from a stored conversation reference and sends it through the channel client. A message sent
/// unprompted is a statement: without an input hint of its own it goes out as <c>acceptingInput</c>.
/// </summary>
public sealed class ProactiveMessenger(IChannelClient channel) : IProactiveMessenger
{
    public Task<SendResult> SendAsync(ConversationReference reference, Activity activity, CancellationToken ct) =>
        channel.SendAsync(reference.ServiceUrl, Address(reference, activity) with { ReplyToId = null }, ct);

    public Task<SendResult> UpdateAsync(ConversationReference reference, string activityId, Activity activity, CancellationToken ct) =>
        channel.UpdateAsync(reference.ServiceUrl, Address(reference, activity) with { Id = activityId }, ct);

    private static Activity Address(ConversationReference reference, Activity activity) => ChannelCapabilities.Fit(activity, reference.ChannelId) with
    {
        ChannelId = reference.ChannelId,
        Conversation = new ConversationAccount { Id = reference.Conversation.Id, TenantId = reference.Conversation.TenantId, IsGroup = reference.Conversation.IsGroup, ConversationType = reference.Conversation.ConversationType },
        From = reference.Bot,
        Recipient = reference.User,
        Locale = activity.Locale ?? reference.Locale,
        InputHint = activity.InputHint ?? (activity.IsMessage ? InputHints.AcceptingInput : null),
    };
}

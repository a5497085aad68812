using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServiceRecoveryBot.Channels.Entry;
using ServiceRecoveryBot.Conversations;
using ServiceRecoveryBot.Conversations.Entry;
using ServiceRecoveryBot.Conversations.Home;
using ServiceRecoveryBot.Protocol;
using ServiceRecoveryBot.Recovery.Cases;
using ServiceRecoveryBot.Turns;
using ServiceRecoveryBot.Turns.References;

namespace ServiceRecoveryBot.Channels.Teams.MessageActions;

/// <summary>
/// Teams' "Log as service recovery": fetchTask answers with the form pre-filled from the message; submitAction starts
/// the case in the invoker's personal chat and tells the thread, answering within the ack budget as the work goes on.
/// </summary>
public sealed partial class MessageActionHandler(
    CaseFromMessage entry,
    MessageSuggester suggester,
    IProactiveMessenger messenger,
    IOptions<RecoveryOptions> recovery,
    IHostApplicationLifetime lifetime,
    ILogger<MessageActionHandler> logger)
{
    public async Task<InvokeResponse> HandleAsync(Activity invoke, TimeSpan ackBudget, TimeProvider clock, CancellationToken ct)
    {
        if (MessageActionInvoke.Read(invoke) is not { CommandId: MessageActionInvoke.CommandIdLogAsRecovery } action)
            return new InvokeResponse(400, JsonSerializer.SerializeToElement(new { error = "Unknown message action command." }));
        var text = HomeText.For(invoke.Locale);
        var team = TeamKey.Of(invoke, recovery.Value.DefaultTeam);
        if (!IsIn(invoke, await entry.KnownConversationsAsync(team, ct))) return MessageActionCards.Message(text.NotInThisChannel);
        if (invoke.From?.Id is not { Length: > 0 } invoker || await entry.PersonalChatAsync(team, invoker, ct) is not { } personal)
            return MessageActionCards.Message(text.NoPersonalChat);

        if (invoke.Name == MessageActionInvoke.FetchTaskName)
        {
            if (action.MessageText.Length == 0) return MessageActionCards.Message(text.NotAMessage);
            return MessageActionCards.Form(await suggester.SuggestAsync(action.MessageText, action.AuthorName, invoke.Locale, ct), text);
        }

        if (action.Field(MessageActionCards.IncidentId) is not { } incident) return MessageActionCards.Message(text.EmptyIncident);
        var start = new MessageStart(
            incident.Length <= MessageStart.MaxIncidentLength ? incident : incident[..MessageStart.MaxIncidentLength],
            action.Field(MessageActionCards.ReporterId) ?? action.AuthorName,
            Enum.TryParse<FailureCategory>(action.Field(MessageActionCards.CategoryId), out var category) && Enum.IsDefined(category) ? category : null,
            int.TryParse(action.Field(MessageActionCards.SeverityId), out var severity) && severity is >= 1 and <= 4 ? severity : null,
            CaseId: null);
        var started = await entry.StartAsync(team, PersonalMessage(invoke, personal), start, ct);
        var work = AfterAsync(invoke, ThreadOf(invoke, action), personal, started, text);
        try
        {
            await work.WaitAsync(ackBudget, clock, ct);
        }
        catch (TimeoutException)
        {
            // Teams' deadline comes first: the case opens and the thread is told after the answer.
        }
        return MessageActionCards.Message(text.OpenedFor(started.Id));
    }

    /// <summary>Once the case's turn ran: the short card in the message's thread (not when the message is in the personal chat itself).</summary>
    private Task AfterAsync(Activity invoke, ConversationReference thread, StoredReference personal, StartedCase started, HomeText text) => Task.Run(async () =>
    {
        var outcome = await started.Turn;
        if (outcome.Status != TurnStatus.Processed || invoke.Conversation?.Id == personal.ConversationId) return;
        var sent = await messenger.SendAsync(thread, MessageActionCards.Opened(text.OpenedInThread(started.Id, invoke.From?.Name ?? text.Someone)), lifetime.ApplicationStopping);
        if (!sent.IsDelivered) LogThreadNotTold(logger, started.Id, sent.Outcome);
    }, CancellationToken.None);

    /// <summary>Where the message is: in a channel, the thread it started or replies in; elsewhere the chat itself.</summary>
    public static ConversationReference ThreadOf(Activity invoke, MessageActionInvoke action)
    {
        var reference = invoke.GetConversationReference() with { ActivityId = null };
        var id = reference.Conversation.Id;
        if (invoke.Conversation?.ConversationType != "channel" || action.ThreadRootId is not { Length: > 0 } root) return reference;
        var cut = id.IndexOf(";messageid=", StringComparison.Ordinal);
        return reference with { Conversation = reference.Conversation with { Id = (cut > 0 ? id[..cut] : id) + ";messageid=" + root } };
    }

    /// <summary>The invoker's message in their personal chat, addressed as the stored reference says.</summary>
    private static Activity PersonalMessage(Activity invoke, StoredReference personal) => new()
    {
        Type = ActivityTypes.Message,
        Id = "message-action:" + (invoke.Id ?? Guid.NewGuid().ToString("N")),
        ChannelId = personal.Reference.ChannelId,
        ServiceUrl = personal.Reference.ServiceUrl,
        Timestamp = invoke.Timestamp,
        Locale = invoke.Locale ?? personal.Reference.Locale,
        From = invoke.From,
        Recipient = personal.Reference.Bot ?? invoke.Recipient,
        Conversation = personal.Reference.Conversation,
        ChannelData = invoke.ChannelData,
    };

    /// <summary>
    /// Whether the bot is in the conversation the message is in: a channel of a team it was added to, or a group or
    /// personal chat it has a reference for.
    /// </summary>
    public static bool IsIn(Activity invoke, IReadOnlyList<StoredReference> known)
    {
        var conversation = invoke.Conversation?.Id ?? "";
        var cut = conversation.IndexOf(";messageid=", StringComparison.Ordinal);
        var bare = cut > 0 ? conversation[..cut] : conversation;
        var team = TeamsActivity.TeamOf(invoke)?.Id;
        return known.Any(r => r.ConversationId == bare || (team is not null && r.Kind == ReferenceKind.Channel && r.TeamId == team));
    }

    [LoggerMessage(EventId = 1402, Level = LogLevel.Warning, Message = "Case {CaseId} opened from a Teams message; its thread was not told ({Outcome})")]
    private static partial void LogThreadNotTold(ILogger logger, CaseId caseId, SendOutcome outcome);
}

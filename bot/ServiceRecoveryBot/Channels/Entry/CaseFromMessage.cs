using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ServiceRecoveryBot.Conversations.Entry;
using ServiceRecoveryBot.Conversations.Recovery;
using ServiceRecoveryBot.Protocol;
using ServiceRecoveryBot.Recovery.Cases;
using ServiceRecoveryBot.Turns;
using ServiceRecoveryBot.Turns.References;

namespace ServiceRecoveryBot.Channels.Entry;

/// <summary>
/// Opens a case from someone's message for the person who asked, in their personal chat with the bot: the id is
/// reserved first (so the thread can be told it), then a "new case: …" turn runs in that chat as if they had typed it,
/// so the recovery, its replies, approvals and reminders are the ones a DM gets. Teams and Slack entry points share it.
/// </summary>
public sealed partial class CaseFromMessage(
    TurnProcessor turns, FreshCaseIds ids, IConversationReferenceStore references, IHostApplicationLifetime lifetime, ILogger<CaseFromMessage> logger)
{
    /// <summary>The user's personal chat with the bot in the team, the newest known; null when they never had one.</summary>
    public async Task<StoredReference?> PersonalChatAsync(string teamKey, string userId, CancellationToken ct) =>
        (await references.ListAsync(teamKey, ct))
            .Where(r => r.Kind == ReferenceKind.User && r.Reference.User?.Id == userId)
            .OrderByDescending(r => r.UpdatedAt)
            .FirstOrDefault();

    /// <summary>The conversations of the team the bot is in (channels, group chats, personal chats), from the references it keeps.</summary>
    public Task<IReadOnlyList<StoredReference>> KnownConversationsAsync(string teamKey, CancellationToken ct) => references.ListAsync(teamKey, ct);

    /// <summary>
    /// Reserves the case id and starts the turn in the personal chat <paramref name="personal"/> addresses (a message
    /// activity from the invoker, with its id); the turn runs on the bot's lifetime, so it goes on whoever stops waiting.
    /// </summary>
    public async Task<StartedCase> StartAsync(string teamKey, Activity personal, MessageStart start, CancellationToken ct)
    {
        var id = await ids.NextAsync(teamKey, ct);
        var message = (start with { CaseId = id }).Onto(personal with { Type = ActivityTypes.Message });
        var stopping = lifetime.ApplicationStopping;
        var run = Task.Run(async () =>
        {
            try
            {
                return await turns.ProcessAsync(message, stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return TurnOutcome.Rejected("The bot is stopping.", retryable: true);
            }
            catch (Exception ex)
            {
                LogFailed(logger, ex, id);
                return TurnOutcome.Rejected("The turn failed.", retryable: true);
            }
        }, CancellationToken.None);
        return new StartedCase(id, run);
    }

    [LoggerMessage(EventId = 1401, Level = LogLevel.Error, Message = "Opening case {CaseId} from a message failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, CaseId caseId);
}

/// <summary>A case being opened from a message: its id, and the turn in the personal chat that opens it.</summary>
public sealed record StartedCase(CaseId Id, Task<TurnOutcome> Turn);

using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ServiceRecoveryBot.Turns;
using ServiceRecoveryBot.Turns.State;
using ServiceRecoveryBot.Protocol;

namespace ServiceRecoveryBot.Channels.Slack;

/// <summary>
/// Runs the turns Slack brings on the bot's lifetime, not the request's: Slack wants its answer within 3 seconds, so the
/// endpoint waits for the turn only that long (<see cref="SlackOptions.AckBudget"/>) and the turn goes on if it takes longer. A turn
/// that may succeed if Slack sends it again (a busy conversation) says so, so the endpoint can ask for the retry.
/// </summary>
public sealed partial class SlackTurns(
    TurnProcessor turns, IConversationStateStore states, SlackWebClient slack, IMemoryCache names, IHostApplicationLifetime lifetime, ILogger<SlackTurns> logger)
{
    private static readonly TimeSpan NameLookupBudget = TimeSpan.FromSeconds(1.5);
    /// <summary>Sized by the bytes it holds, as every entry of the shared cache is.</summary>
    private static MemoryCacheEntryOptions NameEntry(string name) => new() { Size = name.Length * 2 + 256, AbsoluteExpirationRelativeToNow = TimeSpan.FromHours(12) };

    /// <summary>
    /// Runs the turn; null when it was not one (a reply in a thread that is no conversation with the bot). After a button
    /// press the pressed message's buttons are replaced with the answer given, once the turn has taken it.
    /// </summary>
    public async Task<TurnOutcome?> RunAsync(Activity activity, bool onlyIfConversationExists, SlackPressedMessage? pressed = null)
    {
        var ct = lifetime.ApplicationStopping;
        try
        {
            if (onlyIfConversationExists && await states.LoadAsync(new ConversationKey(SlackOptions.ChannelId, activity.Conversation!.Id!), ct) is null)
                return null;
            var outcome = await turns.ProcessAsync(await WithNameAsync(activity, ct), ct);
            if (outcome.Status == TurnStatus.Rejected) LogRejected(logger, outcome.Error);
            else if (pressed is not null) await slack.ReplaceButtonsAsync(pressed, ct);
            return outcome;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception ex)
        {
            LogFailed(logger, ex);
            return TurnOutcome.Rejected("The turn failed.", retryable: true);
        }
    }

    /// <summary>
    /// The sender with the name Slack shows for them (looked up once, kept 12 hours, and so is "no name"), so the case and
    /// the managers' cards name the staff member. Slack's events carry only the user id; without a name, the id stays.
    /// </summary>
    private async Task<Activity> WithNameAsync(Activity activity, CancellationToken ct)
    {
        if (activity.From is not { Id: { Length: > 0 } id, Name: null } sender || !activity.IsMessage) return activity;
        if (!names.TryGetValue<string>(NameKey(id), out var name))
        {
            using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct);
            budget.CancelAfter(NameLookupBudget);
            name = await slack.UserNameAsync(id, budget.Token) ?? "";
            names.Set(NameKey(id), name, NameEntry(name)); // "" for a user Slack gave no name for: not asked again for a while
        }
        return name is not { Length: > 0 } ? activity : activity with { From = sender with { Name = name } };
    }

    private static string NameKey(string userId) => "slack-user-name/" + userId;

    [LoggerMessage(EventId = 1310, Level = LogLevel.Warning, Message = "A Slack turn was rejected: {Reason}")]
    private static partial void LogRejected(ILogger logger, string? reason);

    [LoggerMessage(EventId = 1311, Level = LogLevel.Error, Message = "A Slack turn failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

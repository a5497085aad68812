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
    /// The sender with the name Slack shows for them and their locale (looked up once, kept 12 hours, and so is "no
    /// name"), so the case and the managers' cards name the staff member and the bot answers in their language. Slack's
    /// events carry only the user id; without a name, the id stays; without a locale, English.
    /// </summary>
    private async Task<Activity> WithNameAsync(Activity activity, CancellationToken ct)
    {
        if (activity.From is not { Id: { Length: > 0 } id } sender || !activity.IsMessage || sender.Name is not null && activity.Locale is not null)
            return activity;
        if (!names.TryGetValue<(string Name, string Locale)>(NameKey(id), out var user))
        {
            using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct);
            budget.CancelAfter(NameLookupBudget);
            var (name, locale) = await slack.UserAsync(id, budget.Token);
            user = (name ?? "", locale ?? ""); // "" for what Slack did not say: not asked again for a while
            names.Set(NameKey(id), user, NameEntry(user.Name));
        }
        return activity with
        {
            From = sender.Name is null && user.Name is { Length: > 0 } ? sender with { Name = user.Name } : sender,
            Locale = activity.Locale ?? (user.Locale is { Length: > 0 } ? user.Locale : null),
        };
    }

    private static string NameKey(string userId) => "slack-user-name/" + userId;

    [LoggerMessage(EventId = 1310, Level = LogLevel.Warning, Message = "A Slack turn was rejected: {Reason}")]
    private static partial void LogRejected(ILogger logger, string? reason);

    [LoggerMessage(EventId = 1311, Level = LogLevel.Error, Message = "A Slack turn failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

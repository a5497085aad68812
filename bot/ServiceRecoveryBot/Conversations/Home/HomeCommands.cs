using System.Text.Json;
using Microsoft.Extensions.Options;
using ServiceRecoveryBot.Protocol;

namespace ServiceRecoveryBot.Conversations.Home;

/// <summary>
/// "home" in a personal chat: the person's open cases, their next promise or follow-up, and for a manager the team's
/// approvals and overdue follow-ups, each with its button. In Teams the card refreshes itself when shown (its refresh
/// asks again), so it stays current as cases change. Only in a personal chat: a channel would show one person's cases to all.
/// </summary>
public sealed class HomeCommands(HomeQuery homes, IHomeCards cards, IOptions<RecoveryOptions> options)
{
    /// <summary>The key of the card refresh's data (Teams' Universal Actions).</summary>
    public const string RefreshKey = "home";

    public async Task<bool> TryHandleAsync(TurnContext turn, CancellationToken ct)
    {
        var activity = turn.Activity;
        var refresh = activity.Value is { ValueKind: JsonValueKind.Object } value && value.TryGetProperty(RefreshKey, out _);
        if (!refresh && (activity.Text ?? "").Trim().TrimEnd('.', '!').ToLowerInvariant() is not ("home" or "my home" or "dashboard" or "my dashboard"))
            return false;
        if (activity.Conversation?.ConversationType is "channel" or "groupChat" || activity.Conversation?.IsGroup == true)
        {
            turn.SendText(HomeText.For(activity.Locale).OnlyInPersonalChat);
            return true;
        }
        var view = await homes.ForAsync(TeamKey.Of(activity, options.Value.DefaultTeam), activity.From?.Id ?? "", activity.From?.AadObjectId, ct);
        if (refresh && cards.AnswersWithCard(activity)) turn.InvokeResponse = cards.HomeAnswer(view, activity);
        else turn.Send(cards.Home(view, activity));
        return true;
    }
}

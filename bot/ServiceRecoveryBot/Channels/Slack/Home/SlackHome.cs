using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ServiceRecoveryBot.Conversations.Home;
using ServiceRecoveryBot.Conversations.Managers;

namespace ServiceRecoveryBot.Channels.Slack.Home;

/// <summary>
/// Publishes Slack Home tabs: when someone opens theirs (<c>app_home_opened</c>, tab <c>home</c>), and again whenever one
/// of their cases changes (for the staff member and the team's managers), queued and published in the background so a
/// case save never waits for Slack. Only for Slack teams, and only when the bot has its token.
/// </summary>
public sealed partial class SlackHome(
    HomeQuery homes, ITeamDirectory teams, SlackWebClient slack, SlackHomeRefreshes refreshes, IHostApplicationLifetime lifetime, ILogger<SlackHome> logger)
    : BackgroundService
{
    /// <summary>The team and user of an <c>app_home_opened</c> event for the Home tab, or null for any other event.</summary>
    public static (string Team, string User)? HomeOpened(JsonElement envelope)
    {
        if (!envelope.TryGetProperty("event", out var e) || e.ValueKind != JsonValueKind.Object) return null;
        if (Text(e, "type") != "app_home_opened" || Text(e, "tab") != "home" || Text(e, "user") is not { Length: > 0 } user) return null;
        return Text(envelope, "team_id") is { Length: > 0 } team ? (SlackOptions.ChannelId + ":" + team, user) : null;
    }

    /// <summary>Someone opened their Home tab: it is published, waiting up to the ack budget (past it, the publish goes on).</summary>
    public async Task OpenedAsync(string teamKey, string userId, TimeSpan ackBudget, TimeProvider clock)
    {
        var publish = Task.Run(async () =>
        {
            try
            {
                if (!await PublishAsync(teamKey, userId, lifetime.ApplicationStopping)) LogNotPublished(logger, userId);
            }
            catch (Azure.RequestFailedException ex)
            {
                LogUnreadable(logger, ex, userId);
            }
        }, CancellationToken.None);
        try
        {
            await publish.WaitAsync(ackBudget, clock);
        }
        catch (TimeoutException)
        {
            // Slack's 3 s come first; the tab fills in when the publish is done.
        }
    }

    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>Builds and publishes one person's Home tab now.</summary>
    public async Task<bool> PublishAsync(string teamKey, string userId, CancellationToken ct)
    {
        var view = await homes.ForAsync(teamKey, userId, null, ct);
        return await slack.PublishHomeAsync(userId, SlackHomeView.Build(view), ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await refreshes.Reader.WaitToReadAsync(stoppingToken))
            {
                // Everything waiting, once each: a turn saves its case more than once.
                var due = new HashSet<(string Team, string User)>();
                while (refreshes.Reader.TryRead(out var next)) due.Add(next);
                foreach (var team in due.Select(d => d.Team).Distinct(StringComparer.Ordinal).ToList())
                    foreach (var manager in await teams.ManagersAsync(team, stoppingToken)) due.Add((team, manager));
                foreach (var (team, user) in due)
                {
                    try
                    {
                        if (!await PublishAsync(team, user, stoppingToken)) LogNotPublished(logger, user);
                    }
                    catch (Azure.RequestFailedException ex)
                    {
                        LogUnreadable(logger, ex, user); // storage trouble: this home waits for its next open or change
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: a home not refreshed now is published when its owner next opens it.
        }
    }

    [LoggerMessage(EventId = 1322, Level = LogLevel.Warning, Message = "Slack Home tab of {UserId} not refreshed: the cases could not be read")]
    private static partial void LogUnreadable(ILogger logger, Exception exception, string userId);

    [LoggerMessage(EventId = 1321, Level = LogLevel.Information, Message = "Slack Home tab of {UserId} not refreshed")]
    private static partial void LogNotPublished(ILogger logger, string userId);
}

using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServiceRecoveryBot.Channels.Entry;
using ServiceRecoveryBot.Channels.Slack.Home;
using ServiceRecoveryBot.Conversations.Entry;
using ServiceRecoveryBot.Conversations.Home;
using ServiceRecoveryBot.Protocol;
using ServiceRecoveryBot.Recovery.Cases;
using ServiceRecoveryBot.Turns;
using ServiceRecoveryBot.Turns.References;

namespace ServiceRecoveryBot.Channels.Slack.Shortcuts;

/// <summary>
/// Slack's "Log as service recovery" shortcut: the pre-filled modal opened inside the trigger's 3 s, its submission
/// answered at once while the case opens in the DM and the thread is told; and the Home tab's buttons, run in the DM.
/// </summary>
public sealed partial class SlackShortcuts(
    SlackWebClient slack,
    CaseFromMessage entry,
    MessageSuggester suggester,
    IChannelClient channel,
    SlackTurns turns,
    SlackHome home,
    IOptions<SlackOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider clock,
    ILogger<SlackShortcuts> logger)
{
    /// <summary>The shortcut's callback id in manifest/slack/manifest.json.</summary>
    public const string CallbackId = "log_service_recovery";

    /// <summary>The modal must be open before the trigger lapses (3 s after the click).</summary>
    public static readonly TimeSpan OpenBudget = TimeSpan.FromSeconds(2.5);

    private static readonly TimeSpan NameBudget = TimeSpan.FromSeconds(1);

    /// <summary>Slack's payloads carry no locale: English.</summary>
    private static readonly HomeText Say = HomeText.English;

    /// <summary>True for what this class answers: the shortcut, its modal's submission, a Home tab button.</summary>
    public static bool Handles(JsonElement payload) => Text(payload, "type") switch
    {
        "message_action" => Text(payload, "callback_id") == CallbackId,
        "view_submission" => Object(payload, "view") is { } view && Text(view, "callback_id") == CallbackId,
        "block_actions" => Object(payload, "view") is { } view && Text(view, "type") == "home",
        _ => false,
    };

    public Task<IResult> HandleAsync(JsonElement payload, CancellationToken ct) => Text(payload, "type") switch
    {
        "message_action" => ShortcutAsync(payload, ct),
        "view_submission" => SubmittedAsync(payload, ct),
        _ => HomeButtonAsync(payload),
    };

    private async Task<IResult> ShortcutAsync(JsonElement payload, CancellationToken ct)
    {
        if (Text(payload, "trigger_id") is not { Length: > 0 } trigger || TeamOf(payload) is not { } team
            || Object(payload, "channel") is not { } ch || Text(ch, "id") is not { Length: > 0 } channelId || Object(payload, "message") is not { } message)
            return Results.BadRequest(new { error = "A message shortcut needs trigger_id, team, channel and message." });
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct);
        budget.CancelAfter(OpenBudget);
        try
        {
            if (!IsIn(channelId, await entry.KnownConversationsAsync(team, budget.Token)))
                await slack.OpenViewAsync(trigger, SlackShortcutViews.Notice(Say.NotInThisChannel, Say), budget.Token);
            else if (SlackInbound.WithoutMentions(Text(message, "text") ?? "") is not { Length: > 0 } text)
                await slack.OpenViewAsync(trigger, SlackShortcutViews.Notice(Say.NotAMessage, Say), budget.Token);
            else
            {
                var author = Text(message, "user");
                var reporter = author is null ? Text(message, "username") : await NameAsync(author, budget.Token) ?? author;
                var form = await suggester.SuggestAsync(text, reporter, null, budget.Token);
                var at = new SlackMessageAt(channelId, Text(message, "thread_ts") ?? Text(message, "ts") ?? "", author);
                if (!await slack.OpenViewAsync(trigger, SlackShortcutViews.Form(form, at, Say), budget.Token)) LogNotOpened(logger, channelId);
            }
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            LogNotOpened(logger, channelId); // past the trigger's life: Slack would refuse the modal now
        }
        return Results.Ok();
    }

    private async Task<IResult> SubmittedAsync(JsonElement payload, CancellationToken ct)
    {
        var view = Object(payload, "view")!.Value;
        if (SlackShortcutViews.At(view) is not { } at || TeamOf(payload) is not { } team || Object(payload, "user") is not { } u || Text(u, "id") is not { Length: > 0 } user)
            return Results.BadRequest(new { error = "The submission is not one of this app's forms." });
        if (SlackShortcutViews.Submitted(view, SlackShortcutViews.IncidentBlock) is not { } incident)
            return Results.Json(new { response_action = "errors", errors = new Dictionary<string, string> { [SlackShortcutViews.IncidentBlock] = Say.EmptyIncident } });
        var start = new MessageStart(
            incident.Length <= MessageStart.MaxIncidentLength ? incident : incident[..MessageStart.MaxIncidentLength],
            SlackShortcutViews.Submitted(view, SlackShortcutViews.ReporterBlock),
            Enum.TryParse<FailureCategory>(SlackShortcutViews.Submitted(view, SlackShortcutViews.CategoryBlock), out var category) && Enum.IsDefined(category) ? category : null,
            int.TryParse(SlackShortcutViews.Submitted(view, SlackShortcutViews.SeverityBlock), out var severity) && severity is >= 1 and <= 4 ? severity : null,
            CaseId: null);
        var id = "shortcut:" + (Text(view, "id") ?? Text(payload, "trigger_id") ?? Guid.NewGuid().ToString("N"));
        await WithinAckAsync(OpenForAsync(team, user, id, at, start), ct);
        return Results.Ok(); // an empty answer closes the modal
    }

    /// <summary>Opens the case in the person's DM, then says so in the message's thread.</summary>
    private Task OpenForAsync(string team, string user, string id, SlackMessageAt at, MessageStart start) => Task.Run(async () =>
    {
        try
        {
            await OpenForCoreAsync(team, user, id, at, start);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(logger, ex);
        }
    }, CancellationToken.None);

    private async Task OpenForCoreAsync(string team, string user, string id, SlackMessageAt at, MessageStart start)
    {
        var stopping = lifetime.ApplicationStopping;
        if (await slack.OpenDirectMessageAsync(user, stopping) is not { } direct)
        {
            LogNoDirectMessage(logger, user);
            return;
        }
        var name = await NameAsync(user, stopping);
        var started = await entry.StartAsync(team, DirectMessage(team, direct, user, name, id, ""), start, stopping);
        var outcome = await started.Turn;
        if (outcome.Status != TurnStatus.Processed || at.Channel == direct || at.ThreadTs.Length == 0) return;
        var told = await channel.SendAsync(options.Value.ApiBaseUrl.ToString(), new Activity
        {
            Type = ActivityTypes.Message,
            ChannelId = SlackOptions.ChannelId,
            Conversation = new ConversationAccount { Id = new SlackConversation(at.Channel, at.ThreadTs).ToString(), IsGroup = true, TenantId = team },
            ReplyToId = at.ThreadTs,
            Text = Say.OpenedInThread(started.Id, name ?? user),
        }, stopping);
        if (!told.IsDelivered) LogThreadNotTold(logger, started.Id, told.Outcome);
    }

    /// <summary>A Home tab button: its command runs in the person's DM as if typed there; then the home is published again.</summary>
    private async Task<IResult> HomeButtonAsync(JsonElement payload)
    {
        if (TeamOf(payload) is not { } team || Object(payload, "user") is not { } u || Text(u, "id") is not { Length: > 0 } user
            || !payload.TryGetProperty("actions", out var actions) || actions.ValueKind != JsonValueKind.Array || actions.GetArrayLength() == 0
            || Text(actions[0], "value") is not { Length: > 0 } command)
            return Results.Ok();
        var pressed = Text(actions[0], "action_ts") ?? Text(payload, "trigger_id") ?? Guid.NewGuid().ToString("N");
        var work = Task.Run(async () =>
        {
            var stopping = lifetime.ApplicationStopping;
            if (command != "home")
            {
                if (await slack.OpenDirectMessageAsync(user, stopping) is not { } direct) return;
                await turns.RunAsync(DirectMessage(team, direct, user, null, "home-action:" + pressed, command), onlyIfConversationExists: false);
            }
            await home.PublishAsync(team, user, stopping);
        }, CancellationToken.None).ContinueWith(t => { if (t.Exception is { } ex) LogFailed(logger, ex.GetBaseException()); }, TaskScheduler.Default);
        await WithinAckAsync(work, CancellationToken.None);
        return Results.Ok();
    }

    private Activity DirectMessage(string team, string direct, string user, string? name, string id, string text) => new()
    {
        Type = ActivityTypes.Message,
        Id = id,
        ChannelId = SlackOptions.ChannelId,
        ServiceUrl = options.Value.ApiBaseUrl.ToString(),
        Timestamp = clock.GetUtcNow(),
        From = new ChannelAccount { Id = user, Name = name },
        Recipient = new ChannelAccount { Id = "slack-bot" },
        Conversation = new ConversationAccount { Id = direct, IsGroup = false, ConversationType = "personal", TenantId = team["slack:".Length..] },
        Text = text,
    };

    /// <summary>Waits for the work up to the ack budget; past it the answer goes and the work goes on.</summary>
    private async Task WithinAckAsync(Task work, CancellationToken ct)
    {
        try
        {
            await work.WaitAsync(options.Value.AckBudget, clock, ct);
        }
        catch (TimeoutException)
        {
            // Slack's 3 s come first.
        }
    }

    private async Task<string?> NameAsync(string user, CancellationToken ct)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct);
        budget.CancelAfter(NameBudget);
        try
        {
            return await slack.UserNameAsync(user, budget.Token);
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>Whether the bot is in the Slack conversation: a channel it joined or was mentioned in, or a DM it has.</summary>
    public static bool IsIn(string channelId, IReadOnlyList<StoredReference> known) =>
        known.Any(r => r.ConversationId == channelId || r.ConversationId.StartsWith(channelId + ":", StringComparison.Ordinal));

    private static string? TeamOf(JsonElement payload) =>
        Object(payload, "team") is { } t && Text(t, "id") is { Length: > 0 } id ? SlackOptions.ChannelId + ":" + id
        : Object(payload, "user") is { } u && Text(u, "team_id") is { Length: > 0 } userTeam ? SlackOptions.ChannelId + ":" + userTeam
        : null;

    private static JsonElement? Object(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Object ? value : null;

    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    [LoggerMessage(EventId = 1334, Level = LogLevel.Error, Message = "A Slack shortcut or Home tab action failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1331, Level = LogLevel.Warning, Message = "The shortcut's modal for channel {Channel} was not opened")]
    private static partial void LogNotOpened(ILogger logger, string channel);

    [LoggerMessage(EventId = 1332, Level = LogLevel.Warning, Message = "No DM with {UserId}: the case from their shortcut was not opened")]
    private static partial void LogNoDirectMessage(ILogger logger, string userId);

    [LoggerMessage(EventId = 1333, Level = LogLevel.Warning, Message = "Case {CaseId} opened from a Slack message; its thread was not told ({Outcome})")]
    private static partial void LogThreadNotTold(ILogger logger, CaseId caseId, SendOutcome outcome);
}

namespace ServiceRecoveryBot.Channels.Slack;

/// <summary>
/// Section <c>Slack</c>. The Slack endpoints answer only when <see cref="SigningSecret"/> is set; replies need
/// <see cref="BotToken"/>. Both are secrets: app settings or Key Vault references, never the repository, never logs.
/// </summary>
public sealed class SlackOptions
{
    public const string Section = "Slack";

    /// <summary>The channel id activities from Slack carry.</summary>
    public const string ChannelId = "slack";

    /// <summary>App settings → Basic Information → Signing Secret: every inbound request is checked against it.</summary>
    public string? SigningSecret { get; set; }

    /// <summary>The bot token (<c>xoxb-…</c>) the Web API calls carry.</summary>
    public string? BotToken { get; set; }

    /// <summary>The Web API (<c>https://slack.com/api/</c>); tests point it at a loopback fake.</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://slack.com/api/");

    /// <summary>How far a request's timestamp may be from now (Slack's guidance: 5 minutes), against replayed requests.</summary>
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a request waits for its turn before answering Slack anyway (Slack gives up, and retries, after 3 s);
    /// the turn goes on. Until then the answer follows the turn, so a busy conversation can ask Slack to retry.
    /// </summary>
    public TimeSpan AckBudget { get; set; } = TimeSpan.FromSeconds(2.5);

    public bool IsEnabled => !string.IsNullOrEmpty(SigningSecret);
}

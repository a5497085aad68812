using System.Text.RegularExpressions;
using ServiceRecoveryBot.Turns;
using ServiceRecoveryBot.Protocol;

namespace ServiceRecoveryBot.Channels.Local;

/// <summary>
/// <c>chat</c>: the same pipeline as <c>/api/messages</c> in a terminal. Each line typed becomes a message activity;
/// the bot's replies arrive through the local channel's transcript, as plain text (no markdown) that says "type", not "tap".
/// </summary>
public sealed partial class ConsoleChat(TurnProcessor turns, LocalChannel local, TimeProvider clock)
{
    public async Task RunAsync(TextReader input, TextWriter output, string user, CancellationToken ct)
    {
        var conversationId = "console-" + user;
        var transcript = local.Transcript(conversationId);
        var watermark = transcript.Since(-1).Watermark;
        var sequence = 0;
        await output.WriteLineAsync("ServiceRecoveryBot console chat. Type what happened; Ctrl-D or \"exit\" to leave.");
        await SendAsync(ActivityTypes.ConversationUpdate, null);
        while (!ct.IsCancellationRequested)
        {
            await output.WriteAsync("> ");
            var line = await input.ReadLineAsync(ct);
            if (line is null || line.Trim() is "exit" or "quit") break;
            if (line.Trim().Length == 0) continue;
            await SendAsync(ActivityTypes.Message, line);
        }

        async Task SendAsync(string type, string? text)
        {
            var activity = new Activity
            {
                Type = type,
                Id = $"{conversationId}|in{Interlocked.Increment(ref sequence)}-{clock.GetUtcNow().UtcTicks}",
                ChannelId = "console",
                ServiceUrl = LocalChannel.ServiceUrl,
                Text = text,
                From = new ChannelAccount { Id = user, Name = user, Role = "user" },
                Recipient = new ChannelAccount { Id = "service-recovery-bot", Name = "ServiceRecoveryBot", Role = "bot" },
                Conversation = new ConversationAccount { Id = conversationId },
                MembersAdded = type == ActivityTypes.ConversationUpdate ? [new ChannelAccount { Id = user }] : null,
                Locale = "en-US",
            };
            var outcome = await turns.ProcessAsync(activity, ct);
            if (outcome.Status == TurnStatus.Rejected) await output.WriteLineAsync("! " + outcome.Error);
            var (replies, next) = transcript.Since(watermark);
            watermark = next;
            foreach (var reply in replies) await output.WriteLineAsync(Render(reply));
        }
    }

    internal static string Render(Activity reply)
    {
        var text = reply.Text ?? reply.Summary ?? "";
        if (reply.SuggestedActions is { Actions.Count: > 0 } actions && !text.Contains("\n1. ", StringComparison.Ordinal))
            text += "\n" + string.Join("\n", actions.Actions.Select((a, i) => $"{i + 1}. {a.Title}"));
        return "bot: " + Plain(text).Replace("\n", "\n     ", StringComparison.Ordinal);
    }

    /// <summary>
    /// What a terminal shows of the bot's markdown: <c>**bold**</c>, <c>_italic_</c> and <c>`code`</c> lose their marks, a
    /// link shows its address; and a keyboard has nothing to tap ("Tap one, or type its number" is "Type its number").
    /// </summary>
    internal static string Plain(string markdown)
    {
        var text = Bold().Replace(markdown, "${text}");
        text = Link().Replace(text, "${title} (${url})");
        text = Code().Replace(text, "${text}");
        text = Italic().Replace(text, "${text}");
        text = TapOrType().Replace(text, match => char.IsUpper(match.Value[0]) ? "Type" : "type");
        text = OrTap().Replace(text, match => match.Value.EndsWith("default", StringComparison.Ordinal) ? " or type 1 for the default" : " or type its number");
        return Tap().Replace(text, match => char.IsUpper(match.Value[0]) ? "Type" : "type");
    }

    [GeneratedRegex(@"\*\*(?<text>.+?)\*\*")]
    private static partial Regex Bold();

    [GeneratedRegex(@"\[(?<title>[^\]]+)\]\((?<url>[^)\s]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"`(?<text>[^`\n]+)`")]
    private static partial Regex Code();

    [GeneratedRegex(@"(?<![\w*])_(?<text>[^_\n]+)_(?![\w*])")]
    private static partial Regex Italic();

    [GeneratedRegex(@"\b[Tt]ap (one|the button|it),? or type\b")]
    private static partial Regex TapOrType();

    [GeneratedRegex(@",? or tap (one|the default)\b")]
    private static partial Regex OrTap();

    [GeneratedRegex(@"\b[Tt]ap\b")]
    private static partial Regex Tap();
}

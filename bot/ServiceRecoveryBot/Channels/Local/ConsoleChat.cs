using ServiceRecoveryBot.Turns;
using ServiceRecoveryBot.Protocol;

namespace ServiceRecoveryBot.Channels.Local;

/// <summary>
/// <c>chat</c>: the same pipeline as <c>/api/messages</c> in a terminal. Each line typed becomes a message activity;
/// the bot's replies arrive through the local channel's transcript.
/// </summary>
public sealed class ConsoleChat(TurnProcessor turns, LocalChannel local, TimeProvider clock)
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

    private static string Render(Activity reply)
    {
        var text = reply.Text ?? "";
        if (reply.SuggestedActions is { Actions.Count: > 0 } actions && !text.Contains("\n1. ", StringComparison.Ordinal))
            text += "\n" + string.Join("\n", actions.Actions.Select((a, i) => $"{i + 1}. {a.Title}"));
        return "bot: " + text.Replace("\n", "\n     ", StringComparison.Ordinal);
    }
}

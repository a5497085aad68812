using ServiceRecoveryBot.Protocol;

namespace ServiceRecoveryBot.Text;

/// <summary>The replies in the locale of the turn's activity (Teams and Web Chat send one on every activity).</summary>
public static class TurnReplies
{
    public static Replies Replies(this TurnContext turn) => Text.Replies.For(turn.Activity.Locale);
}

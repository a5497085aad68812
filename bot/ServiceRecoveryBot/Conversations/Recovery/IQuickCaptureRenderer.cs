using ServiceRecoveryBot.Protocol;

namespace ServiceRecoveryBot.Conversations.Recovery;

/// <summary>Shows the quick capture as the channel can: a card with inputs, or text with buttons and typed changes.</summary>
public interface IQuickCaptureRenderer
{
    Activity Render(TurnContext turn, QuickCapture capture);
}

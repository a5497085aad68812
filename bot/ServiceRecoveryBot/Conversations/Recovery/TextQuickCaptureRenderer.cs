using ServiceRecoveryBot.Protocol;
using ServiceRecoveryBot.Recovery.Playbooks;
using ServiceRecoveryBot.Text;

namespace ServiceRecoveryBot.Conversations.Recovery;

/// <summary>The quick capture as text: each line pre-filled, "ok" to log it, a typed line to change one; two buttons.</summary>
public sealed class TextQuickCaptureRenderer(RecoveryPlaybook playbook) : IQuickCaptureRenderer
{
    public Activity Render(TurnContext turn, QuickCapture capture) =>
        turn.Activity.CreateReply(turn.Replies().QuickCaptureText(capture.Lines(playbook))) with
        {
            InputHint = "expectingInput",
            SuggestedActions = new SuggestedActions
            {
                Actions =
                [
                    new CardAction { Type = "imBack", Title = turn.Replies().LogItButton, Value = "log it" },
                    new CardAction { Type = "imBack", Title = turn.Replies().WalkMeButton, Value = "walk me through it" },
                ],
            },
        };
}

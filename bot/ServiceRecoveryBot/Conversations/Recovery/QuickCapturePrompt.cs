using ServiceRecoveryBot.Dialogs;
using ServiceRecoveryBot.Protocol;
using ServiceRecoveryBot.Recovery.Playbooks;
using ServiceRecoveryBot.Text;

namespace ServiceRecoveryBot.Conversations.Recovery;

/// <summary>
/// Shows the quick capture and ends with the answer (<see cref="QuickCaptureAnswer"/>): a submitted card, or typed words.
/// A submit from another card (its step id differs) is answered "that card is old" and the current one shown again.
/// </summary>
public sealed class QuickCapturePrompt(IQuickCaptureRenderer renderer, RecoveryPlaybook playbook) : Dialog(DialogIds.QuickCapture)
{
    private const string CaptureKey = "capture";

    public override Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken ct)
    {
        var capture = options as QuickCapture ?? throw new ArgumentException("The quick capture needs a QuickCapture.", nameof(options));
        dc.ActiveDialog!.Write(CaptureKey, capture);
        dc.Context.Send(renderer.Render(dc.Context, capture));
        return Task.FromResult(DialogTurnResult.Waiting);
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken ct)
    {
        var turn = dc.Context;
        if (!turn.Activity.IsMessage) return DialogTurnResult.Waiting;
        var capture = Read(dc.ActiveDialog!);
        if (QuickCaptureReader.StepOf(turn.Activity.Value) is { } step && step != capture.StepId)
        {
            turn.SendText(turn.Replies().OldCard);
            turn.Send(renderer.Render(turn, capture));
            return DialogTurnResult.Waiting;
        }
        var answer = QuickCaptureReader.FromCard(turn.Activity.Value)
            ?? (PromptInput.TextOf(turn.Activity) is { Length: > 0 } text ? QuickCaptureReader.FromText(text, playbook) : null);
        if (answer is null)
        {
            turn.Send(turn.Activity.CreateReply(turn.Replies().QuickCaptureRetry) with { InputHint = "expectingInput" });
            return DialogTurnResult.Waiting;
        }
        return await dc.EndDialogAsync(answer, ct);
    }

    public override Task RepromptDialogAsync(DialogContext dc, DialogInstance instance, CancellationToken ct)
    {
        dc.Context.Send(renderer.Render(dc.Context, Read(instance)));
        return Task.CompletedTask;
    }

    public override string? Describe(DialogInstance instance, Protocol.TurnContext turn) => turn.Replies()["StageQuickCapture"];

    private static QuickCapture Read(DialogInstance frame) =>
        frame.Read<QuickCapture>(CaptureKey) ?? throw new InvalidOperationException("The quick capture frame has no capture.");
}

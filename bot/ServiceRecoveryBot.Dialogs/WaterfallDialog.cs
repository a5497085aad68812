namespace ServiceRecoveryBot.Dialogs;

/// <summary>
/// A dialog that runs its steps in order with typed state. The frame keeps the step index, the state, and the
/// indexes of steps that asked a question (so "back" can re-ask the previous one).
/// </summary>
public abstract class WaterfallDialog<TState>(string id, int version) : Dialog(id)
    where TState : class, new()
{
    private const string StepIndexKey = "stepIndex";
    private const string StateKey = "state";
    private const string AskedKey = "asked";

    private IReadOnlyList<WaterfallStep<TState>>? steps;

    public override int Version => version;

    /// <summary>The steps, in order. Name each for the move it makes.</summary>
    protected abstract WaterfallStep<TState>[] Steps { get; }

    private IReadOnlyList<WaterfallStep<TState>> StepList => steps ??= Steps;

    /// <summary>Creates the state when the dialog begins, from the options it was begun with.</summary>
    protected virtual TState CreateState(object? options) => new();

    public override Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken ct)
    {
        var frame = dc.ActiveDialog!;
        frame.Write(StepIndexKey, -1);
        frame.Write(StateKey, CreateState(options));
        frame.Write(AskedKey, Array.Empty<int>());
        return RunStepAsync(dc, 0, DialogReason.BeginCalled, null, options, ct);
    }

    public override Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken ct) =>
        // A waterfall waits only through a child; a message reaching it directly moves it on.
        RunStepAsync(dc, StepIndex(dc.ActiveDialog!) + 1, DialogReason.ContinueCalled, dc.Context.Activity.Text, null, ct);

    public override Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result, CancellationToken ct) =>
        RunStepAsync(dc, StepIndex(dc.ActiveDialog!) + 1, reason, result, null, ct);

    public override bool CanGoBack(DialogInstance instance) => Asked(instance).Count >= 2;

    public override Task<bool> GoBackAsync(DialogContext dc, CancellationToken ct) => GoBackCoreAsync(dc, ct);

    public override string? Describe(DialogInstance instance, Protocol.TurnContext turn)
    {
        var index = StepIndex(instance);
        return index >= 0 && index < StepList.Count ? DescribeStep(StepList[index].Method.Name, ReadState(instance), turn) : null;
    }

    /// <summary>How the "status" command names a step. Defaults to the step method's name.</summary>
    protected virtual string DescribeStep(string stepName, TState state, Protocol.TurnContext turn) => stepName;

    /// <summary>The typed state held by a frame of this dialog.</summary>
    public TState ReadState(DialogInstance instance) => instance.Read<TState>(StateKey) ?? new TState();

    internal Task<DialogTurnResult> RunNextStepAsync(DialogContext dc, WaterfallStepContext<TState> step, object? result, CancellationToken ct)
    {
        Save(dc, step);
        return RunStepAsync(dc, step.Index + 1, DialogReason.NextCalled, result, null, ct);
    }

    internal void Save(DialogContext dc, WaterfallStepContext<TState> step) => FrameOf(dc).Write(StateKey, step.State);

    private async Task<bool> GoBackCoreAsync(DialogContext dc, CancellationToken ct)
    {
        var frame = dc.ActiveDialog!;
        var asked = Asked(frame);
        asked.RemoveAt(asked.Count - 1);
        var previous = asked[^1];
        asked.RemoveAt(asked.Count - 1);
        frame.Write(AskedKey, asked);
        await RunStepAsync(dc, previous, DialogReason.BackCalled, null, null, ct);
        return true;
    }

    private async Task<DialogTurnResult> RunStepAsync(DialogContext dc, int index, DialogReason reason, object? result, object? options, CancellationToken ct)
    {
        if (index >= StepList.Count)
            return await dc.EndDialogAsync(result, ct);

        var frame = dc.ActiveDialog!;
        frame.Write(StepIndexKey, index);
        var step = new WaterfallStepContext<TState>(this, dc, ReadState(frame), index, reason, result, options);
        var outcome = await StepList[index](step, ct);
        if (outcome.Status == DialogTurnStatus.Waiting && step.StartedChild)
            RecordAsked(frame, index);
        return outcome;
    }

    private static void RecordAsked(DialogInstance frame, int index)
    {
        var asked = Asked(frame);
        if (asked.Count > 0 && asked[^1] == index) return;
        asked.Add(index);
        frame.Write(AskedKey, asked);
    }

    /// <summary>The steps that asked a question, in the order they asked.</summary>
    private static List<int> Asked(DialogInstance frame) => frame.Read<List<int>>(AskedKey) ?? [];

    private static int StepIndex(DialogInstance frame) => frame.Read<int?>(StepIndexKey) ?? -1;

    private DialogInstance FrameOf(DialogContext dc) =>
        dc.Stack.LastOrDefault(frame => frame.Id == Id) ?? throw new InvalidOperationException($"Dialog '{Id}' is not on the stack.");
}

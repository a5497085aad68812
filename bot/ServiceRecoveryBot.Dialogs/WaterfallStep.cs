namespace ServiceRecoveryBot.Dialogs;

/// <summary>One step of a waterfall: does its work, then prompts, moves on, or ends.</summary>
public delegate Task<DialogTurnResult> WaterfallStep<TState>(WaterfallStepContext<TState> step, CancellationToken ct)
    where TState : class, new();

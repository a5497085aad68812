namespace ServiceRecoveryBot.Guidance;

/// <summary>
/// Where someone is in a step-by-step guide: the model id and the zero-based step. Immutable and two plain values,
/// so it can live in conversation state as (model id, step).
/// </summary>
public sealed record PlaybookWalk(string ModelId, int Step)
{
    public static PlaybookWalk Start(string modelId) => new(modelId, 0);

    /// <summary>The following step, or null when this was the last one.</summary>
    public PlaybookWalk? Next(RecoveryModel model) => Step + 1 < model.Steps.Count ? this with { Step = Step + 1 } : null;

    /// <summary>The previous step; stays on the first.</summary>
    public PlaybookWalk Back() => Step > 0 ? this with { Step = Step - 1 } : this;

    /// <summary>All the model's steps, for "all steps".</summary>
    public static IReadOnlyList<ModelStep> Whole(RecoveryModel model) => model.Steps;

    public bool IsFirst => Step == 0;

    public bool IsLast(RecoveryModel model) => Step >= model.Steps.Count - 1;

    /// <summary>The current step, clamped to the model (a stored walk may outlive a shorter model).</summary>
    public ModelStep Current(RecoveryModel model) => model.Steps[Math.Clamp(Step, 0, model.Steps.Count - 1)];
}

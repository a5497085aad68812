using ServiceRecoveryBot.Dialogs;
using ServiceRecoveryBot.Dialogs.Prompts;
using ServiceRecoveryBot.Recovery.Playbooks;
using ServiceRecoveryBot.Text;

namespace ServiceRecoveryBot.Conversations.Practice;

/// <summary>
/// Practice mode ("practice", "give me a hard one"): a hard made-up case, the customer's words, "what do you say
/// first?", then feedback on the answer and the playbook's wording to compare. Nothing is saved as a case.
/// </summary>
public sealed class PracticeDialog(PracticeScenarios scenarios, RecoveryPlaybook playbook) : WaterfallDialog<PracticeDraft>(DialogIds.Practice, version: 1)
{
    protected override WaterfallStep<PracticeDraft>[] Steps => [AskStepAsync, FeedbackStepAsync];

    protected override PracticeDraft CreateState(object? options) => new() { PreviousId = options as string };

    protected override string DescribeStep(string stepName, PracticeDraft state, Protocol.TurnContext turn) =>
        turn.Replies()["StagePractice", state.ScenarioId ?? ""];

    private Task<DialogTurnResult> AskStepAsync(WaterfallStepContext<PracticeDraft> step, CancellationToken ct)
    {
        var scenario = scenarios.After(step.State.PreviousId, step.Context.ReceivedAt.Second);
        step.State.ScenarioId = scenario.Id;
        return step.PromptAsync(DialogIds.Text, new PromptOptions { Prompt = step.Context.Replies().PracticeScenario(scenario.Sector, scenario.Situation, scenario.CustomerWords) }, ct);
    }

    private async Task<DialogTurnResult> FeedbackStepAsync(WaterfallStepContext<PracticeDraft> step, CancellationToken ct)
    {
        var scenario = scenarios.All.First(s => s.Id == step.State.ScenarioId);
        var said = step.Result as string ?? "";
        var model = ApologyWording.For(playbook.For(scenario.Category), scenario.Severity, tone: null);
        var marks = PracticeFeedback.Assess(said);
        step.Context.SendText(step.Context.Replies().PracticeFeedback(
            new PracticeMarks(marks.SaidSorry, marks.NamedFeelings, marks.SaidWhatsNext, marks.Excuses, marks.Score), scenario.WatchFor, model));
        return await step.EndDialogAsync(new PracticeDone(scenario.Id), ct);
    }
}

/// <summary>What a finished practice returns: the scenario, so the next one is another.</summary>
public sealed record PracticeDone(string ScenarioId);

/// <summary>The practice dialog's typed state.</summary>
public sealed class PracticeDraft
{
    public string? PreviousId { get; set; }
    public string? ScenarioId { get; set; }
}

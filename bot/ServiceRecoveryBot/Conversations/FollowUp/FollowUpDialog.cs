using System.Globalization;
using Microsoft.Extensions.Options;
using ServiceRecoveryBot.Turns.Effects;
using ServiceRecoveryBot.Conversations.Recovery;
using ServiceRecoveryBot.Dialogs;
using ServiceRecoveryBot.Dialogs.Prompts;
using ServiceRecoveryBot.Recovery.Cases;
using ServiceRecoveryBot.Reminders;
using ServiceRecoveryBot.Recovery.Playbooks;
using ServiceRecoveryBot.Sentiment;
using ServiceRecoveryBot.Sentiment.Languages;
using ServiceRecoveryBot.Text;
using ServiceRecoveryBot.Understanding;

namespace ServiceRecoveryBot.Conversations.FollowUp;

/// <summary>
/// Recording a follow-up, started from the reminder: did you reach the customer? → satisfaction 1-5 → their words
/// (tone scored) → recovered? → root cause → lesson → the case closes, or stays open with a new follow-up.
/// Not reached: when to try again, and the follow-up moves.
/// </summary>
public sealed class FollowUpDialog(ISentimentAnalyzer tone, IUnderstanding understanding, RecoveryPlaybook playbook, IOptions<RecoveryOptions> options)
    : WaterfallDialog<FollowUpDraft>(DialogIds.FollowUpCase, version: 2)
{
    /// <summary>The root causes as recorded (English, for the figures), each with its label in the catalog.</summary>
    public static readonly (string Cause, string Label)[] RootCauses =
    [
        ("Process", "RootCauseProcess"), ("People or training", "RootCausePeople"), ("Product", "RootCauseProduct"),
        ("System or technology", "RootCauseSystem"), ("Supplier or partner", "RootCauseSupplier"), ("Communication", "RootCauseCommunication"),
        ("Staffing or capacity", "RootCauseStaffing"), ("Other", "RootCauseOther"),
    ];

    protected override WaterfallStep<FollowUpDraft>[] Steps =>
    [
        AskContactStepAsync, AskReachedStepAsync, AskSatisfactionStepAsync, AskWordsStepAsync, AskRecoveredStepAsync, AskRootCauseStepAsync,
        AskRootCauseDetailStepAsync, AskLessonStepAsync, AskNextFollowUpStepAsync, RecordStepAsync,
    ];

    protected override FollowUpDraft CreateState(object? options) => new() { Case = options as RecoveryCase };

    protected override string DescribeStep(string stepName, FollowUpDraft state, Protocol.TurnContext turn) =>
        turn.Replies()["StageFollowUpOf", state.Case?.Id.Value ?? ""];

    /// <summary>A follow-up needs a way to reach the customer: asked for when the case has none (kept only in the case).</summary>
    private static Task<DialogTurnResult> AskContactStepAsync(WaterfallStepContext<FollowUpDraft> step, CancellationToken ct)
    {
        if (step.State.Case!.Contact is not null) return step.NextAsync(null, ct);
        return step.PromptAsync(DialogIds.Text, new PromptOptions { Prompt = step.Context.Replies().AskContact, Skippable = true }, ct);
    }

    private Task<DialogTurnResult> AskReachedStepAsync(WaterfallStepContext<FollowUpDraft> step, CancellationToken ct)
    {
        if (step.Result is string contact)
        {
            step.State.Case = step.State.Case! with { Contact = contact.Trim() };
            step.Context.Effects.SaveCase(step.State.Case.Touch(step.Context.ReceivedAt));
        }
        var c = step.State.Case!;
        var say = step.Context.Replies();
        return step.PromptAsync(DialogIds.Confirm, new PromptOptions
        {
            Prompt = say["FollowUpFor", c.Id, say.Describe(c.Status), c.WhatHappened] + "\n\n" +
                (c.Contact is { } reach ? say["ReachThemAt", reach] + "\n\n" : "") +
                say.FollowUpMessages(MessagesFor(say, c)) + say["DidYouReach"],
            Choices = YesNo(say),
        }, ct);
    }

    /// <summary>The message to send, in the staff member's language and, when the customer's words were in another one the playbook has, in that one too.</summary>
    private IReadOnlyList<(string Language, string Message)> MessagesFor(Replies say, RecoveryCase c)
    {
        var messages = new List<(string, string)>();
        messages.Add((say.LanguageName(say.Language), say.FollowUpDraft(c)));
        if (c.Tones.LastOrDefault()?.Language is { } code && code != say.Language && playbook.FollowUpMessageIn(code, c.OpenedAt) is { } theirs)
            messages.Add((say.LanguageName(code), theirs));
        return messages;
    }

    private Task<DialogTurnResult> AskSatisfactionStepAsync(WaterfallStepContext<FollowUpDraft> step, CancellationToken ct)
    {
        step.State.Reached = step.Result is true;
        if (!step.State.Reached)
            return step.PromptAsync(DialogIds.FollowUp, FollowUpTimePrompt(step, step.Context.Replies()["WhenTryAgain"]), ct);
        return step.PromptAsync(DialogIds.Choice, new PromptOptions
        {
            Prompt = step.Context.Replies()["AskSatisfaction"],
            Choices = Enumerable.Range(1, 5).Select(n => new Choice(n.ToString(CultureInfo.InvariantCulture))).ToList(),
        }, ct);
    }

    private Task<DialogTurnResult> AskWordsStepAsync(WaterfallStepContext<FollowUpDraft> step, CancellationToken ct)
    {
        if (!step.State.Reached) return RescheduleAsync(step, (string)step.Result!, ct);
        step.State.Satisfaction = int.Parse(((FoundChoice)step.Result!).Value, CultureInfo.InvariantCulture);
        return step.PromptAsync(DialogIds.Text, new PromptOptions { Prompt = step.Context.Replies()["AskTheirWords"], Skippable = true }, ct);
    }

    private async Task<DialogTurnResult> AskRecoveredStepAsync(WaterfallStepContext<FollowUpDraft> step, CancellationToken ct)
    {
        if (step.Result is string words)
        {
            step.State.CustomerWords = words;
            // The same reading as the case's opening words: the seam's flags, and complaints never read as calm.
            var assessment = understanding.Understand(words, UnderstandingPurpose.CustomerWords, ct).ToneOf(await tone.AnalyzeAsync(words, step.Context.Activity.Locale, ct));
            step.Context.SendText(ToneLine.Format(assessment));
            var c = step.State.Case!;
            step.State.Case = c with { Tones = [.. c.Tones, ToneReading.Of(assessment, step.Context.ReceivedAt)] };
            if (assessment.IsRead && c.Tones.FirstOrDefault(t => t.Scored) is { } first)
                step.Context.SendText(step.Context.Replies()["ToneMoved", Signed(first.Compound), Signed(assessment.Compound)]);
        }
        var say = step.Context.Replies();
        return await step.PromptAsync(DialogIds.Confirm, new PromptOptions { Prompt = say["AskRecovered"], Choices = YesNo(say) }, ct);
    }

    private static Task<DialogTurnResult> AskRootCauseStepAsync(WaterfallStepContext<FollowUpDraft> step, CancellationToken ct)
    {
        step.State.Recovered = step.Result is true;
        return step.PromptAsync(DialogIds.Choice, new PromptOptions
        {
            Prompt = step.Context.Replies()["AskRootCause"],
            Choices = RootCauses.Select(r => new Choice(r.Cause, step.Context.Replies()[r.Label], Replies.InEveryLocale(r.Label))).ToList(),
        }, ct);
    }

    private static Task<DialogTurnResult> AskRootCauseDetailStepAsync(WaterfallStepContext<FollowUpDraft> step, CancellationToken ct)
    {
        step.State.RootCause = ((FoundChoice)step.Result!).Value;
        return step.PromptAsync(DialogIds.Text, new PromptOptions { Prompt = step.Context.Replies()["AskCauseDetail"], Skippable = true }, ct);
    }

    private static Task<DialogTurnResult> AskLessonStepAsync(WaterfallStepContext<FollowUpDraft> step, CancellationToken ct)
    {
        step.State.RootCauseDetail = step.Result as string;
        return step.PromptAsync(DialogIds.Text, new PromptOptions { Prompt = step.Context.Replies()["AskLesson"], Skippable = true }, ct);
    }

    private Task<DialogTurnResult> AskNextFollowUpStepAsync(WaterfallStepContext<FollowUpDraft> step, CancellationToken ct)
    {
        step.State.Lesson = step.Result as string;
        if (step.State.Recovered) return step.NextAsync(null, ct);
        return step.PromptAsync(DialogIds.FollowUp, FollowUpTimePrompt(step, step.Context.Replies()["NotRecoveredWhenAgain"]), ct);
    }

    private async Task<DialogTurnResult> RecordStepAsync(WaterfallStepContext<FollowUpDraft> step, CancellationToken ct)
    {
        var s = step.State;
        var next = step.Result is string answer ? When(step, answer) : (DateTimeOffset?)null;
        var outcome = new FollowUpOutcome(step.Context.ReceivedAt, true, s.Satisfaction, s.CustomerWords, s.Recovered, s.RootCause, s.RootCauseDetail, s.Lesson);
        var updated = s.Case!.RecordFollowUp(outcome, next, Staff(step)).Touch(step.Context.ReceivedAt);
        step.Context.Effects.SaveCase(updated);
        if (updated.IsOpen) step.Context.Effects.Add(new ScheduleFollowUp(updated));
        var say = step.Context.Replies();
        step.Context.SendText(updated.IsOpen
            ? say["RecordedStaysOpen", updated.Id, say.When(updated.FollowUpAt!.Value)]
            : (say["RecordedClosed", updated.Id] + (s.Recovered ? " " + say["RecoveredWellDone"] : "")).Trim());
        return await step.EndDialogAsync(updated, ct);
    }

    private async Task<DialogTurnResult> RescheduleAsync(WaterfallStepContext<FollowUpDraft> step, string answer, CancellationToken ct)
    {
        var at = When(step, answer);
        var moved = step.State.Case!.Record(CaseStep.Snoozed, step.Context.ReceivedAt, Staff(step), "customer not reached") with { FollowUpAt = at };
        moved = moved.Touch(step.Context.ReceivedAt);
        step.Context.Effects.SaveCase(moved);
        step.Context.Effects.Add(new ScheduleFollowUp(moved));
        step.Context.SendText(step.Context.Replies()["RemindAgain", step.Context.Replies().When(at)]);
        return await step.EndDialogAsync(moved, ct);
    }

    private PromptOptions FollowUpTimePrompt(WaterfallStepContext<FollowUpDraft> step, string question)
    {
        var suggested = RecoveryDialog.DefaultFollowUpAt(step.Context, options.Value);
        return new PromptOptions
        {
            Prompt = question,
            Choices = RecoveryDialog.FollowUpChoices(step.Context.Replies(), suggested),
            Suggested = RecoveryDialog.DefaultChoice,
        };
    }

    private DateTimeOffset When(WaterfallStepContext<FollowUpDraft> step, string answer) =>
        answer == RecoveryDialog.DefaultChoice
            ? RecoveryDialog.DefaultFollowUpAt(step.Context, options.Value)
            : RecoveryDialog.ReadWhen(answer, step.Context, options.Value)
              ?? RecoveryDialog.DefaultFollowUpAt(step.Context, options.Value);

    /// <summary>Yes and No in the locale, either language's word picking one.</summary>
    private static List<Choice> YesNo(Replies say) =>
        [new("yes", say["Yes"], Replies.InEveryLocale("Yes")), new("no", say["No"], Replies.InEveryLocale("No"))];

    private static string Signed(double compound) => compound.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture);

    private static string Staff(WaterfallStepContext<FollowUpDraft> step) => step.Context.Activity.From?.Id ?? "unknown";
}

using Microsoft.Extensions.Options;
using ServiceRecoveryBot.Turns.Effects;
using ServiceRecoveryBot.Conversations.Managers;
using ServiceRecoveryBot.Dialogs;
using ServiceRecoveryBot.Dialogs.Prompts;
using ServiceRecoveryBot.Recovery.Cases;
using ServiceRecoveryBot.Recovery.Compensation;
using ServiceRecoveryBot.Recovery.Playbooks;
using ServiceRecoveryBot.Reminders;
using ServiceRecoveryBot.Text;

namespace ServiceRecoveryBot.Conversations.Recovery;

/// <summary>
/// The quick path, the default: the first reply says what to say now, then one pre-filled capture (card or typed lines)
/// logs the whole case with the coached walk's timeline, approval and reminders; "walk me through it" switches to it.
/// </summary>
public sealed class QuickRecoveryDialog(
    RecoveryPlaybook playbook,
    CaseOpening opening,
    CompensationPolicy compensation,
    ManagerChannelNotifier managers,
    IOptions<RecoveryOptions> options,
    IChannelCapabilities channels)
    : WaterfallDialog<RecoveryDraft>(DialogIds.QuickRecovery, version: 1)
{
    protected override WaterfallStep<RecoveryDraft>[] Steps => [AskWhatHappenedStepAsync, ShowCaptureStepAsync, LogCaseStepAsync];

    protected override string DescribeStep(string stepName, RecoveryDraft state, Protocol.TurnContext turn) =>
        turn.Replies()[stepName == nameof(AskWhatHappenedStepAsync) ? "StageWhatHappened" : "StageQuickCapture"];

    private static Task<DialogTurnResult> AskWhatHappenedStepAsync(WaterfallStepContext<RecoveryDraft> step, CancellationToken ct)
    {
        if (step.Options is RecoveryStart { FirstMessage: { Length: > 0 } first }) return step.NextAsync(first, ct);
        return step.PromptAsync(DialogIds.Text, new PromptOptions { Prompt = step.Context.Replies().AskWhatHappened }, ct);
    }

    private async Task<DialogTurnResult> ShowCaptureStepAsync(WaterfallStepContext<RecoveryDraft> step, CancellationToken ct)
    {
        var opened = await opening.OpenAsync(step.Context, (string)step.Result!, ct);
        var draft = step.State;
        draft.Case = opened.Case;
        draft.SuggestedCategory = opened.Category;
        draft.SuggestedSeverity = opened.Severity.Severity;
        var category = opened.Category ?? FailureCategory.Other;
        var tier = opened.Case.Customer?.Tier ?? CustomerTier.New;
        var suggestion = compensation.Suggest(category, opened.Severity.Severity, tier);
        draft.SuggestedLevel = suggestion.Level;
        var gesture = suggestion.Gestures[0];
        var capture = new QuickCapture
        {
            StepId = $"quick:{opened.Case.Id}",
            CaseId = opened.Case.Id,
            Category = category,
            CategorySuggested = opened.Category is not null,
            Customer = opened.Case.Customer?.NameOrReference,
            Tier = tier,
            Severity = opened.Severity.Severity,
            SeverityWhy = string.Join("; ", opened.Severity.Reasons),
            Fix = playbook.For(category).Fixes[0],
            Fixes = playbook.For(category).Fixes,
            Atonement = gesture,
            Gestures = suggestion.Gestures,
            AtonementNeedsApproval = compensation.Assess(gesture, suggestion.Level, opened.Severity.Severity).Approval == ApprovalState.Pending,
            FollowUpAt = FollowUpTiming.Suggest(opened.Case with { Severity = opened.Severity.Severity }, step.Context.ReceivedAt,
                UserTimeZone.Of(step.Context.Activity, options.Value.Zone), options.Value.FollowUpTime).At,
        };
        return await step.BeginDialogAsync(DialogIds.QuickCapture, capture, ct);
    }

    private async Task<DialogTurnResult> LogCaseStepAsync(WaterfallStepContext<RecoveryDraft> step, CancellationToken ct)
    {
        var draft = step.State;
        var answer = (QuickCaptureAnswer)step.Result!;
        if (answer.Walk)
            return await step.ReplaceDialogAsync(DialogIds.Recovery, new RecoveryStart(null, draft.Case, draft.SuggestedCategory), ct);

        var turn = step.Context;
        var now = turn.ReceivedAt;
        var by = turn.Activity.From?.Id ?? "unknown";
        var c = draft.Case!;
        var shownCategory = draft.SuggestedCategory ?? FailureCategory.Other;
        var category = answer.Category ?? shownCategory;
        var guide = playbook.For(category);
        var tier = answer.Tier ?? c.Customer?.Tier ?? CustomerTier.New;
        var severity = answer.Severity ?? draft.SuggestedSeverity ?? guide.BaseSeverity;
        var suggestion = compensation.Suggest(category, severity, tier);
        // A changed category brings its own fix and gesture, unless the staff member gave theirs.
        var fix = answer.Fix ?? (category == shownCategory ? playbook.For(shownCategory).Fixes[0] : guide.Fixes[0]);
        var offer = answer.Atonement ?? (category == shownCategory ? compensation.Suggest(shownCategory, draft.SuggestedSeverity ?? severity, c.Customer?.Tier ?? CustomerTier.New).Gestures[0] : suggestion.Gestures[0]);

        c = c.Record(CaseStep.Categorised, now, by, category.ToString()) with { Category = category };
        c = c with { Customer = new Customer(answer.Customer ?? c.Customer?.NameOrReference, tier) };
        c = c.Record(CaseStep.CustomerCaptured, now, by, tier.ToString());
        c = c.Record(CaseStep.SeveritySet, now, by, $"S{severity}") with { Severity = severity, NeedsManagerAttention = c.NeedsManagerAttention || severity >= 4 };
        c = c.Record(CaseStep.Apologised, now, by) with { Apology = ApologyWording.For(guide, severity, c.Tones.LastOrDefault()) };
        c = c.Record(CaseStep.Listened, now, by);
        c = c.Record(CaseStep.Fixed, now, by, fix) with { FixDone = fix };

        Atonement? atonement = null;
        if (offer == "none")
        {
            c = c.Record(CaseStep.AtonementOffered, now, by, "none");
        }
        else
        {
            atonement = compensation.Assess(offer, suggestion.Level, severity);
            c = c.Record(CaseStep.AtonementOffered, now, by, offer) with { Atonement = atonement };
            if (atonement.Approval == ApprovalState.Pending)
                c = c.Record(CaseStep.ApprovalRequested, now, by, $"level {atonement.Level}") with { NeedsManagerAttention = true };
        }

        var zone = UserTimeZone.Of(turn.Activity, options.Value.Zone);
        if (answer.Promise is { } promised && promised != "none")
        {
            var due = DateTimeRecognizer.Recognize(RecoveryDialog.ExtractWhen(promised), now, zone, options.Value.FollowUpTime);
            c = c.Record(CaseStep.PromiseMade, now, by, promised) with { Promise = new Promise(promised, due) };
        }

        var followUp = FollowUpTiming.Suggest(c, now, zone, options.Value.FollowUpTime).At;
        if (answer.FollowUp is { } when && when != RecoveryDialog.DefaultChoice)
        {
            if (DateTimeRecognizer.Recognize(when, now, zone, options.Value.FollowUpTime) is { } at && at > now) followUp = at;
            else turn.SendText(turn.Replies().FollowUpNotRead(when, followUp));
        }
        c = c.AwaitFollowUp(followUp, now, by).Touch(now);
        draft.Case = c;
        turn.Effects.SaveCase(c);

        if (atonement is { Approval: ApprovalState.Pending })
        {
            turn.SendText(turn.Replies().AtonementNeedsApproval(atonement, compensation.Authority));
            var audience = await managers.ReachableAsync(c.TeamKey, ct);
            turn.SendText(turn.Replies().ApprovalAsked(audience.Names, audience.IsChannel, compensation.Authority));
            turn.Effects.Add(new RequestApproval(c, now)); // after the case is saved, so a manager who answers at once finds it
        }
        turn.Effects.Add(new ScheduleFollowUp(c, AndPromise: true));
        RecoveryDialog.SendSummary(turn, c, playbook, channels);
        return await step.EndDialogAsync(c, ct);
    }
}

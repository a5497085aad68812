using Microsoft.Extensions.Options;
using ServiceRecoveryBot.Turns.Effects;
using ServiceRecoveryBot.Conversations.Managers;
using ServiceRecoveryBot.Dialogs;
using ServiceRecoveryBot.Dialogs.Prompts;
using ServiceRecoveryBot.Operations;
using ServiceRecoveryBot.Recovery.Cases;
using ServiceRecoveryBot.Recovery.Compensation;
using ServiceRecoveryBot.Recovery.Playbooks;
using ServiceRecoveryBot.Reminders;
using ServiceRecoveryBot.Sentiment;
using ServiceRecoveryBot.Sentiment.Languages;
using ServiceRecoveryBot.Understanding;
using ServiceRecoveryBot.Text;

namespace ServiceRecoveryBot.Conversations.Recovery;

/// <summary>
/// The recovery, step by step: what happened → category → customer → their words → severity → apologize → listen →
/// fair fix → atonement → keep promises → follow up → summary. Each step first records the answer to the previous
/// question, then asks the next one, skipping any question the case already answers (from the first message, or
/// because the case is being resumed), except when "back" re-asks it: then the new answer replaces the old one and the
/// dialog goes on to the first question still open.
/// </summary>
public sealed class RecoveryDialog(
    RecoveryPlaybook playbook,
    CaseOpening opening,
    IUnderstanding understanding,
    SeverityAdvisor severities,
    CompensationPolicy compensation,
    ISentimentAnalyzer tone,
    ManagerChannelNotifier managers,
    ICaseStore cases,
    IOptions<RecoveryOptions> options,
    IChannelCapabilities channels)
    : WaterfallDialog<RecoveryDraft>(DialogIds.Recovery, version: 1)
{
    private const string Done = "Done";
    private const string Default = DefaultChoice;

    /// <summary>The value of the "default time" button on follow-up questions.</summary>
    public const string DefaultChoice = "default";

    /// <summary>Words that take a marked suggestion ("Looks like a billing error. Right?" "yes").</summary>
    private static readonly string[] AcceptSuggestion =
        ["yes", "ok", "right", "correct", "suggested", "sí", "si", "vale", "correcto", "eso es", "sugerido", "sugerida"];

    protected override WaterfallStep<RecoveryDraft>[] Steps =>
    [
        AskWhatHappenedStepAsync,
        OpenCaseStepAsync,
        ConfirmCategoryStepAsync,
        IdentifyCustomerStepAsync,
        AskTierStepAsync,
        CaptureWordsStepAsync,
        AssessSeverityStepAsync,
        ApologizeStepAsync,
        ListenStepAsync,
        FixStepAsync,
        AtoneStepAsync,
        PromiseStepAsync,
        PromiseDueStepAsync,
        FollowUpStepAsync,
        SummarizeStepAsync,
    ];

    protected override RecoveryDraft CreateState(object? options) =>
        options is RecoveryStart { Resume: { } resumed } start
            ? new RecoveryDraft { Case = resumed, PromiseAsked = resumed.Promise is not null, SuggestedCategory = start.SuggestedCategory }
            : new RecoveryDraft();

    protected override string DescribeStep(string stepName, RecoveryDraft state, Protocol.TurnContext turn) => turn.Replies()[stepName switch
    {
        // A step waits on the question it asked, which is the next stage's.
        nameof(AskWhatHappenedStepAsync) => "StageWhatHappened",
        nameof(OpenCaseStepAsync) => "StageCategory",
        nameof(ConfirmCategoryStepAsync) or nameof(IdentifyCustomerStepAsync) => "StageCustomer",
        nameof(AskTierStepAsync) => "StageCustomerWords",
        nameof(CaptureWordsStepAsync) => "StageSeverity",
        nameof(AssessSeverityStepAsync) => "StageApologize",
        nameof(ApologizeStepAsync) => "StageListen",
        nameof(ListenStepAsync) => "StageFix",
        nameof(FixStepAsync) => "StageAtone",
        nameof(AtoneStepAsync) or nameof(PromiseStepAsync) => "StagePromise",
        nameof(PromiseDueStepAsync) => "StageFollowUp",
        _ => "StageSummary",
    }];

    private static Task<DialogTurnResult> AskWhatHappenedStepAsync(WaterfallStepContext<RecoveryDraft> step, CancellationToken ct)
    {
        if (step.State.Case is not null) return step.NextAsync(null, ct);
        if (step.Options is RecoveryStart { FirstMessage: { Length: > 0 } first }) return step.NextAsync(first, ct);
        return step.PromptAsync(DialogIds.Text, new PromptOptions { Prompt = step.Context.Replies().AskWhatHappened }, ct);
    }

    private async Task<DialogTurnResult> OpenCaseStepAsync(WaterfallStepContext<RecoveryDraft> step, CancellationToken ct)
    {
        var draft = step.State;
        if (draft.Case is null)
        {
            var opened = await opening.OpenAsync(step.Context, (string)step.Result!, ct);
            draft.Case = opened.Case;
            draft.SuggestedCategory = opened.Category;
        }
        if (Skip(step, draft.Case.Category is not null)) return await step.NextAsync(null, ct);

        var say = step.Context.Replies();
        var suggested = draft.SuggestedCategory is { } s ? playbook.For(s) : null;
        // In the playbook's order always, so a number means the same category every time; the suggestion is marked.
        var choices = playbook.Categories
            .Select(c => c.Category == draft.SuggestedCategory
                ? new Choice(c.Category.ToString(), say["Suggested", c.Title], [c.Category.ToString(), c.Title, .. AcceptSuggestion], Urgent: c.Category == FailureCategory.SafetyOrHealth)
                : new Choice(c.Category.ToString(), c.Title, [c.Category.ToString()], Urgent: c.Category == FailureCategory.SafetyOrHealth))
            .ToList();
        return await step.PromptAsync(DialogIds.Choice, new PromptOptions
        {
            Prompt = step.Context.Replies().AskCategory(suggested),
            RetryPrompt = say["RetryCategory"],
            Choices = choices,
            Suggested = draft.SuggestedCategory?.ToString(),
        }, ct);
    }

    private Task<DialogTurnResult> ConfirmCategoryStepAsync(WaterfallStepContext<RecoveryDraft> step, CancellationToken ct)
    {
        var draft = step.State;
        if (step.Result is FoundChoice found)
            Update(step, draft.Case!.Record(CaseStep.Categorised, step.Context.ReceivedAt, Staff(step), found.Value) with { Category = Enum.Parse<FailureCategory>(found.Value) });
        if (Skip(step, draft.Case!.Customer is not null)) return step.NextAsync(null, ct);
        return step.PromptAsync(DialogIds.Text, new PromptOptions { Prompt = step.Context.Replies().AskCustomer, Skippable = true }, ct);
    }

    private Task<DialogTurnResult> IdentifyCustomerStepAsync(WaterfallStepContext<RecoveryDraft> step, CancellationToken ct)
    {
        var draft = step.State;
        // A name or reference given is published at once, so that a colleague's search ("any news on Mr Hendricks?") finds the case.
        var named = step.Result is string;
        if (draft.Case!.Customer is null)
            Update(step, draft.Case with { Customer = new Customer(step.Result as string, CustomerTier.New) }, publish: named);
        else if (step.Result is string name)
            Update(step, draft.Case with { Customer = draft.Case.Customer with { NameOrReference = name } }, publish: true);
        if (Skip(step, draft.Case!.Timeline.Any(e => e.Step == CaseStep.CustomerCaptured) || IncidentParser.Parse(draft.Case.WhatHappened).Tier is not null))
            return step.NextAsync(null, ct);
        return step.PromptAsync(DialogIds.Tier, new PromptOptions
        {
            Prompt = step.Context.Replies().AskTier,
            RetryPrompt = step.Context.Replies()["RetryTier"],
            Choices =
            [
                new("New", step.Context.Replies()["TierChoiceNew"], [.. Replies.InEveryLocale("TierChoiceNew"), "nueva", "new customer", "cliente nuevo"]),
                new("Regular", step.Context.Replies()["TierChoiceRegular"], [.. Replies.InEveryLocale("TierChoiceRegular"), "regular", "habitual"]),
                new("Vip", step.Context.Replies()["TierChoiceVip"], ["vip", "platinum", "gold", "platino", "oro"]),
            ],
            Skippable = true, // a staff member in a hurry skips it: the customer stays "new"
        }, ct);
    }

    private async Task<DialogTurnResult> AskTierStepAsync(WaterfallStepContext<RecoveryDraft> step, CancellationToken ct)
    {
        var draft = step.State;
        if (step.Result is string name) // the customer's name, typed at the tier question: noted, then the question again
        {
            var reference = draft.Case!.Customer?.NameOrReference;
            var named = reference is null || reference.Contains(name, StringComparison.OrdinalIgnoreCase) ? name : $"{name} ({reference})";
            Update(step, draft.Case with { Customer = (draft.Case.Customer ?? new Customer(null, CustomerTier.New)) with { NameOrReference = named } }, publish: true);
            step.Context.SendText(step.Context.Replies().CustomerNoted(named));
            return await step.ReplaceDialogAsync(DialogIds.Recovery, new RecoveryStart(null, draft.Case), ct);
        }
        if (step.Result is FoundChoice tier)
            Update(step, draft.Case! with { Customer = draft.Case.Customer! with { Tier = Enum.Parse<CustomerTier>(tier.Value) } });
        if (!draft.Case!.Timeline.Any(e => e.Step == CaseStep.CustomerCaptured))
            Update(step, draft.Case.Record(CaseStep.CustomerCaptured, step.Context.ReceivedAt, Staff(step), draft.Case.Customer!.Tier.ToString()));
        if (Skip(step, draft.Case!.CustomerWords is not null || draft.Case.Severity is not null)) return await step.NextAsync(null, ct);
        return await step.PromptAsync(DialogIds.Text, new PromptOptions { Prompt = step.Context.Replies().AskCustomerWords, Skippable = true }, ct);
    }

    private async Task<DialogTurnResult> CaptureWordsStepAsync(WaterfallStepContext<RecoveryDraft> step, CancellationToken ct)
    {
        var draft = step.State;
        if (step.Result is string words)
        {
            Update(step, draft.Case! with { CustomerWords = words });
            await ReadToneAsync(step, words, ct);
        }
        else if (draft.Case!.CustomerWords is { } said && draft.Case.Tones.Count == 0)
        {
            await ReadToneAsync(step, said, ct); // the words came with the first message
        }
        var c = draft.Case!;
        if (Skip(step, c.Severity is not null)) return await step.NextAsync(null, ct);

        var advice = severities.Suggest(c.Category ?? FailureCategory.Other, c.WhatHappened, c.CustomerWords, c.Customer?.Tier ?? CustomerTier.New, c.Tones.LastOrDefault());
        draft.SuggestedSeverity = advice.Severity;
        // S1 to S4 in order, so "2" is S2; the suggestion is marked, not moved first.
        var choices = Enumerable.Range(1, 4)
            .Select(level => new Choice(level.ToString(System.Globalization.CultureInfo.InvariantCulture),
                level == advice.Severity
                    ? step.Context.Replies()["Suggested", $"S{level} {step.Context.Replies().SeverityName(level)}"]
                    : $"S{level} {step.Context.Replies().SeverityName(level)}",
                level == advice.Severity ? [$"s{level}", .. SeverityNames(level), .. AcceptSuggestion] : [$"s{level}", .. SeverityNames(level)]))
            .ToList();
        return await step.PromptAsync(DialogIds.Choice, new PromptOptions
        {
            Prompt = step.Context.Replies().AskSeverity(advice),
            Choices = choices,
            Suggested = advice.Severity.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, ct);
    }

    private Task<DialogTurnResult> AssessSeverityStepAsync(WaterfallStepContext<RecoveryDraft> step, CancellationToken ct)
    {
        var draft = step.State;
        if (step.Result is FoundChoice chosen)
        {
            var severity = int.Parse(chosen.Value, System.Globalization.CultureInfo.InvariantCulture);
            Update(step, draft.Case!.Record(CaseStep.SeveritySet, step.Context.ReceivedAt, Staff(step), $"S{severity}") with
            {
                Severity = severity,
                NeedsManagerAttention = draft.Case.NeedsManagerAttention || severity >= 4,
            }, publish: severity >= 4);
        }
        var c = draft.Case!;
        if (Skip(step, c.Apology is not null)) return step.NextAsync(null, ct);
        var wording = ApologyWording.For(playbook.For(c.Category ?? FailureCategory.Other), c.Severity ?? 2, c.Tones.LastOrDefault());
        var language = c.Tones.LastOrDefault()?.Language;
        return step.PromptAsync(DialogIds.ChoiceOrText, new PromptOptions
        {
            Prompt = step.Context.Replies().Apologize(playbook.Stage("apologize"), wording, c.Severity ?? 2,
                language != step.Context.Replies().Language && playbook.ApologyIn(language) is { } theirs
                    ? (step.Context.Replies().LanguageName(language!), theirs) : null),
            Choices =
            [
                new(Done, step.Context.Replies()["DoneApologised"],
                    ["done", "ok", "yes", "apologised", "apologized", .. Replies.InEveryLocale("DoneApologised"), "hecho", "listo", "sí", "si", "ya", "me he disculpado"]),
            ],
            Suggested = wording,
        }, ct);
    }

    private Task<DialogTurnResult> ApologizeStepAsync(WaterfallStepContext<RecoveryDraft> step, CancellationToken ct)
    {
        var draft = step.State;
        if (step.Result is string said)
        {
            var c = draft.Case!;
            var wording = said == Done ? ApologyWording.For(playbook.For(c.Category ?? FailureCategory.Other), c.Severity ?? 2, c.Tones.LastOrDefault()) : said;
            Update(step, c.Record(CaseStep.Apologised, step.Context.ReceivedAt, Staff(step)) with { Apology = wording });
        }
        if (Skip(step, draft.Case!.Timeline.Any(e => e.Step == CaseStep.Listened))) return step.NextAsync(null, ct);
        return step.PromptAsync(DialogIds.Text, new PromptOptions
        {
            Prompt = step.Context.Replies().Listen(playbook.Stage("listen"), playbook.For(draft.Case.Category ?? FailureCategory.Other)),
            Skippable = true,
        }, ct);
    }

    private Task<DialogTurnResult> ListenStepAsync(WaterfallStepContext<RecoveryDraft> step, CancellationToken ct)
    {
        var draft = step.State;
        if (!draft.Case!.Timeline.Any(e => e.Step == CaseStep.Listened))
            Update(step, draft.Case.Record(CaseStep.Listened, step.Context.ReceivedAt, Staff(step)) with { Details = step.Result as string });
        else if (step.Result is string details)
            Update(step, draft.Case with { Details = details });
        if (Skip(step, draft.Case!.FixDone is not null)) return step.NextAsync(null, ct);
        var fixes = playbook.For(draft.Case.Category ?? FailureCategory.Other).Fixes;
        return step.PromptAsync(DialogIds.ChoiceOrText, new PromptOptions
        {
            Prompt = step.Context.Replies().Fix(playbook.Stage("fix")),
            Choices = fixes.Select(f => new Choice(f)).ToList(),
        }, ct);
    }

    private Task<DialogTurnResult> FixStepAsync(WaterfallStepContext<RecoveryDraft> step, CancellationToken ct)
    {
        var draft = step.State;
        if (step.Result is string fix)
            Update(step, draft.Case!.Record(CaseStep.Fixed, step.Context.ReceivedAt, Staff(step), fix) with { FixDone = fix });
        var c = draft.Case!;
        if (Skip(step, c.Atonement is not null || c.Timeline.Any(e => e.Step == CaseStep.AtonementOffered))) return step.NextAsync(null, ct);
        var suggestion = compensation.Suggest(c.Category ?? FailureCategory.Other, c.Severity ?? 2, c.Customer?.Tier ?? CustomerTier.New);
        draft.SuggestedLevel = suggestion.Level;
        return step.PromptAsync(DialogIds.ChoiceOrText, new PromptOptions
        {
            Prompt = step.Context.Replies().Atone(playbook.Stage("atone"), suggestion),
            Choices = suggestion.Options.Select(o => new Choice(o.Gesture, o.NeedsApproval ? step.Context.Replies().NeedsApproval(o.Gesture) : null)).ToList(),
            Skippable = true,
        }, ct);
    }

    private async Task<DialogTurnResult> AtoneStepAsync(WaterfallStepContext<RecoveryDraft> step, CancellationToken ct)
    {
        var draft = step.State;
        var c = draft.Case!;
        if (step.Result is string offer)
        {
            var atonement = compensation.Assess(offer, draft.SuggestedLevel ?? 1, c.Severity ?? 2);
            var pending = atonement.Approval == ApprovalState.Pending;
            c = c.Record(CaseStep.AtonementOffered, step.Context.ReceivedAt, Staff(step), offer) with { Atonement = atonement };
            if (pending)
            {
                c = c.Record(CaseStep.ApprovalRequested, step.Context.ReceivedAt, Staff(step), $"level {atonement.Level}") with { NeedsManagerAttention = true };
                step.Context.SendText(step.Context.Replies().AtonementNeedsApproval(atonement, compensation.Authority));
            }
            else
            {
                step.Context.SendText(step.Context.Replies().AtonementWithinAuthority(atonement));
            }
            Update(step, c, publish: pending);
            if (pending)
            {
                // Told in this turn, in order: an effect runs after the turn's replies have gone.
                var requested = step.State.Case!;
                var turn = step.Context;
                var audience = await managers.ReachableAsync(requested.TeamKey, ct);
                turn.SendText(turn.Replies().ApprovalAsked(audience.Names, audience.IsChannel, compensation.Authority));
                // After the case is saved, so a manager who answers at once finds the request.
                turn.Effects.Add(new RequestApproval(requested, turn.ReceivedAt));
            }
        }
        else if (!c.Timeline.Any(e => e.Step == CaseStep.AtonementOffered))
        {
            Update(step, c.Record(CaseStep.AtonementOffered, step.Context.ReceivedAt, Staff(step), "none"));
        }
        if (Skip(step, draft.PromiseAsked)) return await step.NextAsync(null, ct);
        draft.PromiseAsked = true;
        return await step.PromptAsync(DialogIds.Text, new PromptOptions { Prompt = step.Context.Replies().Promise(playbook.Stage("promise")), Skippable = true }, ct);
    }

    private Task<DialogTurnResult> PromiseStepAsync(WaterfallStepContext<RecoveryDraft> step, CancellationToken ct)
    {
        var draft = step.State;
        if (step.Result is not string promised) return step.NextAsync(null, ct);
        var zone = UserTimeZone.Of(step.Context.Activity, options.Value.Zone);
        // The whole sentence first: "tomorrow by 6pm" keeps its day (cut at " by ", it was today 18:00).
        if ((TimeExpressions.Find(promised, step.Context.ReceivedAt, zone, options.Value.FollowUpTime)
             ?? DateTimeRecognizer.Recognize(ExtractWhen(promised), step.Context.ReceivedAt, zone, options.Value.FollowUpTime)) is { } due)
            return step.NextAsync(new PromiseDue(promised, due), ct);
        draft.PromiseText = promised;
        return step.PromptAsync(DialogIds.DateTime, new PromptOptions
        {
            Prompt = step.Context.Replies().AskPromiseDue,
            RetryPrompt = step.Context.Replies()["RetryPromiseTime"],
            Skippable = true,
        }, ct);
    }

    private Task<DialogTurnResult> PromiseDueStepAsync(WaterfallStepContext<RecoveryDraft> step, CancellationToken ct)
    {
        var draft = step.State;
        var promise = step.Result switch
        {
            PromiseDue both => new Promise(both.What, both.DueAt),
            DateTimeOffset due when draft.PromiseText is { } text => new Promise(text, due),
            _ when draft.PromiseText is { } text => new Promise(text, null),
            _ => null,
        };
        if (promise is not null)
        {
            draft.PromiseText = null;
            Update(step, draft.Case!.Record(CaseStep.PromiseMade, step.Context.ReceivedAt, Staff(step), promise.What) with { Promise = promise });
        }
        var suggested = DefaultFollowUp(step);
        return step.PromptAsync(DialogIds.FollowUp, new PromptOptions
        {
            Prompt = step.Context.Replies().FollowUp(playbook.Stage("followUp"), suggested),
            Choices = FollowUpChoices(step.Context.Replies(), suggested),
            Suggested = Default,
        }, ct);
    }

    private Task<DialogTurnResult> FollowUpStepAsync(WaterfallStepContext<RecoveryDraft> step, CancellationToken ct)
    {
        var draft = step.State;
        var answer = (string)step.Result!;
        var at = answer == Default ? DefaultFollowUp(step) : ParseWhen(step, answer)!.Value;
        Update(step, draft.Case!.AwaitFollowUp(at, step.Context.ReceivedAt, Staff(step)), publish: true);
        step.Context.Effects.Add(new ScheduleFollowUp(draft.Case!, AndPromise: true));
        return step.NextAsync(null, ct);
    }

    private async Task<DialogTurnResult> SummarizeStepAsync(WaterfallStepContext<RecoveryDraft> step, CancellationToken ct)
    {
        // A manager may have decided while the staff member was still in the recovery: the summary says so.
        if (step.State.Case!.Atonement is { Approval: ApprovalState.Pending } && await cases.FindAsync(step.State.Case.TeamKey, step.State.Case.Id, ct) is { } stored)
            Update(step, step.State.Case.KeepingDecisionOf(stored));
        var c = step.State.Case!;
        SendSummary(step.Context, c, playbook, channels);
        return await step.EndDialogAsync(c, ct);
    }

    /// <summary>The logged case: a summary card and the next steps where cards show, the summary as text elsewhere.</summary>
    public static void SendSummary(Protocol.TurnContext turn, RecoveryCase c, RecoveryPlaybook playbook, IChannelCapabilities channels)
    {
        if (channels.SupportsCards(turn.Activity.ChannelId))
        {
            turn.Send(turn.Activity.CreateReply() with { Attachments = [channels.CaseSummaryCard(c, playbook)], Summary = turn.Replies()["CaseTitle", c.Id] });
            turn.SendText(turn.Replies().NextSteps(c));
        }
        else
        {
            turn.SendText(turn.Replies().Done(c, playbook));
        }
    }

    /// <summary>
    /// Scores the customer's own words, shows the tone in one line, and records it on the case. Safety, legal or a very
    /// negative VIP marks the case for a manager's attention.
    /// </summary>
    private async Task ReadToneAsync(WaterfallStepContext<RecoveryDraft> step, string words, CancellationToken ct)
    {
        var assessment = understanding.Understand(words, UnderstandingPurpose.CustomerWords, ct).ToneOf(await tone.AnalyzeAsync(words, step.Context.Activity.Locale, ct));
        step.Context.SendText(ToneLine.Format(assessment));
        var reading = ToneReading.Of(assessment, step.Context.ReceivedAt);
        if (reading.Flags.Count > 0) step.Context.Effects.Add(new CountToneFlags(reading.Flags));
        var c = step.State.Case!;
        var attention = assessment.Has(ToneFlag.SafetyOrHealth) || assessment.Has(ToneFlag.LegalOrRegulatory)
            || (assessment.IsVeryNegative && c.Customer?.Tier == CustomerTier.Vip);
        Update(step, c with { Tones = [.. c.Tones, reading], NeedsManagerAttention = c.NeedsManagerAttention || attention }, publish: reading.Flags.Count > 0 || attention);
    }

    /// <summary>
    /// Every change to the case is kept in the draft, which is committed with the conversation state on every turn (so a
    /// restart loses nothing). The case itself is written to the case table at the moments others need to see it —
    /// opening, the customer's name or reference (for colleagues' searches), anything a manager may want to see at once
    /// (a flagged tone, severity 4, an atonement waiting for approval), pausing and the end — once the turn's state is
    /// committed. That keeps a typical turn to one storage write.
    /// </summary>
    private void Update(WaterfallStepContext<RecoveryDraft> step, RecoveryCase changed, bool publish = false)
    {
        step.State.Case = changed.Touch(step.Context.ReceivedAt);
        if (publish || step.Context.Effects.SavesCase(changed.Id)) step.Context.Effects.SaveCase(step.State.Case);
    }

    /// <summary>Whether to skip a question because the case already answers it: yes, unless "back" is re-asking it.</summary>
    private static bool Skip(WaterfallStepContext<RecoveryDraft> step, bool answered) => answered && step.Reason != DialogReason.BackCalled;

    /// <summary>From the case: before the customer's deadline, within hours when critical, before they leave, else the next day.</summary>
    private DateTimeOffset DefaultFollowUp(WaterfallStepContext<RecoveryDraft> step) =>
        FollowUpTiming.Suggest(step.State.Case!, step.Context.ReceivedAt, UserTimeZone.Of(step.Context.Activity, options.Value.Zone), options.Value.FollowUpTime).At;

    /// <summary>The next day at the configured follow-up time, in the user's time zone.</summary>
    public static DateTimeOffset DefaultFollowUpAt(Protocol.TurnContext turn, RecoveryOptions options)
    {
        var zone = UserTimeZone.Of(turn.Activity, options.Zone);
        return UserTimeZone.At(UserTimeZone.Today(turn.ReceivedAt, zone).AddDays(1), options.FollowUpTime, zone);
    }

    private DateTimeOffset? ParseWhen(WaterfallStepContext<RecoveryDraft> step, string text) =>
        ReadWhen(text, step.Context, options.Value);

    /// <summary>When an answer says: the domain's time expressions ("before they leave", "mañana a las 6"), else the prompt's recognizer.</summary>
    public static DateTimeOffset? ReadWhen(string text, Protocol.TurnContext turn, RecoveryOptions options)
    {
        var zone = UserTimeZone.Of(turn.Activity, options.Zone);
        return TimeExpressions.Find(text, turn.ReceivedAt, zone, options.FollowUpTime) ?? DateTimeRecognizer.Recognize(text, turn.ReceivedAt, zone, options.FollowUpTime);
    }

    /// <summary>
    /// The follow-up times offered: the default, soon (while the customer is still there), later; or a time typed. The
    /// values stay English (read by <see cref="ReadWhen"/>); the labels are the locale's, and either language picks one.
    /// </summary>
    public static List<Choice> FollowUpChoices(Replies say, DateTimeOffset suggested) =>
    [
        new(Default, say["DefaultTime", say.When(suggested)], ["ok", "yes", "default", "fine", "vale", "sí", "si", "por defecto"]),
        Labelled(say, "in 15 minutes", "In15Minutes"),
        Labelled(say, "before they leave", "BeforeTheyLeave"),
        Labelled(say, "in 2 hours", "In2Hours"),
        Labelled(say, "in 3 days", "In3Days"),
    ];

    private static Choice Labelled(Replies say, string value, string label) =>
        new(value, say.Language == TextCatalog.English ? null : say[label], Replies.InEveryLocale(label));

    private static string[] SeverityNames(int level) => [.. Replies.All.Select(r => r.SeverityName(level)).Distinct(StringComparer.Ordinal)];

    /// <summary>The follow-up prompt takes the default, or any time in the future the recognizer understands.</summary>
    public static PromptValidator<string> FollowUpValidator(RecoveryOptions options) => (prompt, _) =>
    {
        var turn = prompt.Context;
        var ok = prompt.Recognized.Value == Default
            || (prompt.Recognized.Value is { } text
                && ReadWhen(text, turn, options) is { } when
                && when > turn.ReceivedAt);
        if (!ok) prompt.Reason = turn.Replies().FollowUpRetry;
        return Task.FromResult(ok);
    };

    internal static string ExtractWhen(string promise)
    {
        var lower = promise.ToLowerInvariant();
        foreach (var marker in new[] { " by ", " at ", " before ", " within ", " in " })
        {
            var index = lower.LastIndexOf(marker, StringComparison.Ordinal);
            if (index >= 0) return promise[(index + 1)..].Replace("before ", "", StringComparison.OrdinalIgnoreCase).Replace("by ", "", StringComparison.OrdinalIgnoreCase).Replace("within ", "in ", StringComparison.OrdinalIgnoreCase);
        }
        return promise;
    }

    private static string Staff(WaterfallStepContext<RecoveryDraft> step) => step.Context.Activity.From?.Id ?? "unknown";

    private sealed record PromiseDue(string What, DateTimeOffset DueAt);
}

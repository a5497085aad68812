using System.Globalization;
using Microsoft.Extensions.Localization;
using ServiceRecoveryBot.Recovery.Cases;
using ServiceRecoveryBot.Recovery.Compensation;
using ServiceRecoveryBot.Recovery.Playbooks;

namespace ServiceRecoveryBot.Text;

/// <summary>
/// Everything the bot says, typed, in one locale; the words live in the catalog (Strings.resx, Strings.es.resx).
/// Short lines: staff read them on a phone with a customer waiting.
/// </summary>
public sealed class Replies(IStringLocalizer text)
{
    public static Replies English { get; } = new(TextCatalog.Shared.For(TextCatalog.English));

    public static Replies Spanish { get; } = new(TextCatalog.Shared.For(TextCatalog.Spanish));

    /// <summary>Every locale's replies, for answers recognised whatever the conversation's locale.</summary>
    public static IReadOnlyList<Replies> All { get; } = [English, Spanish];

    /// <summary>An entry in every locale ("Yes", "Sí"): a choice's synonyms, so either language picks it.</summary>
    public static IReadOnlyList<string> InEveryLocale(string name) => [.. All.Select(r => r[name]).Distinct(StringComparer.Ordinal)];

    /// <summary>The replies for a locale as the channel sent it ("es-ES", "en-US", null): Spanish or English.</summary>
    public static Replies For(string? locale) => TextCatalog.LanguageOf(locale) == TextCatalog.Spanish ? Spanish : English;

    /// <summary>"en" or "es".</summary>
    public string Language => text is LocaleText locale ? locale.Language : TextCatalog.English;

    /// <summary>A catalog entry by name, for text composed elsewhere (cards, guidance).</summary>
    public string this[string name] => text[name].Value;

    /// <summary>A catalog entry filled with its arguments.</summary>
    public string this[string name, params object[] arguments] => text[name, arguments].Value;

    /// <summary>The engine's prompt words (retry hints, "skip") in this locale.</summary>
    public Dialogs.PromptWords PromptWords => promptWords ??= new()
    {
        Retry = T("PromptRetry"),
        RetryYesNo = T("PromptRetryYesNo"),
        RetryNumber = T("PromptRetryNumber"),
        RetryChoices = T("PromptRetryChoices"),
        RetryOneChoice = T("PromptRetryOneChoice"),
        RetryTime = T("PromptRetryTime"),
        RetryTimeOrTap = T("PromptRetryTimeOrTap"),
        SkipSuffix = T("PromptSkipSuffix"),
        SkipLine = T("PromptSkipLine"),
        SkipButton = T("PromptSkipButton"),
    };

    private Dialogs.PromptWords? promptWords;

    private string T(string name) => text[name].Value;

    private string T(string name, params object[] arguments) => text[name, arguments].Value;

    public string Welcome => T("Welcome");

    public string HelloTeam => T("HelloTeam");

    /// <summary>A card whose question is over, as the card shows it once pressed (Teams).</summary>
    public string CardClosed => T("CardClosed");

    public string CardClosedNothingAsked => T("CardClosedNothingAsked");

    public string CardClosedAskingNow => T("CardClosedAskingNow");

    /// <summary>Added to the hello when the installer becomes a new team's first manager: what to do next.</summary>
    public string FirstManager => T("FirstManager");

    /// <summary>A new incident typed while a question waits: a new case, or the answer?</summary>
    public string NewIncidentOrAnswer => T("NewIncidentOrAnswer");

    /// <summary>To the managers, when none of a staff member's chats can be reached.</summary>
    public string StaffUnreachable(string staff, string message) => T("StaffUnreachable", staff, message);

    public string Help => T("Help") + "\n\n" + Guidance.GuidanceReplies.WhatYouCanAsk;

    public string AskWhatHappened => T("AskWhatHappened");
    public string NothingToGoBackTo => T("NothingToGoBackTo");
    public string NothingInProgress => T("NothingInProgress");
    public string NoCases => T("NoCases");
    public string FilesNotRead => T("FilesNotRead");
    public string CancelledBeforeCase => T("CancelledBeforeCase");
    public string Restarted => T("Restarted");

    public string Paused(CaseId id) => T("Paused", id);

    public string RestartedWithCase(CaseId id) => $"{Restarted} {T("CaseSavedResume", id)}";

    public string StateUnreadable => T("StateUnreadable");

    public string StateUnreadableWithCase(CaseId id) => $"{StateUnreadable} {T("CaseSavedResume", id)}";

    public string CaseNotFound(string id) => T("CaseNotFound", id);

    public string CannotResume(RecoveryCase c) => T("CannotResume", c.Id, Describe(c.Status));

    public string Resuming(RecoveryCase c) => T("Resuming", c.Id, Short(c.WhatHappened));

    public string Opened(CaseId id) => T("Opened", id);

    /// <summary>
    /// The first reply: the case id, the words to say now (and a short sorry in the customer's language), the one most
    /// useful next move, and what goes to a manager. The questions come after.
    /// </summary>
    public string SayNow(CaseId id, string apology, (string Language, string Words)? inTheirLanguage, string nextMove,
        IReadOnlyList<string> managerFlags) =>
        $"{T("SayNowOpened", id)}\n\n> {apology}\n\n" + InTheirLanguage(inTheirLanguage) + T("SayNowThen", nextMove) +
        string.Concat(managerFlags.Select(f => $"\n\n⚑ {f}"));

    private string InTheirLanguage((string Language, string Words)? inTheirLanguage) =>
        inTheirLanguage is { } theirs ? $"{T("InLanguage", theirs.Language)} _{theirs.Words}_\n\n" : "";

    /// <summary>The quick capture as text: each answer pre-filled, one per line, then how to log or change it.</summary>
    public string QuickCaptureText(QuickCaptureLines q) =>
        $"{T("QuickCaptureTitle", q.CaseId)}\n" +
        $"- {T("QuickCaptureKind", q.Kind + (q.KindSuggested ? "" : T("AGuess")))}\n" +
        $"- {T("QuickCaptureCustomer", q.Customer ?? T("NotGiven"), Describe(q.Tier))}\n" +
        $"- {T("QuickCaptureSeverity", q.Severity, SeverityName(q.Severity), q.SeverityWhy)}\n" +
        $"- {T("QuickCaptureFix", q.Fix)}\n" +
        $"- {T("QuickCaptureGesture", q.Atonement, q.AtonementNeedsApproval ? NeedsApprovalNote : WithinAuthorityNote)}\n" +
        $"- {T("QuickCapturePromise", q.Promise ?? T("None"))}\n" +
        $"- {T("QuickCaptureFollowUp", When(q.FollowUpAt))}\n\n" +
        QuickCaptureHow;

    public string QuickCaptureHow => T("QuickCaptureHow");

    public string QuickCaptureRetry => $"{T("DidNotCatch")} {QuickCaptureHow}";
    public string QuickCaptureCardIntro => T("QuickCaptureCardIntro");
    public string LogItButton => T("LogItButton");
    public string WalkMeButton => T("WalkMeButton");
    public string WithinAuthorityNote => T("WithinAuthorityNote");
    public string NeedsApprovalNote => T("NeedsApprovalNote");
    public string OldCard => T("OldCard");

    public string FollowUpNotRead(string typed, DateTimeOffset instead) => T("FollowUpNotRead", Short(typed), When(instead));

    public string SafetyHeading => T("SafetyHeading");

    /// <summary>Threats, abuse or violence: get safe, call the duty manager, and the case recorded for them; no apology script.</summary>
    public string SafetySteps(CaseId id) => T("SafetySteps", SafetyHeading, id);

    public string Smalltalk => T("Smalltalk");

    public string NotUnderstood => T("NotUnderstood");

    public string DidYouMean => T("DidYouMean");
    public string NewCaseButton => T("NewCaseButton");
    public string QuestionButton => T("QuestionButton");
    public string MyCasesButton => T("MyCasesButton");

    public string GuidanceInEnglish => T("GuidanceInEnglish");

    public string BackToCase => T("BackToCase");

    public string CloseByFollowUp(string id) => T("CloseByFollowUp", id.ToUpperInvariant());

    public string Discarded(CaseId id) => T("Discarded", id);

    public string CannotDiscard(RecoveryCase c) => T("CannotDiscard", c.Id, Describe(c.Status));

    public string NotYours(CaseId id) => T("NotYours", id);

    public string FlagSafety => T("FlagSafety");
    public string FlagLegal => T("FlagLegal");
    public string FlagCritical => T("FlagCritical");
    public string FlagVip => T("FlagVip");

    public string AskCategory(CategoryPlaybook? suggested) => suggested is null
        ? T("AskCategory")
        : T("AskCategorySuggested", suggested.Title.ToLowerInvariant());

    public string AskCustomer => T("AskCustomer");
    public string AskTier => T("AskTier");

    public string CustomerNoted(string name) => T("CustomerNoted", name);
    public string AskCustomerWords => T("AskCustomerWords");

    public string AskSeverity(SeverityAdvice advice) =>
        T("AskSeverity", advice.Severity, SeverityName(advice.Severity), string.Join("; ", advice.Reasons));

    public string SeverityName(int severity) => severity switch
    {
        1 => T("SeverityMinor"),
        2 => T("SeverityModerate"),
        3 => T("SeverityMajor"),
        _ => T("SeverityCritical"),
    };

    /// <summary>The apology step; <paramref name="inTheirLanguage"/> adds a short sorry in the customer's language.</summary>
    public string Apologize(StageGuide stage, string wording, int severity, (string Language, string Words)? inTheirLanguage = null) =>
        $"{T("ApologizeStep", stage.Title)}\n\n> {wording}\n\n" + InTheirLanguage(inTheirLanguage) + stage.Tip +
        (severity >= 4 ? "\n\n" + T("CriticalCallManager") : "");

    public string Listen(StageGuide stage, CategoryPlaybook playbook) =>
        $"**2. {stage.Title}.** {stage.Tip}\n\n- {string.Join("\n- ", playbook.ListenTips)}\n\n{T("ListenAnythingMore")}";

    public string Fix(StageGuide stage) => T("FixStep", stage.Title, stage.Tip);

    public string Atone(StageGuide stage, AtonementSuggestion suggestion) =>
        T("AtoneStep", stage.Title, suggestion.Level, suggestion.LevelName.ToLowerInvariant(), suggestion.Why, stage.Tip);

    public string AtonementWithinAuthority(Atonement atonement) => T("AtonementWithinAuthority", atonement.Offer);

    public string AtonementNeedsApproval(Atonement atonement, AuthorityOptions authority) =>
        T("AtonementNeedsApproval", atonement.Offer, authority.StaffMaxLevel, Money(authority.StaffMaxAmount, authority.CurrencySymbol));

    public string Promise(StageGuide stage) => T("PromiseStep", stage.Title, stage.Tip);

    /// <summary>A suggested gesture the staff member may not give on their own, as its button reads.</summary>
    public string NeedsApproval(string gesture) => T("NeedsApproval", gesture);

    public string OnlyManagers => T("OnlyManagers");

    public string ChannelRegistered => T("ChannelRegistered");

    public string ManagerAdded(string who) => T("ManagerAdded", who);

    /// <summary>To the manager who decided: "Approved by Maria: $50 — Late checkout for SR-7K3Q. Sam has been told."</summary>
    public string ApprovalDecided(RecoveryCase c) =>
        T("ApprovalDecided", Describe(c.Atonement!.Decision!), c.Atonement.Offer, c.Id, c.StaffName ?? T("TheStaffMember"));

    public string StaffToldDecision(RecoveryCase c) => c.Atonement?.Decision is { Approved: true } d
        ? T("StaffToldApproved", d.ByName, c.Atonement.Offer, d.Amount is { } amount ? $" ({Money(amount)})" : "", c.Id)
        : T("StaffToldDeclined", c.Atonement?.Decision?.ByName ?? T("YourManager"), c.Atonement?.Offer ?? "", c.Id);

    /// <summary>A decision asked for again: "SR-7K3Q was already approved by Maria at 12:04 ($50)."</summary>
    public string AlreadyDecided(RecoveryCase c) => c.Atonement?.Decision is { } d
        ? d.Approved
            ? T("AlreadyApproved", c.Id, d.ByName, d.At.ToString("HH:mm", CultureInfo.InvariantCulture),
                d.Amount is { } amount ? $" ({Money(amount)})" : "")
            : T("AlreadyDeclined", c.Id, d.ByName, d.At.ToString("HH:mm", CultureInfo.InvariantCulture))
        : T("NoApprovalWaiting", c.Id);

    /// <summary>"Approved by Maria: $50", "Declined by Maria".</summary>
    public string Describe(ApprovalDecision d) =>
        d.Approved ? T("ApprovedBy", d.ByName) + (d.Amount is { } amount ? ": " + Money(amount) : "") : T("DeclinedBy", d.ByName);

    /// <summary>The offer, and where its approval stands: "$120 credit (approved by Maria: $80, Mon 23 Nov 12:04)".</summary>
    public string Describe(Atonement a) => a.Decision is { } d
        ? $"{a.Offer} ({char.ToLowerInvariant(Describe(d)[0])}{Describe(d)[1..]}, {When(d.At)})"
        : a.Approval == ApprovalState.Pending ? T("PendingApproval", a.Offer) : a.Offer;

    /// <summary>To the staff member as approval is asked for: who was asked, or that nobody could be and what to do meanwhile.</summary>
    public string ApprovalAsked(IReadOnlyList<string> asked, bool channel, AuthorityOptions authority) =>
        channel ? T("ApprovalAskedChannel")
        : asked.Count > 0 ? T("ApprovalAsked", JoinNames(asked))
        : T("ApprovalNobody", authority.StaffMaxLevel, Money(authority.StaffMaxAmount, authority.CurrencySymbol));

    private string JoinNames(IReadOnlyList<string> names) =>
        names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + $" {T("And")} " + names[^1];

    public string Snoozed(RecoveryCase c) => T("Snoozed", c.Id, When(c.FollowUpAt!.Value));

    public string AskReassign(CaseId id) => T("AskReassign", id);

    public string ReassignNotFound(CaseId id, string who) => T("ReassignNotFound", id, who);

    public string Reassigned(RecoveryCase c, string to) => T("Reassigned", c.Id, to);

    /// <summary>To the new owner of a case.</summary>
    public string ReassignedToYou(RecoveryCase c, string by) =>
        T("ReassignedToYou", by, c.Id, Short(c.WhatHappened), c.FollowUpAt is { } due && c.IsOpen ? T("FollowUpDue", When(due)) : "");

    public string PromiseKept(RecoveryCase c) => T("PromiseKept", c.Id);

    public string AskPromiseDue => T("AskPromiseDue");

    /// <summary>"A message you could send:" and each draft quoted, the first unlabelled, the others with their language.</summary>
    public string FollowUpMessages(IReadOnlyList<(string Language, string Message)> messages) =>
        messages.Count == 0 ? "" : T("MessageYouCouldSend") + "\n\n" +
            string.Concat(messages.Select((m, i) => (i == 0 ? "" : T("InLanguage", m.Language) + "\n\n") + $"> {m.Message}\n\n"));

    public string FollowUp(StageGuide stage, DateTimeOffset suggested) => T("FollowUpStep", stage.Title, stage.Tip, When(suggested));

    public string FollowUpRetry => T("FollowUpRetry");

    public string Summary(RecoveryCase c, RecoveryPlaybook playbook) =>
        T("SummaryTitle", c.Id, Describe(c.Status)) + "\n" +
        $"- {T("SummaryWhatHappened", Short(c.WhatHappened))}\n" +
        $"- {T("SummaryCategorySeverity", c.Category is { } category ? playbook.For(category).Title : T("NotSet"),
            c.Severity is { } s ? $"S{s} {SeverityName(s)}" : T("NotSet"))}\n" +
        (c.Customer is { } customer ? $"- {T("SummaryCustomer", Describe(customer))}\n" : "") +
        (c.FixDone is { } fix ? $"- {T("SummaryFix", fix)}\n" : "") +
        (c.Atonement is { } a ? $"- {T("SummaryAtonement", Describe(a))}\n" : "") +
        (c.Promise is { } p
            ? $"- {T("SummaryPromise", Describe(p), c.Timeline.Any(e => e.Step == CaseStep.PromiseKept) ? T("Kept") : "")}\n"
            : "") +
        (c.FollowUpAt is { } follow && c.IsOpen ? $"- {T("SummaryFollowUp", When(follow))}\n" : "") +
        Outcome(c) +
        (c.TimeToAcknowledge is { } ack ? "- " + T("SummaryTimeToApologise", Duration(ack)) : "") +
        (c.TimeToFix is { } fixTime ? T("SummaryTimeToFix", Duration(fixTime)) : "");

    /// <summary>What the last follow-up found, and when the case closed: the lines `show` adds once there was one.</summary>
    private string Outcome(RecoveryCase c)
    {
        if (c.FollowUps.LastOrDefault() is not { } f) return "";
        var lines = "- " + T("FollowedUp", When(f.At)) + (f.Reached
            ? T("SatisfactionReached", f.Satisfaction is { } n ? $"{n}/5" : T("NotGiven"),
                f.Recovered ? T("Recovered") : T("NotRecoveredYet")) + "\n"
            : T("CustomerNotReached") + "\n");
        if (f.CustomerWords is { } words) lines += $"- {T("TheySaid", Short(words))}\n";
        if (f.RootCause is { } cause) lines += $"- {T("RootCause", cause, f.RootCauseDetail is { } detail ? $" ({detail})" : "")}\n";
        if (f.Lesson is { } lesson) lines += $"- {T("Lesson", lesson)}\n";
        if (c.ClosedAt is { } closed) lines += $"- {T("ClosedAt", When(closed))}\n";
        return lines;
    }

    public string Done(RecoveryCase c, RecoveryPlaybook playbook) => Summary(c, playbook) + "\n\n" + NextSteps(c);

    public string NextSteps(RecoveryCase c) => T("NextSteps", c.Id) +
        (c.Contact is null && c.FollowUpAt - c.UpdatedAt > TimeSpan.FromHours(1) ? "\n\n" + T("NeedContact", c.Id) : "");

    public string AskContact => T("AskContact");

    public string ContactSaved(RecoveryCase c) => T("ContactSaved", c.Id);

    /// <summary>
    /// The message to the customer, in this catalog's language: their name when staff gave one, what went wrong and
    /// when, what was done and offered, then the question.
    /// </summary>
    public string FollowUpDraft(RecoveryCase c)
    {
        var name = c.Customer?.NameOrReference is { } who && IncidentParser.LooksLikeName(who) ? " " + who : "";
        var what = FirstSentence(c.WhatHappened);
        var done = c.FixDone is { } fix
            ? c.Atonement is { Approval: not ApprovalState.Declined and not ApprovalState.Pending } a && a.Offer != "none"
                ? T("DraftWeDidAndOffered", Lower(fix), Lower(a.Offer))
                : T("DraftWeDid", Lower(fix))
            : "";
        return T("FollowUpDraft", name, Day(c.OpenedAt), Lower(what), done);
    }

    private static string FirstSentence(string text)
    {
        var end = text.IndexOfAny(['.', '!', '?', ';']);
        return Short((end > 0 ? text[..end] : text).Trim());
    }

    private static string Lower(string text) =>
        text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;

    public string CaseList(IReadOnlyList<CaseSummary> cases) => cases.Count == 0
        ? NoCases
        : T("YourOpenCases") + "\n" + string.Join("\n", cases.Select(c =>
            $"- {c.Id} · {Describe(c.Status)}{(c.Severity is { } s ? $" · S{s}" : "")} · {Short(c.WhatHappened)}"));

    /// <summary>The cases a search found, each with where it stands and its follow-up; or that none mentions the words.</summary>
    public string SearchResults(string query, IReadOnlyList<CaseSummary> found) => found.Count == 0
        ? T("NoSearchResults", Short(query))
        : T("CasesThatMentionIt") + "\n" + string.Join("\n", found.Select(c =>
            $"- {c.Id} · {Describe(c.Status)}{FollowUpNote(c)}{(c.Customer is { } who ? $" · {who}" : "")} · {Short(c.WhatHappened)}")) +
          "\n" + T("SayShowForWhole", found[0].Id);

    private string FollowUpNote(CaseSummary c) => c.Status switch
    {
        CaseStatus.Closed => T("FollowedUpNote"),
        CaseStatus.AwaitingFollowUp when c.FollowUpAt is { } due => T("DueNote", When(due)),
        _ => "",
    };

    /// <summary>The practice case: nothing is saved; what happened, what the customer says, and the question.</summary>
    public string PracticeScenario(string sector, string situation, string customerWords) =>
        T("PracticeScenario", sector.ToLowerInvariant(), situation, customerWords);

    /// <summary>What went well, what to add, what to avoid, then the playbook's wording and the scenario's trap.</summary>
    public string PracticeFeedback(PracticeMarks r, string watchFor, string model)
    {
        var headline = r.Score >= 3 ? T("PracticeStrong") : r.Score == 2 ? T("PracticeGood") : T("PracticeSharpen");
        var lines = new List<string>
        {
            r.SaidSorry ? T("PracticeSaidSorry") : T("PracticeSaySorry"),
            r.NamedFeelings ? T("PracticeNamedFeelings") : T("PracticeNameFeelings"),
            r.SaidWhatsNext ? T("PracticeSaidNext") : T("PracticeSayNext"),
        };
        lines.AddRange(r.Excuses.Select(e => T("PracticeAvoid", e)));
        return $"{headline}\n{string.Join("\n", lines)}\n\n{T("PracticeModel")}\n\n> {model}\n\n" +
            $"{T("PracticeWatchFor", watchFor)}\n\n{T("PracticeAgain")}";
    }

    /// <summary>Follow-ups waiting, soonest first, the overdue ones marked, each with how to record it.</summary>
    public string FollowUpList(IReadOnlyList<CaseSummary> waiting, DateTimeOffset now) => waiting.Count == 0
        ? T("NoFollowUpsWaiting")
        : T("YourFollowUps") + "\n" + string.Join("\n", waiting.Select(c =>
            $"- {c.Id} · {(c.FollowUpAt is { } due ? T("DueAt", When(due)) + (due < now ? T("Overdue") : "") : T("NoTimeSet"))}" +
            $" · {Short(c.WhatHappened)}")) +
          "\n" + T("SayFollowUpWhenSpoken", waiting[0].Id);

    public string PickPaused(IReadOnlyList<CaseSummary> paused) =>
        T("PickPaused") + "\n" + string.Join("\n", paused.Select(c => $"- {c.Id} · {Short(c.WhatHappened)}")) +
        "\n" + T("SayResume", paused[0].Id);

    public string Status(IReadOnlyList<string> where, RecoveryCase? c) =>
        (c is null ? T("NoCaseYet") : T("StatusCase", c.Id, Short(c.WhatHappened))) +
        (where.Count > 0 ? "\n" + T("WeAreAt", string.Join(" › ", where)) : "");

    public string Describe(CaseStatus status) => status switch
    {
        CaseStatus.InProgress => T("StatusInProgress"),
        CaseStatus.Paused => T("StatusPaused"),
        CaseStatus.AwaitingFollowUp => T("StatusAwaitingFollowUp"),
        CaseStatus.Discarded => T("StatusDiscarded"),
        _ => T("StatusClosed"),
    };

    /// <summary>"Mon 23 Nov 18:00" ("lun 23 nov 18:00"): day and month names from the catalog, the rest invariant.</summary>
    public string When(DateTimeOffset at) =>
        $"{Names("DayNames")[(int)at.DayOfWeek]} {Day(at)} {at.ToString("HH:mm", CultureInfo.InvariantCulture)}";

    /// <summary>"23 Nov" ("23 nov").</summary>
    public string Day(DateTimeOffset at) => $"{at.Day.ToString(CultureInfo.InvariantCulture)} {Names("MonthNames")[at.Month - 1]}";

    /// <summary>"Spanish" ("español"): a language the tone analyzer detected, by its code (unnamed ones as the code).</summary>
    public string LanguageName(string code) => NamedLanguages.Contains(code) ? T("Language_" + code) : code;

    private static readonly string[] NamedLanguages = ["en", "es", "fr", "de", "pt", "it"];

    private string[] Names(string name) => T(name).Split(' ');

    /// <summary>"table 12 (VIP)": the customer as the summaries and cards show them.</summary>
    public string Describe(Customer customer) => $"{customer.NameOrReference ?? T("NotGiven")} ({Describe(customer.Tier)})";

    public string Describe(CustomerTier tier) => tier switch
    {
        CustomerTier.Vip => T("TierVip"),
        CustomerTier.Regular => T("TierRegular"),
        _ => T("TierNew"),
    };

    /// <summary>"call back by 6pm (due Mon 23 Nov 18:00)": the staff member's words, then the time they were read as.</summary>
    public string Describe(Promise promise) => promise.DueAt is { } due ? $"{promise.What}{T("DueNote", When(due))}" : promise.What;

    private static string Money(decimal amount, string symbol = "$") => symbol + amount.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Duration(TimeSpan span) => span.TotalMinutes < 1
        ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0}s")
        : span.TotalHours < 1
            ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalMinutes:0} min")
            : string.Create(CultureInfo.InvariantCulture, $"{span.TotalHours:0.#} h");

    private static string Short(string text) => text.Length <= 80 ? text : text[..77] + "...";
}

using System.Globalization;
using ServiceRecoveryBot.Recovery.Cases;
using ServiceRecoveryBot.Recovery.Compensation;
using ServiceRecoveryBot.Recovery.Playbooks;

namespace ServiceRecoveryBot.Conversations;

/// <summary>Everything the bot says, in one place. Short lines: staff read them on a phone with a customer waiting.</summary>
public static class Replies
{
    public const string Welcome =
        "Hi, I'm ServiceRecoveryBot. Tell me what went wrong (\"guest in 12 furious, steak overcooked twice\") and I'll walk you through the recovery.\n\n" +
        "Other things you can say: \"my cases\", \"show SR-7K3Q\", \"resume SR-7K3Q\", \"help\".";

    public const string HelloTeam =
        "Hello! I'm ServiceRecoveryBot. When something goes wrong with a customer, @mention me with what happened " +
        "(\"@ServiceRecoveryBot guest in 12 furious, steak overcooked twice\") and I'll coach you through the recovery, step by step. " +
        "Say \"help\" to see what else I can do.";

    public static readonly string Help =
        "Start a case by describing what happened, or say \"new case\".\n" +
        "During a case: \"back\" re-asks the previous question, \"skip\" skips an optional one, \"status\" shows where we are, \"pause\" saves it for later.\n" +
        "Any time: \"my cases\", \"my follow-ups\", \"show SR-XXXX\", \"resume SR-XXXX\", \"did anyone call back …?\", \"this week's summary\", \"my figures\", \"practice\"; managers: \"export cases last month\".\n\n" + Guidance.GuidanceReplies.WhatYouCanAsk;

    public const string AskWhatHappened = "What happened? One line is enough.";
    public const string NothingToGoBackTo = "There's no earlier question to go back to.";
    public const string NothingInProgress = "Nothing is in progress. Tell me what happened to start a case.";
    public const string NoCases = "You have no open cases.";
    public const string FilesNotRead = "I can't open photos or files. Tell me in a few words instead: what happened, or what the customer said.";
    public const string CancelledBeforeCase = "Cancelled. Nothing was saved.";
    public const string Restarted = "I was updated since we last spoke, so I couldn't continue that conversation where it was.";

    public static string Paused(CaseId id) => $"Paused {id}. Say \"resume {id}\" when you're ready.";

    public static string RestartedWithCase(CaseId id) => $"{Restarted} Your case {id} is saved: say \"resume {id}\" to carry on.";

    public const string StateUnreadable = "Sorry: I couldn't read back where we were in this conversation, so I've started afresh.";

    public static string StateUnreadableWithCase(CaseId id) => $"{StateUnreadable} Your case {id} is saved: say \"resume {id}\" to carry on.";

    public static string CaseNotFound(string text) => $"I can't find case {text}. Say \"my cases\" to see yours.";

    public static string CannotResume(RecoveryCase c) => $"{c.Id} is {Describe(c.Status)}; there's nothing left to resume.";

    public static string Resuming(RecoveryCase c) => $"Resuming {c.Id}: {Short(c.WhatHappened)}";

    public static string Opened(CaseId id) => $"Case {id} opened. Clock's running — let's move fast.";

    /// <summary>
    /// The first reply: the case id, the words to say now (and a short sorry in the customer's language), the one most
    /// useful next move, and what goes to a manager. The questions come after.
    /// </summary>
    public static string SayNow(CaseId id, string apology, (string Language, string Words)? inTheirLanguage, string nextMove, IReadOnlyList<string> managerFlags) =>
        $"Case {id} opened. Say this now:\n\n> {apology}\n\n" +
        (inTheirLanguage is { } theirs ? $"In {theirs.Language}: _{theirs.Words}_\n\n" : "") +
        $"Then: {nextMove}." +
        string.Concat(managerFlags.Select(f => $"\n\n⚑ {f}"));

    /// <summary>The quick capture as text: each answer pre-filled, one per line, then how to log or change it.</summary>
    public static string QuickCaptureText(Recovery.QuickCapture q, RecoveryPlaybook playbook) =>
        $"**Log {q.CaseId}**, change a line if it's wrong:\n" +
        $"- Kind: {playbook.For(q.Category).Title}{(q.CategorySuggested ? "" : " (a guess)")}\n" +
        $"- Customer: {q.Customer ?? "not given"} ({Describe(q.Tier)})\n" +
        $"- Severity: S{q.Severity} {SeverityName(q.Severity)} ({q.SeverityWhy})\n" +
        $"- Fix: {q.Fix}\n" +
        $"- Gesture: {q.Atonement} ({(q.AtonementNeedsApproval ? NeedsApprovalNote : WithinAuthorityNote)})\n" +
        $"- Promise: {q.Promise ?? "none"}\n" +
        $"- Follow up: {When(q.FollowUpAt)}\n\n" +
        QuickCaptureHow;

    public const string QuickCaptureHow =
        "Type \"ok\" to log it, or change a line (\"severity 3\", \"vip\", \"fix: new steak\", \"offer: free dessert\", \"promise: call back by 6pm\"), or \"walk me through it\".";

    public const string QuickCaptureRetry = "I didn't catch that. " + QuickCaptureHow;
    public const string QuickCaptureCardIntro = "Change what's wrong, then Log it.";
    public const string LogItButton = "Log it";
    public const string WalkMeButton = "Walk me through it";
    public const string WithinAuthorityNote = "within your authority";
    public const string NeedsApprovalNote = "needs a manager's approval";
    public const string OldCard = "That card is old; here is the current question.";

    public static string FollowUpNotRead(string typed, DateTimeOffset instead) =>
        $"I couldn't read \"{Short(typed)}\" as a time to come, so the follow-up is {When(instead)}. Say \"show\" and the case id to check it.";

    public const string SafetyHeading = "Safety first.";

    /// <summary>Threats, abuse or violence: get safe, call the duty manager, and the case recorded for them; no apology script.</summary>
    public static string SafetySteps(CaseId id) =>
        $"**{SafetyHeading}** No apology script: the customer is the aggressor.\n" +
        "1. Get safe: step back, keep a counter or a colleague between you, don't argue.\n" +
        "2. Call your duty manager now (security or emergency services if anyone is in danger).\n" +
        $"3. Recorded as {id} for your manager. When it's over, say \"resume {id}\" to add what happened.";

    public const string Smalltalk = "Any time. Tell me what went wrong when something does, or ask me how to handle something.";

    public const string NotUnderstood =
        "I didn't catch that. Tell me what went wrong (\"guest in 12 furious, steak overcooked\"), ask a question, or say \"help\".";

    public const string DidYouMean = "Did you mean:";
    public const string NewCaseButton = "New case";
    public const string QuestionButton = "A question";
    public const string MyCasesButton = "My cases";

    public const string GuidanceInEnglish = "(My guidance is in English for now.)";

    public const string BackToCase = "Back to your case:";

    public static string CloseByFollowUp(string id) =>
        $"A case closes when its follow-up is recorded: say \"follow up {id.ToUpperInvariant()}\". Opened by mistake? Say \"discard {id.ToUpperInvariant()}\".";

    public static string Discarded(CaseId id) => $"Discarded {id}: it stays in the timeline as discarded, out of your lists and the figures.";

    public static string CannotDiscard(RecoveryCase c) => $"{c.Id} is {Describe(c.Status)}; only a case still in progress or paused can be discarded.";

    public static string NotYours(CaseId id) => $"{id} is a colleague's case; only they can discard it.";

    public const string FlagSafety = "Safety: call your duty manager now, while you keep helping the customer.";
    public const string FlagLegal = "Legal words: tell your duty manager before you promise anything.";
    public const string FlagCritical = "Critical: call your duty manager now.";
    public const string FlagVip = "A very upset VIP: your manager will see this case.";

    public static string AskCategory(CategoryPlaybook? suggested) => suggested is null
        ? "What kind of failure is it?"
        : $"Looks like **{suggested.Title.ToLowerInvariant()}**. Right? Say yes, or pick another.";

    public const string AskCustomer = "Customer's name or a reference (room, table, order)?";
    public const string AskTier = "What kind of customer?";

    public static string CustomerNoted(string name) => $"Noted: {name}.";
    public const string AskCustomerWords = "What did the customer say, in their own words?";

    public static string AskSeverity(SeverityAdvice advice) =>
        $"Severity: I suggest **S{advice.Severity} {SeverityName(advice.Severity)}** ({string.Join("; ", advice.Reasons)}).";

    public static string SeverityName(int severity) => severity switch
    {
        1 => "minor",
        2 => "moderate",
        3 => "major",
        _ => "critical",
    };

    /// <summary>The apology step; <paramref name="inTheirLanguage"/> adds a short sorry in the customer's language (name and words).</summary>
    public static string Apologize(StageGuide stage, string wording, int severity, (string Language, string Words)? inTheirLanguage = null) =>
        $"**1. {stage.Title}.** Say something like:\n\n> {wording}\n\n" +
        (inTheirLanguage is { } theirs ? $"In {theirs.Language}: _{theirs.Words}_\n\n" : "") +
        stage.Tip +
        (severity >= 4 ? "\n\nThis is critical: call your duty manager now, while you keep helping the customer." : "");

    public static string Listen(StageGuide stage, CategoryPlaybook playbook) =>
        $"**2. {stage.Title}.** {stage.Tip}\n\n- {string.Join("\n- ", playbook.ListenTips)}\n\nAnything more they told you?";

    public static string Fix(StageGuide stage) => $"**3. {stage.Title}.** {stage.Tip}\n\nWhat did you do? Tap one or type it.";

    public static string Atone(StageGuide stage, AtonementSuggestion suggestion) =>
        $"**4. {stage.Title}.** Suggested: level {suggestion.Level}, {suggestion.LevelName.ToLowerInvariant()} ({suggestion.Why}). {stage.Tip}\n\nWhat did you offer? Tap one, type it, or \"skip\".";

    public static string AtonementWithinAuthority(Atonement atonement) =>
        $"Recorded: {atonement.Offer}. That's within your authority — go ahead.";

    public static string AtonementNeedsApproval(Atonement atonement, AuthorityOptions authority) =>
        $"Recorded: {atonement.Offer}. That's above your authority (level {authority.StaffMaxLevel} or {Money(authority.StaffMaxAmount, authority.CurrencySymbol)}), " +
        "so it's pending manager approval. Tell the customer you're getting it approved — don't promise it yet.";

    public static string Promise(StageGuide stage) => $"**5. {stage.Title}.** {stage.Tip}\n\nDid you promise them anything? (\"call back by 6pm\")";

    /// <summary>A suggested gesture the staff member may not give on their own, as its button reads.</summary>
    public static string NeedsApproval(string gesture) => $"{gesture} (needs approval)";

    public const string OnlyManagers = "Only managers can do that. An admin can add managers with \"add manager @name\".";

    public const string ChannelRegistered = "This is now the team's recovery channel. I'll post follow-up reminders, escalations, approval requests and a daily shift digest here.";

    public static string ManagerAdded(string who) => $"Added {who} as a manager.";

    /// <summary>To the manager who decided: "Approved by Maria: $50 — Late checkout for SR-7K3Q. Sam has been told."</summary>
    public static string ApprovalDecided(RecoveryCase c) =>
        $"{Describe(c.Atonement!.Decision!)} — {c.Atonement.Offer} for {c.Id}. {c.StaffName ?? "The staff member"} has been told.";

    public static string StaffToldDecision(RecoveryCase c) => c.Atonement?.Decision is { Approved: true } d
        ? $"Good news: {d.ByName} approved {c.Atonement.Offer}{(d.Amount is { } amount ? $" ({Money(amount)})" : "")} for {c.Id}. You can offer it now."
        : $"{c.Atonement?.Decision?.ByName ?? "Your manager"} declined {c.Atonement?.Offer} for {c.Id}. Offer something within your authority instead, and keep the apology personal.";

    /// <summary>A decision asked for again: "SR-7K3Q was already approved by Maria at 12:04 ($50)."</summary>
    public static string AlreadyDecided(RecoveryCase c) => c.Atonement?.Decision is { } d
        ? $"{c.Id} was already {(d.Approved ? "approved" : "declined")} by {d.ByName} at {d.At.ToString("HH:mm", CultureInfo.InvariantCulture)}{(d.Approved && d.Amount is { } amount ? $" ({Money(amount)})" : "")}."
        : $"{c.Id} has no approval waiting.";

    /// <summary>"Approved by Maria: $50", "Declined by Maria".</summary>
    public static string Describe(ApprovalDecision d) =>
        d.Approved ? $"Approved by {d.ByName}{(d.Amount is { } amount ? ": " + Money(amount) : "")}" : $"Declined by {d.ByName}";

    /// <summary>The offer, and where its approval stands: "$120 credit (approved by Maria: $80, Mon 23 Nov 12:04)".</summary>
    public static string Describe(Atonement a) => a.Decision is { } d
        ? $"{a.Offer} ({char.ToLowerInvariant(Describe(d)[0])}{Describe(d)[1..]}, {When(d.At)})"
        : a.Approval == ApprovalState.Pending ? $"{a.Offer} (pending approval)" : a.Offer;

    /// <summary>To the staff member, in the turn the approval is asked for: who was asked, or that nobody could be and what to do meanwhile.</summary>
    public static string ApprovalAsked(IReadOnlyList<string> asked, bool channel, AuthorityOptions authority) =>
        channel ? "I've posted the approval request in the managers' channel; you'll hear the decision here."
        : asked.Count > 0 ? $"I've asked {JoinNames(asked)} for approval; you'll hear the decision here."
        : $"No manager can be reached through me yet (no managers' channel, and no manager has chatted with me). Ask a manager in person, and meanwhile offer what's within your authority (up to level {authority.StaffMaxLevel} or {Money(authority.StaffMaxAmount, authority.CurrencySymbol)}), such as a drink or dessert on the house.";

    private static string JoinNames(IReadOnlyList<string> names) => names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1];

    public static string Snoozed(RecoveryCase c) => $"Snoozed: I'll remind you about {c.Id} again {When(c.FollowUpAt!.Value)}.";

    public static string AskReassign(CaseId id) => $"Who should take {id}? Say \"reassign {id} to maria\" (a name or a user id) or \"reassign {id} @name\".";

    public static string ReassignNotFound(CaseId id, string who) =>
        $"I don't know anyone called \"{who}\" who has chatted with me. Say \"reassign {id} to\" a name or user id of someone who has, or @mention them.";

    public static string Reassigned(RecoveryCase c, string to) => $"{c.Id} is now with {to}.";

    /// <summary>To the new owner of a case.</summary>
    public static string ReassignedToYou(RecoveryCase c, string by) =>
        $"{by} gave you case {c.Id}: {Short(c.WhatHappened)}{(c.FollowUpAt is { } due && c.IsOpen ? $" Follow-up due {When(due)}." : "")} Say \"show {c.Id}\" for the whole story.";

    public static string PromiseKept(RecoveryCase c) => $"Promise kept on {c.Id} — thanks. That's what wins customers back.";

    public const string AskPromiseDue = "By when? (\"6pm\", \"in 2 hours\", \"tomorrow 9am\")";

    /// <summary>"A message you could send:" and each draft as a quote, the first unlabelled, the others with their language; empty for none.</summary>
    public static string FollowUpMessages(IReadOnlyList<(string Language, string Message)> messages) =>
        messages.Count == 0 ? "" : "A message you could send:\n\n" + string.Concat(messages.Select((m, i) => (i == 0 ? "" : $"In {m.Language}:\n\n") + $"> {m.Message}\n\n"));

    public static string FollowUp(StageGuide stage, DateTimeOffset suggested) =>
        $"**6. {stage.Title}.** {stage.Tip}\n\nWhen should we follow up? Default: {When(suggested)}. Or type a time (\"in 15 minutes\", \"before they leave\", \"friday 10am\").";

    public const string FollowUpRetry = "I didn't catch a time. Try \"tomorrow 10am\", \"in 2 hours\" or \"friday\", or tap the default.";

    public static string Summary(RecoveryCase c, RecoveryPlaybook playbook) =>
        $"**Case {c.Id}** — {Describe(c.Status)}\n" +
        $"- What happened: {Short(c.WhatHappened)}\n" +
        $"- Category: {(c.Category is { } category ? playbook.For(category).Title : "not set")} · Severity: {(c.Severity is { } s ? $"S{s} {SeverityName(s)}" : "not set")}\n" +
        (c.Customer is { } customer ? $"- Customer: {Describe(customer)}\n" : "") +
        (c.FixDone is { } fix ? $"- Fix: {fix}\n" : "") +
        (c.Atonement is { } a ? $"- Atonement: {Describe(a)}\n" : "") +
        (c.Promise is { } p ? $"- Promise: {Describe(p)}{(c.Timeline.Any(e => e.Step == CaseStep.PromiseKept) ? " — kept" : "")}\n" : "") +
        (c.FollowUpAt is { } follow && c.IsOpen ? $"- Follow up: {When(follow)}\n" : "") +
        Outcome(c) +
        (c.TimeToAcknowledge is { } ack ? $"- Time to apologise: {Duration(ack)}" : "") +
        (c.TimeToFix is { } fixTime ? $" · time to fix: {Duration(fixTime)}" : "");

    /// <summary>What the last follow-up found, and when the case closed: the lines `show` adds once there was one.</summary>
    private static string Outcome(RecoveryCase c)
    {
        if (c.FollowUps.LastOrDefault() is not { } f) return "";
        var lines = $"- Followed up {When(f.At)}: " + (f.Reached
            ? $"satisfaction {(f.Satisfaction is { } n ? $"{n}/5" : "not given")}, {(f.Recovered ? "recovered" : "not recovered yet")}\n"
            : "customer not reached\n");
        if (f.CustomerWords is { } words) lines += $"- They said: \"{Short(words)}\"\n";
        if (f.RootCause is { } cause) lines += $"- Root cause: {cause}{(f.RootCauseDetail is { } detail ? $" ({detail})" : "")}\n";
        if (f.Lesson is { } lesson) lines += $"- Lesson: {lesson}\n";
        if (c.ClosedAt is { } closed) lines += $"- Closed {When(closed)}\n";
        return lines;
    }

    public static string Done(RecoveryCase c, RecoveryPlaybook playbook) => Summary(c, playbook) + "\n\n" + NextSteps(c);

    public static string NextSteps(RecoveryCase c) => $"Nice work. I'll remind you to follow up. Say \"show {c.Id}\" any time." +
        (c.Contact is null && c.FollowUpAt - c.UpdatedAt > TimeSpan.FromHours(1)
            ? $"\n\nTo follow up you'll need a way to reach them: say \"contact {c.Id}\" and a phone number or email (kept only in the case, gone when it closes)."
            : "");

    public const string AskContact = "How will you reach them? A phone number or email (kept only in this case, gone when it closes), or \"skip\".";

    public static string ContactSaved(RecoveryCase c) => $"Saved how to reach the customer of {c.Id}. It stays in the case only, and goes when the case closes.";

    /// <summary>
    /// The English message to the customer: their name when staff gave one, what went wrong and when, what was done
    /// and offered, then the question.
    /// </summary>
    public static string FollowUpDraft(RecoveryCase c)
    {
        var name = c.Customer?.NameOrReference is { } who && IncidentParser.LooksLikeName(who) ? " " + who : "";
        var what = FirstSentence(c.WhatHappened);
        var done = c.FixDone is { } fix ? $" We {Lower(fix)}" + (c.Atonement is { Approval: not ApprovalState.Declined and not ApprovalState.Pending } a && a.Offer != "none" ? $", and {Lower(a.Offer)}." : ".") : "";
        return $"Hello{name}, I'm following up on what went wrong on {c.OpenedAt.ToString("d MMM", CultureInfo.InvariantCulture)} ({Lower(what)}).{done} " +
            "Is everything sorted now? If anything still isn't right, tell me and we'll put it right.";
    }

    private static string FirstSentence(string text)
    {
        var end = text.IndexOfAny(['.', '!', '?', ';']);
        return Short((end > 0 ? text[..end] : text).Trim());
    }

    private static string Lower(string text) => text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;

    public static string CaseList(IReadOnlyList<CaseSummary> cases) => cases.Count == 0
        ? NoCases
        : "Your open cases:\n" + string.Join("\n", cases.Select(c => $"- {c.Id} · {Describe(c.Status)}{(c.Severity is { } s ? $" · S{s}" : "")} · {Short(c.WhatHappened)}"));

    /// <summary>The cases a search found, each with where it stands and its follow-up; or that none mentions the words.</summary>
    public static string SearchResults(string query, IReadOnlyList<CaseSummary> found) => found.Count == 0
        ? $"No recent case mentions \"{Short(query)}\". Say \"my cases\" for yours, or tell me what happened to open one."
        : "Cases that mention it:\n" + string.Join("\n", found.Select(c =>
            $"- {c.Id} · {Describe(c.Status)}{FollowUpNote(c)}{(c.Customer is { } who ? $" · {who}" : "")} · {Short(c.WhatHappened)}")) +
          $"\nSay \"show {found[0].Id}\" for the whole story.";

    private static string FollowUpNote(CaseSummary c) => c.Status switch
    {
        CaseStatus.Closed => ", followed up",
        CaseStatus.AwaitingFollowUp when c.FollowUpAt is { } due => $" (due {When(due)})",
        _ => "",
    };

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    /// <summary>The practice case: nothing is saved; what happened, what the customer says, and the question.</summary>
    public static string PracticeScenario(Practice.PracticeScenario s) =>
        $"**Practice** ({s.Sector.ToLowerInvariant()}, nothing is saved). {s.Situation}\n\nThe customer says: \"{s.CustomerWords}\"\n\nWhat do you say first? Type it as you'd say it.";

    /// <summary>What went well, what to add, what to avoid, then the playbook's wording and the scenario's trap.</summary>
    public static string PracticeFeedback(Practice.PracticeFeedback.Result r, Practice.PracticeScenario s, string model)
    {
        var headline = r.Score >= 3 ? "Strong start." : r.Score == 2 ? "Good — one thing to add." : "Let's sharpen it.";
        var lines = new List<string>
        {
            r.SaidSorry ? "✓ You said sorry." : "• Start with a sincere sorry, before any explanation.",
            r.NamedFeelings ? "✓ You acknowledged how they feel." : "• Name the feeling: \"I can see how upsetting this is.\"",
            r.SaidWhatsNext ? "✓ You said what happens next." : "• Say what you'll do next, and when.",
        };
        lines.AddRange(r.Excuses.Select(e => $"✗ Avoid \"{e}\": it sounds like an excuse."));
        return $"{headline}\n{string.Join("\n", lines)}\n\nThe playbook would say:\n\n> {model}\n\nWatch for: {s.WatchFor}\n\nSay \"practice\" for another, or tell me about a real case.";
    }

    /// <summary>Follow-ups waiting, soonest first, the overdue ones marked, each with how to record it.</summary>
    public static string FollowUpList(IReadOnlyList<CaseSummary> waiting, DateTimeOffset now) => waiting.Count == 0
        ? "No follow-ups waiting for you."
        : "Your follow-ups:\n" + string.Join("\n", waiting.Select(c =>
            $"- {c.Id} · {(c.FollowUpAt is { } due ? $"due {When(due)}{(due < now ? " (overdue)" : "")}" : "no time set")} · {Short(c.WhatHappened)}")) +
          $"\nSay \"follow up {waiting[0].Id}\" when you've spoken to them.";

    public static string PickPaused(IReadOnlyList<CaseSummary> paused) =>
        "Which one? Your paused cases:\n" + string.Join("\n", paused.Select(c => $"- {c.Id} · {Short(c.WhatHappened)}")) +
        $"\nSay \"resume {paused[0].Id}\".";

    public static string Status(IReadOnlyList<string> where, RecoveryCase? c) =>
        (c is null ? "No case opened yet." : $"Case {c.Id}: {Short(c.WhatHappened)}") +
        (where.Count > 0 ? $"\nWe're at: {string.Join(" › ", where)}." : "");

    public static string Describe(CaseStatus status) => status switch
    {
        CaseStatus.InProgress => "in progress",
        CaseStatus.Paused => "paused",
        CaseStatus.AwaitingFollowUp => "awaiting follow-up",
        CaseStatus.Discarded => "discarded",
        _ => "closed",
    };

    public static string When(DateTimeOffset at) => at.ToString("ddd d MMM HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"table 12 (VIP)": the customer as the summaries and cards show them.</summary>
    public static string Describe(Customer customer) => $"{customer.NameOrReference ?? "not given"} ({Describe(customer.Tier)})";

    public static string Describe(CustomerTier tier) => tier switch
    {
        CustomerTier.Vip => "VIP",
        CustomerTier.Regular => "regular",
        _ => "new",
    };

    /// <summary>"call back by 6pm (due Mon 23 Nov 18:00)": the staff member's words, then the time they were read as.</summary>
    public static string Describe(Promise promise) => promise.DueAt is { } due ? $"{promise.What} (due {When(due)})" : promise.What;

    private static string Money(decimal amount, string symbol = "$") => symbol + amount.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Duration(TimeSpan span) => span.TotalMinutes < 1 ? $"{span.TotalSeconds:0}s" : span.TotalHours < 1 ? $"{span.TotalMinutes:0} min" : $"{span.TotalHours:0.#} h";

    private static string Short(string text) => text.Length <= 80 ? text : text[..77] + "...";
}

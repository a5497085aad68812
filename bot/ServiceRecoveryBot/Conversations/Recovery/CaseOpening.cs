using Microsoft.Extensions.Options;
using ServiceRecoveryBot.Turns.Effects;
using ServiceRecoveryBot.Operations;
using ServiceRecoveryBot.Protocol;
using ServiceRecoveryBot.Recovery.Cases;
using ServiceRecoveryBot.Recovery.Playbooks;
using ServiceRecoveryBot.Sentiment;
using ServiceRecoveryBot.Sentiment.Languages;
using ServiceRecoveryBot.Understanding;
using ServiceRecoveryBot.Text;

namespace ServiceRecoveryBot.Conversations.Recovery;

/// <summary>
/// Opens a case from the first message and says what to say now (case id, apology fitted to the message, the next move,
/// any manager flag) before any question; both the quick path and the coached walk open cases here.
/// </summary>
public sealed class CaseOpening(
    RecoveryPlaybook playbook,
    IUnderstanding understanding,
    SeverityAdvisor severities,
    FreshCaseIds freshIds,
    ISentimentAnalyzer tone,
    IOptions<RecoveryOptions> options)
{
    public async Task<OpenedCase> OpenAsync(TurnContext turn, string text, CancellationToken ct)
    {
        var team = TeamKey.Of(turn.Activity, options.Value.DefaultTeam);
        // A case logged from someone's message: its words, its reserved id, and what the form said.
        var start = Entry.MessageStart.Of(turn.Activity);
        if (start is not null) text = start.Incident;
        var id = start?.CaseId ?? await freshIds.NextAsync(team, ct);
        var staff = turn.Activity.From;
        var opened = RecoveryCase.Open(id, team, staff?.Id ?? "unknown", staff?.Name, text, turn.ReceivedAt) with { ConversationId = turn.Activity.Conversation?.Id };
        if (start is not null) opened = opened with { Timeline = [opened.Timeline[0] with { Note = Home.HomeText.For(turn.Activity.Locale).FromMessage(start.Reporter) }] };
        var understood = understanding.Understand(text, UnderstandingPurpose.CaseOpening, ct);
        var facts = understood.Facts;
        if (facts.Reference is not null || facts.Tier is not null)
            opened = opened with { Customer = new Customer(facts.Reference, facts.Tier ?? CustomerTier.New) };
        string? toneLine = null;
        if (facts.CustomerWords is { } words)
        {
            var assessment = understanding.Understand(words, UnderstandingPurpose.CustomerWords, ct).ToneOf(await tone.AnalyzeAsync(words, turn.Activity.Locale, ct));
            toneLine = ToneLine.Format(assessment);
            var reading = ToneReading.Of(assessment, turn.ReceivedAt);
            if (reading.Flags.Count > 0) turn.Effects.Add(new CountToneFlags(reading.Flags));
            var attention = assessment.Has(ToneFlag.SafetyOrHealth) || assessment.Has(ToneFlag.LegalOrRegulatory)
                || (assessment.IsVeryNegative && opened.Customer?.Tier == CustomerTier.Vip);
            opened = opened with { CustomerWords = words, Tones = [reading], NeedsManagerAttention = attention };
        }

        var category = start?.Category ?? understood.Category;
        var reading0 = opened.Tones.LastOrDefault();
        var severity = severities.Suggest(category ?? FailureCategory.Other, text, opened.CustomerWords, opened.Customer?.Tier ?? CustomerTier.New, reading0);
        if (start?.Severity is { } chosen) severity = new SeverityAdvice(chosen, ["chosen when logging the message"]);
        var guide = playbook.For(category ?? FailureCategory.Other);
        var apology = ApologyWording.For(guide, severity.Severity, reading0);
        var language = reading0?.Language;
        var say = turn.Replies();
        var theirs = language != say.Language && playbook.ApologyIn(language) is { } words2 ? (say.LanguageName(language!), words2) : ((string, string)?)null;
        var flags = ManagerFlags(turn.Replies(), opened, severity, reading0);

        turn.Effects.CreateCase(opened);
        turn.SendText(turn.Replies().SayNow(id, apology, theirs, guide.Fixes[0], flags));
        if (toneLine is not null) turn.SendText(toneLine);
        return new OpenedCase(opened, category, severity, apology);
    }

    /// <summary>
    /// Threats, abuse or violence: recorded for the duty manager (safety, flagged, paused for staff to add to when safe),
    /// with no apology script.
    /// </summary>
    public async Task<RecoveryCase> RecordThreatAsync(TurnContext turn, string text, CancellationToken ct)
    {
        var team = TeamKey.Of(turn.Activity, options.Value.DefaultTeam);
        var id = await freshIds.NextAsync(team, ct);
        var staff = turn.Activity.From;
        var by = staff?.Id ?? "unknown";
        var recorded = (RecoveryCase.Open(id, team, by, staff?.Name, text, turn.ReceivedAt) with { ConversationId = turn.Activity.Conversation?.Id })
            .Record(CaseStep.Categorised, turn.ReceivedAt, by, nameof(FailureCategory.SafetyOrHealth)) with
            {
                Category = FailureCategory.SafetyOrHealth,
                Severity = 4,
                NeedsManagerAttention = true,
            };
        recorded = recorded.Pause(turn.ReceivedAt, by);
        turn.Effects.CreateCase(recorded);
        return recorded;
    }

    /// <summary>What goes to a manager at once: harm or legal exposure, a critical severity, a very upset VIP.</summary>
    private static List<string> ManagerFlags(Replies say, RecoveryCase c, SeverityAdvice severity, ToneReading? reading)
    {
        var flags = new List<string>();
        if (reading?.Flags.Contains(nameof(ToneFlag.SafetyOrHealth)) == true) flags.Add(say.FlagSafety);
        if (reading?.Flags.Contains(nameof(ToneFlag.LegalOrRegulatory)) == true) flags.Add(say.FlagLegal);
        if (severity.Severity >= 4 && flags.Count == 0) flags.Add(say.FlagCritical);
        if (c.NeedsManagerAttention && flags.Count == 0) flags.Add(say.FlagVip);
        return flags;
    }
}

/// <summary>A case just opened and what the bot suggested for it.</summary>
public sealed record OpenedCase(RecoveryCase Case, FailureCategory? Category, SeverityAdvice Severity, string Apology);

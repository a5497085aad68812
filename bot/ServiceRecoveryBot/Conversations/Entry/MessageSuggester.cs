using ServiceRecoveryBot.Recovery.Cases;
using ServiceRecoveryBot.Recovery.Playbooks;
using ServiceRecoveryBot.Sentiment;
using ServiceRecoveryBot.Understanding;

namespace ServiceRecoveryBot.Conversations.Entry;

/// <summary>
/// Pre-fills the "Log as service recovery" form from a message: its text, its author, and the category and severity the
/// DM would suggest for the same words (the same <see cref="IUnderstanding"/>, tone and <see cref="SeverityAdvisor"/>).
/// </summary>
public sealed class MessageSuggester(IUnderstanding understanding, ISentimentAnalyzer tone, SeverityAdvisor severities, RecoveryPlaybook playbook, TimeProvider clock)
{
    public async Task<MessageForm> SuggestAsync(string text, string? reporter, string? locale, CancellationToken ct)
    {
        var incident = text.Length <= MessageStart.MaxIncidentLength ? text : text[..MessageStart.MaxIncidentLength];
        var understood = understanding.Understand(incident, UnderstandingPurpose.CaseOpening, ct);
        ToneReading? reading = null;
        if (understood.Facts.CustomerWords is { } words)
        {
            var assessment = understanding.Understand(words, UnderstandingPurpose.CustomerWords, ct).ToneOf(await tone.AnalyzeAsync(words, locale, ct));
            reading = ToneReading.Of(assessment, clock.GetUtcNow());
        }
        var category = understood.Category ?? FailureCategory.Other;
        var severity = severities.Suggest(category, incident, understood.Facts.CustomerWords, understood.Facts.Tier ?? CustomerTier.New, reading);
        return new MessageForm(incident, reporter, category, understood.Category is not null, severity.Severity,
            [.. playbook.Categories.Select(c => (c.Title, c.Category))]);
    }
}

/// <summary>The form as pre-filled: the incident, who reported it, the suggested category and severity, and the categories to pick from.</summary>
public sealed record MessageForm(string Incident, string? Reporter, FailureCategory Category, bool CategorySuggested, int Severity, IReadOnlyList<(string Title, FailureCategory Category)> Categories);

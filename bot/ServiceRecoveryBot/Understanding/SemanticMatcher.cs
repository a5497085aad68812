using ServiceRecoveryBot.Guidance;
using ServiceRecoveryBot.Recovery.Cases;
using ServiceRecoveryBot.Recovery.Playbooks;
using ServiceRecoveryBot.Sentiment;

namespace ServiceRecoveryBot.Understanding;

/// <summary>
/// Nearest-example reading with the sentence model: categories from the incident examples, flags from the quote
/// examples, guidance topics from the question examples and the knowledge base's own questions. The examples are
/// encoded once, at <see cref="Load"/>; until then <see cref="IsReady"/> is false and the seam answers lexically.
/// </summary>
public sealed class SemanticMatcher(SentenceModel model, ExampleSets examples, GuidanceService guidance, RecoveryPlaybook playbook)
{
    /// <summary>Softmax temperature over category similarities: lower is more decisive.</summary>
    private const double Temperature = 0.03;

    /// <summary>The model's share when the lexicon also read a category (the lexicon is the surer of the two on staff's words).</summary>
    private const double ModelWeight = 0.25;

    /// <summary>Below this similarity to every category's prototype, and with no lexical cue, nothing fits.</summary>
    private const double NothingFits = 0.3;

    /// <summary>A topic's score: this share of the mean similarity to all its examples, the rest from its nearest few.</summary>
    private const double TopicMeanShare = 0.3;
    private const int TopicNearest = 5;

    private Index? index;

    public bool IsReady => Volatile.Read(ref index) is not null;

    /// <summary>Loads the model and encodes every example into its class's prototype (slow: call it off the request path). Idempotent.</summary>
    public void Load()
    {
        if (IsReady) return;
        model.Load();
        var incidents = examples.Incidents;
        var quotes = examples.Quotes;
        var questions = examples.Questions
            .Concat(guidance.Knowledge.Entries.SelectMany(e => e.Questions.Append(e.Title).Select(q => (Topic: e.Id, Text: q))))
            .Concat(playbook.Categories.Where(c => c.Category != FailureCategory.Other)
                .Select(c => (Topic: TopicGuess.PlaybookPrefix + c.Category, Text: "how do i handle " + c.Title.ToLowerInvariant())))
            .ToList();
        var vectors = model.Encode([.. incidents.Select(i => i.Text), .. quotes.Select(q => q.Text), .. questions.Select(q => q.Text)]);
        var quoteVectors = vectors.Skip(incidents.Count).Take(quotes.Count).ToArray();
        Volatile.Write(ref index, new Index(
            incidents.Select((e, i) => (e.Category, Vector: vectors[i])).GroupBy(e => e.Category).ToDictionary(g => g.Key, g => Prototype(g.Select(e => e.Vector))),
            Enum.GetValues<ToneFlag>().Where(f => quotes.Any(q => q.Flags.Contains(f))).ToDictionary(f => f, f => (
                With: Prototype(quotes.Select((q, i) => (q, i)).Where(x => x.q.Flags.Contains(f)).Select(x => quoteVectors[x.i])),
                Without: Prototype(quotes.Select((q, i) => (q, i)).Where(x => !x.q.Flags.Contains(f)).Select(x => quoteVectors[x.i])))),
            questions.Select((e, i) => (e.Topic, Vector: vectors[incidents.Count + quotes.Count + i])).GroupBy(e => e.Topic, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(e => e.Vector).ToArray(), StringComparer.Ordinal)));
    }

    /// <summary>The lexical reading joined by the model's, for what <paramref name="purpose"/> needs.</summary>
    public Understood Refine(Understood lexical, IReadOnlyList<(FailureCategory Category, double Score)> cueScores, UnderstandingPurpose purpose)
    {
        ArgumentNullException.ThrowIfNull(lexical);
        ArgumentNullException.ThrowIfNull(cueScores);
        var ix = Volatile.Read(ref index) ?? throw new InvalidOperationException("The semantic matcher is not loaded.");
        if (purpose == UnderstandingPurpose.Routing || lexical.Text.Trim().Length == 0) return lexical;
        var v = model.Encode([lexical.Text])[0];
        return purpose switch
        {
            UnderstandingPurpose.CaseOpening => lexical with { Categories = Categories(ix, v, cueScores), Flags = Flags(ix, v, lexical.Flags), ByModel = true },
            UnderstandingPurpose.CustomerWords => lexical with { Flags = Flags(ix, v, lexical.Flags), ByModel = true },
            _ => lexical with { Topics = Topics(ix, v), ByModel = true },
        };
    }

    private static IReadOnlyList<CategoryGuess> Categories(Index ix, float[] v, IReadOnlyList<(FailureCategory Category, double Score)> cueScores)
    {
        var similarity = ix.Categories.ToDictionary(kv => kv.Key, kv => SentenceModel.Cosine(v, kv.Value));
        var best = similarity.Values.Max();
        if (cueScores.Count == 0 && best < NothingFits) return [];
        var exp = similarity.ToDictionary(kv => kv.Key, kv => Math.Exp((kv.Value - best) / Temperature));
        var sum = exp.Values.Sum();
        var lexicalTotal = cueScores.Sum(s => s.Score);
        var combined = exp.ToDictionary(kv => kv.Key, kv =>
        {
            var p = kv.Value / sum;
            if (lexicalTotal <= 0) return p;
            var lexical = cueScores.FirstOrDefault(s => s.Category == kv.Key).Score / lexicalTotal;
            return ModelWeight * p + (1 - ModelWeight) * lexical;
        });
        // A health risk the lexicon found stays first, whatever the rest of the message is about.
        if (cueScores.Count > 0 && cueScores[0].Category == FailureCategory.SafetyOrHealth)
            combined[FailureCategory.SafetyOrHealth] = Math.Max(combined[FailureCategory.SafetyOrHealth], combined.Values.Max() + 0.01);
        return combined.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).Take(3)
            .Where(kv => kv.Value >= 0.02).Select(kv => new CategoryGuess(kv.Key, Math.Round(Math.Min(kv.Value, 1), 3))).ToList();
    }

    /// <summary>The lexical flags, plus each flag whose prototype the words are nearer than the prototype of the quotes without it.</summary>
    private static IReadOnlyList<ToneFlagHit> Flags(Index ix, float[] v, IReadOnlyList<ToneFlagHit> lexical)
    {
        var hits = lexical.ToList();
        foreach (var (flag, (with, without)) in ix.Flags)
        {
            if (hits.Any(h => h.Flag == flag)) continue;
            var lead = SentenceModel.Cosine(v, with) - SentenceModel.Cosine(v, without);
            if (lead >= FlagLead(flag)) hits.Add(new ToneFlagHit(flag, [string.Create(System.Globalization.CultureInfo.InvariantCulture, $"model ({lead:0.00})")]));
        }
        hits.Sort((a, b) => a.Flag.CompareTo(b.Flag));
        return hits;
    }

    /// <summary>How much nearer the flag's prototype must be: less for safety, where a miss costs most (recall first).</summary>
    internal static double FlagLead(ToneFlag flag) => flag == ToneFlag.SafetyOrHealth ? 0.04 : 0.08;

    /// <summary>
    /// Every topic, nearest first: mostly how near the question is to the topic's closest few examples (so a Spanish
    /// question finds its Spanish neighbours), partly to all of them (so one stray example does not decide).
    /// </summary>
    private static IReadOnlyList<TopicGuess> Topics(Index ix, float[] v) =>
        ix.Topics.Select(kv =>
            {
                var similarities = kv.Value.Select(e => SentenceModel.Cosine(v, e)).OrderDescending().ToArray();
                var nearest = similarities.Take(TopicNearest).Average();
                return new TopicGuess(kv.Key, Math.Round(TopicMeanShare * similarities.Average() + (1 - TopicMeanShare) * nearest, 3));
            })
            .OrderByDescending(t => t.Score).ThenBy(t => t.Topic, StringComparer.Ordinal).ToList();

    /// <summary>The normalized mean of unit vectors: a class's prototype.</summary>
    private static float[] Prototype(IEnumerable<float[]> vectors)
    {
        float[]? sum = null;
        foreach (var v in vectors)
        {
            sum ??= new float[v.Length];
            for (var i = 0; i < v.Length; i++) sum[i] += v[i];
        }
        if (sum is null) return [];
        var norm = MathF.Sqrt(sum.Sum(x => x * x));
        return norm > 0 ? sum.Select(x => x / norm).ToArray() : sum;
    }

    private sealed record Index(
        Dictionary<FailureCategory, float[]> Categories,
        Dictionary<ToneFlag, (float[] With, float[] Without)> Flags,
        Dictionary<string, float[][]> Topics);
}

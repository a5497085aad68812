using System.Collections.Frozen;

namespace ServiceRecoveryBot.Sentiment;

/// <summary>
/// Our service-domain layer over VADER (<see cref="SentimentMode.Service"/>). Valences are our own, on VADER's -4..4 scale:
/// <list type="bullet">
/// <item>complaint words VADER lacks or under-weights (cold, waited, overcharged, filthy, late, ...);</item>
/// <item>politeness and request words that are not praise in a complaint ("please", "help", "I'd like", "honestly", "promised");</item>
/// <item>phrases scored on their last word ("never arrived", "double charged", "don't bother", "thanks for nothing");</item>
/// <item>a service verb after a negation is a failure ("nobody called", "it doesn't work", "can't reach her");</item>
/// <item>a waited duration ("fifty minutes", "3 days") and a repeat ("third time") count against the service.</item>
/// </list>
/// </summary>
internal sealed class ServiceLexicon
{
    private static readonly KeyValuePair<string, double>[] Words =
    [
        new("cold", -1.2), new("lukewarm", -1.2), new("undercooked", -1.8), new("overcooked", -1.4), new("burnt", -1.6),
        new("raw", -1.0), new("stale", -1.6), new("soggy", -1.2), new("inedible", -2.5), new("mouldy", -2.3), new("moldy", -2.3),
        new("waited", -1.1), new("waiting", -0.9), new("queue", -0.4), new("queued", -0.8), new("hold", -0.3), new("holds", -0.8),
        new("overcharged", -2.2), new("overcharge", -2.0), new("overcharging", -2.2), new("surcharge", -0.8), new("refund", -0.6),
        new("rude", -2.4), new("rudely", -2.4), new("unprofessional", -2.2), new("dismissive", -1.8), new("ignored", -1.8),
        new("humiliated", -2.6), new("lost", -1.6), new("missing", -1.5), new("dirty", -2.1), new("filthy", -2.5),
        new("stained", -1.5), new("smelly", -1.8), new("smells", -1.0), new("stinks", -2.0), new("sticky", -1.0),
        new("broken", -2.2), new("broke", -2.0), new("damaged", -2.0), new("smashed", -2.1), new("cracked", -1.5),
        new("leaking", -1.6), new("leak", -1.4), new("mould", -2.0), new("mold", -2.0), new("cockroach", -2.6),
        new("cockroaches", -2.6), new("bedbugs", -2.8), new("rats", -2.2), new("mice", -1.8), new("late", -1.1),
        new("later", -0.2), new("slow", -1.2), new("delayed", -1.4), new("cancelled", -1.5), new("canceled", -1.5),
        new("expired", -1.8), new("offline", -1.4), new("outage", -1.8), new("down", -0.4), new("noisy", -1.3),
        new("freezing", -1.5), new("sauna", -1.0), new("disgusting", -2.8), new("unacceptable", -2.6),
        new("overpriced", -1.8), new("faulty", -1.8), new("defective", -2.0), new("wrong", -2.2), new("mistake", -1.6),
        new("again", -0.3), new("excuses", -1.6), new("excuse", -1.0), new("chargeback", -1.8), new("starving", -1.8),
        new("joke", -1.4), new("nobody", -0.8), new("fiasco", -2.4), new("shambles", -2.5), new("nightmare", -2.8),
        new("lawyer", -1.6), new("lawyers", -1.6), new("solicitor", -1.6), new("attorney", -1.6), new("sue", -2.0), new("suing", -2.0),
        new("lawsuit", -2.0), new("inspector", -0.8), new("ombudsman", -1.2), new("tripadvisor", -0.8), new("review", -0.5),
        new("instagram", -0.8), new("facebook", -0.8), new("tiktok", -0.8), new("twitter", -0.8), new("yelp", -0.8), new("trustpilot", -0.8),
        new("elsewhere", -1.0), new("rubbish", -1.8),
        new("parcel", -0.3), new("strangers", -0.4), new("stranger's", -0.6),
    ];

    /// <summary>
    /// Words whose VADER valence is praise or approval but which in a complaint are requests, sarcasm or plain facts
    /// ("my heart tablets", "going straight on Instagram").
    /// </summary>
    private static readonly string[] Neutralised =
    [
        "please", "help", "like", "honestly", "promise", "promised", "promises", "sure", "fine", "want", "free",
        "hope", "ready", "worth", "care", "kind", "pretty", "ok", "okay", "yes", "yeah", "well", "certain", "credit",
        "someone", "actually", "seriously", "clear", "matter", "chance", "true", "number", "urgent", "heart", "straight",
    ];

    /// <summary>Service verbs that mean a failure when negated ("never arrived", "nobody called").</summary>
    private static readonly FrozenSet<string> ServiceVerbs = new[]
    {
        "arrive", "arrived", "arrives", "come", "came", "comes", "show", "showed", "turned", "turn", "call", "called",
        "rang", "ring", "reply", "replied", "respond", "responded", "answer", "answered", "work", "works", "working",
        "worked", "fixed", "fix", "fixing", "sorted", "deliver", "delivered", "refunded", "cleaned", "clean", "seated",
        "served", "reach", "reached", "activate", "sleep", "use", "seen", "told", "texted", "email", "emailed",
        "happen", "happened", "listen", "listened", "touch", "paying", "pay", "eat", "bothered", "checked", "sent",
        "mine", "sit", "ready", "mean", "meant", "expect", "expected", "even", "shown",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Durations = new[]
    {
        "minute", "minutes", "mins", "min", "hour", "hours", "hrs", "hr", "day", "days", "week", "weeks", "month", "months",
        "calls", "times", "attempts", "emails",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Numbers = new[]
    {
        "a", "an", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen",
        "twenty", "thirty", "forty", "forty-five", "fifty", "sixty", "ninety", "several", "few", "many", "whole",
        "fourteen", "half", "couple",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Negators = new[] { "nobody", "noone", "nothing", "no" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Phrases, scored on their last word (which replaces that word's own score).</summary>
    private static readonly (string[] Words, double Valence)[] Phrases =
    [
        (["don't", "bother"], -1.6), (["dont", "bother"], -1.6), (["thanks", "for", "nothing"], -2.4),
        (["double", "charged"], -2.2), (["charged", "twice"], -2.2), (["charged", "me", "twice"], -2.2),
        (["still", "waiting"], -1.9), (["still", "not"], -1.0), (["never", "again"], -2.0), (["a", "joke"], -1.6),
        (["no", "one"], -0.8), (["stay", "somewhere", "else"], -1.6), (["go", "somewhere", "else"], -1.6),
        (["third", "time"], -1.2), (["fourth", "time"], -1.4), (["fifth", "time"], -1.6), (["every", "time"], -0.8),
        (["third", "day"], -1.2), (["food", "poisoning"], -3.0), (["fell", "ill"], -2.4), (["got", "sick"], -2.4),
        (["not", "good", "enough"], -2.0), (["not", "happy"], -2.0), (["at", "all"], 0.0), (["on", "hold"], -1.0),
        (["let", "down"], -1.8), (["fed", "up"], -2.2), (["sold", "out"], -0.6), (["no", "padding"], -1.4),
        (["who", "packs"], -1.2), (["full", "price"], -0.8), (["waste", "of"], -1.0), (["small", "print"], -0.6),
        (["burned", "a", "day"], -1.6), (["lost", "half", "a", "day's", "pay"], -2.0), (["like", "a", "parcel"], -1.4),
        (["false", "advertising"], -2.2), (["trading", "standards"], -1.8), (["hear", "about", "this"], -1.6),
        (["hear", "from", "my"], -1.2), (["i'm", "done"], -1.8), (["im", "done"], -1.8), (["done", "with"], -2.0),
        (["above", "and", "beyond"], 2.6), (["nobody", "came"], -1.8), (["nobody", "has", "called"], -1.8), (["in", "the", "rain"], -0.8),
        (["never", "coming", "back"], -2.2), (["not", "coming", "back"], -2.0), (["second", "time"], -1.0),
    ];


    /// <summary>Phrases indexed by their first word.</summary>
    private static readonly FrozenDictionary<string, (string[] Words, double Valence)[]>.AlternateLookup<ReadOnlySpan<char>> PhrasesByFirstWord =
        Phrases.GroupBy(p => p.Words[0], StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The service-layer kinds of words, folded into the analyzer's word table so a token costs one look-up.</summary>
    public static IEnumerable<(string Word, ServiceWord Kind)> WordKinds() =>
        Negators.Select(w => (w, ServiceWord.Negator))
            .Concat(ServiceVerbs.Select(w => (w, ServiceWord.Verb)))
            .Concat(Durations.Select(w => (w, ServiceWord.Duration)))
            .Concat(Numbers.Select(w => (w, ServiceWord.Number)))
            .Concat(Phrases.Select(p => (p.Words[0], ServiceWord.PhraseStart)));

    /// <summary>The lexicon with our words added and the neutralised words removed.</summary>
    public VaderLexicon Apply(VaderLexicon lexicon) => lexicon.With(Words, Neutralised);

    /// <summary>
    /// Before scoring: "can't believe" and "couldn't believe" are disbelief that stresses what follows, not a negation of
    /// it ("I can't believe you lost my suitcase again" is a complaint; VADER's three-word negation reach flips "lost").
    /// "Don't believe" still negates.
    /// </summary>
    public static void Prepare(Span<VaderToken> tokens, ReadOnlySpan<char> lower)
    {
        for (int i = 0; i + 1 < tokens.Length; i++)
        {
            if (!tokens[i].IsNegation || !VaderAnalyzer.Text(tokens[i + 1], lower).StartsWith("believ", StringComparison.Ordinal)) continue;
            var negation = VaderAnalyzer.Text(tokens[i], lower);
            if (negation is "can't" or "cant" or "cannot" or "couldn't" or "couldnt" or "can’t" or "couldn’t"
                || (negation is "not" && i > 0 && VaderAnalyzer.Text(tokens[i - 1], lower) is "can" or "could"))
                tokens[i].IsNegation = false;
        }
    }

    /// <summary>Adjusts the per-word scores VADER gave, before the "but" shift and the sums.</summary>
    public void Adjust(ReadOnlySpan<VaderToken> tokens, ReadOnlySpan<char> lower, Span<double> sentiments)
    {
        int n = tokens.Length;
        for (int i = 0; i < n; i++)
        {
            // A service verb within three words after a negation, with no lexicon word in between to negate: a failure.
            if (tokens[i].IsNegation || (tokens[i].Service & ServiceWord.Negator) != 0)
            {
                for (int j = i + 1; j < n && j <= i + 3; j++)
                {
                    if (tokens[j].InLexicon && sentiments[j] != 0)
                    {
                        break;
                    }

                    if ((tokens[j].Service & ServiceWord.Verb) != 0)
                    {
                        sentiments[j] = -1.6;
                        break;
                    }
                }
            }

            // A waited duration: "fifty minutes", "3 days", "an hour".
            if (i > 0 && sentiments[i] == 0 && (tokens[i].Service & ServiceWord.Duration) != 0)
            {
                var previous = VaderAnalyzer.Text(tokens[i - 1], lower);
                if ((previous.Length > 0 && char.IsAsciiDigit(previous[0])) || (tokens[i - 1].Service & ServiceWord.Number) != 0)
                {
                    sentiments[i] = -0.9;
                }
            }
        }

        for (int i = 0; i < n; i++)
        {
            if ((tokens[i].Service & ServiceWord.PhraseStart) == 0 || !PhrasesByFirstWord.TryGetValue(VaderAnalyzer.Text(tokens[i], lower), out var phrases))
            {
                continue;
            }

            foreach (var (words, valence) in phrases)
            {
                if (i + words.Length > n)
                {
                    continue;
                }

                bool match = true;
                for (int k = 1; k < words.Length && match; k++)
                {
                    match = VaderAnalyzer.Text(tokens[i + k], lower).SequenceEqual(words[k]);
                }

                if (match)
                {
                    for (int k = 0; k < words.Length - 1; k++)
                    {
                        sentiments[i + k] = 0;
                    }

                    sentiments[i + words.Length - 1] = valence;
                }
            }
        }
    }
}

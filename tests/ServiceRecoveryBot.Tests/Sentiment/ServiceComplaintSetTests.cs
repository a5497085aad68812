using ServiceRecoveryBot.Sentiment;

namespace ServiceRecoveryBot.Tests.Sentiment;

/// <summary>
/// The labelled service-complaint set (Data/service-complaints.tsv, the development set) and the held-out set
/// (Data/service-heldout.tsv, written without sight of the analyzer): service mode must read both better than vader mode.
/// </summary>
public sealed class ServiceComplaintSetTests(LexiconFixture fixture) : IClassFixture<LexiconFixture>
{
    private const string DevelopmentSet = "service-complaints.tsv";
    private const string HeldOutSet = "service-heldout.tsv";

    private static IReadOnlyList<(ToneLabel Label, ToneFlag[] Flags, string Text)> Rows(string file = DevelopmentSet)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "Sentiment", "Data", file);
            if (File.Exists(path))
            {
                return [.. File.ReadLines(path).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l =>
                {
                    var f = l.Split('\t', 3);
                    return (Enum.Parse<ToneLabel>(f[0], ignoreCase: true),
                        f[1].Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<ToneFlag>).ToArray(), f[2]);
                })];
            }
        }

        throw new FileNotFoundException("Sentiment/Data/" + file);
    }

    private double LabelAccuracy(SentimentMode mode, string file = DevelopmentSet)
    {
        var analyzer = fixture.Local(mode);
        var rows = Rows(file);
        return rows.Count(r => analyzer.Analyze(r.Text).Label == r.Label) / (double)rows.Count;
    }

    [Fact]
    public void The_set_has_the_domain_examples_and_at_least_sixty_more() => Assert.True(Rows().Count >= 100);

    [Fact]
    public void Service_mode_labels_complaints_more_accurately_than_vader_mode()
    {
        double service = LabelAccuracy(SentimentMode.Service), vader = LabelAccuracy(SentimentMode.Vader);
        Assert.True(service > vader + 0.15, $"service {service:P1}, vader {vader:P1}");
    }

    [Fact]
    public void Service_mode_labels_the_held_out_set_more_accurately_than_vader_mode()
    {
        double service = LabelAccuracy(SentimentMode.Service, HeldOutSet), vader = LabelAccuracy(SentimentMode.Vader, HeldOutSet);
        Assert.Equal(100, Rows(HeldOutSet).Count);
        Assert.True(service > vader + 0.15, $"service {service:P1}, vader {vader:P1}");
    }

    [Fact]
    public void Flags_are_found_with_precision_and_recall_of_at_least_eighty_percent()
    {
        int tp = 0, fp = 0, fn = 0;
        foreach (var (_, flags, text) in Rows())
        {
            var found = fixture.Detector.Detect(text).Select(h => h.Flag).ToHashSet();
            tp += flags.Count(found.Contains);
            fn += flags.Count(f => !found.Contains(f));
            fp += found.Count(f => !flags.Contains(f));
        }

        Assert.True(tp / (double)(tp + fp) >= 0.8, $"precision {tp}/{tp + fp}");
        Assert.True(tp / (double)(tp + fn) >= 0.8, $"recall {tp}/{tp + fn}");
    }
}

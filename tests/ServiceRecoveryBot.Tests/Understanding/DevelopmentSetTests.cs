using ServiceRecoveryBot.Recovery.Cases;
using ServiceRecoveryBot.Understanding;

namespace ServiceRecoveryBot.Tests.Understanding;

/// <summary>The development sets: big enough, every category and flag present, and the held-back split never among the matcher's examples.</summary>
public sealed class DevelopmentSetTests
{
    private static readonly string Data = Path.Combine(AppContext.BaseDirectory, "Understanding", "Data");

    private static readonly string Fresh = Path.Combine(AppContext.BaseDirectory, "Understanding", "Fresh");

    private static string Key(string text) => string.Join(' ', text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim(' ', '.', '!', '?');

    [Fact]
    public void The_held_back_split_is_disjoint_from_the_matcher_s_examples()
    {
        var examples = ExampleSets.LoadDefault();
        var held = HeldBack.Load(Data);
        var known = examples.Incidents.Select(e => e.Text).Concat(examples.Questions.Select(q => q.Text)).Concat(examples.Quotes.Select(q => q.Text))
            .Select(Key).ToHashSet(StringComparer.Ordinal);
        var heldTexts = held.Incidents.Select(e => e.Text).Concat(held.Questions.Select(q => q.Text)).Concat(held.Quotes.Select(q => q.Text)).Select(Key).ToList();
        Assert.NotEmpty(heldTexts);
        Assert.DoesNotContain(heldTexts, known.Contains);
    }

    [Fact]
    public void The_fresh_split_shares_no_row_with_the_development_split_and_covers_every_category_and_flag()
    {
        var examples = ExampleSets.LoadDefault();
        var held = HeldBack.Load(Data);
        var fresh = HeldBack.Load(Fresh);
        var known = examples.Incidents.Select(e => e.Text).Concat(examples.Questions.Select(q => q.Text)).Concat(examples.Quotes.Select(q => q.Text))
            .Concat(held.Incidents.Select(e => e.Text)).Concat(held.Questions.Select(q => q.Text)).Concat(held.Quotes.Select(q => q.Text))
            .Select(Key).ToHashSet(StringComparer.Ordinal);
        var freshTexts = fresh.Incidents.Select(e => e.Text).Concat(fresh.Questions.Select(q => q.Text)).Concat(fresh.Quotes.Select(q => q.Text)).Select(Key).ToList();
        Assert.DoesNotContain(freshTexts, known.Contains);
        Assert.True(fresh.Incidents.Count >= 100 && fresh.Questions.Count >= 60 && fresh.Quotes.Count >= 80);
        Assert.Equal(Enum.GetValues<FailureCategory>().Length, fresh.Incidents.Select(e => e.Category).Distinct().Count());
        Assert.Equal(Enum.GetValues<ServiceRecoveryBot.Sentiment.ToneFlag>().Length, fresh.Quotes.SelectMany(q => q.Flags).Distinct().Count());
    }

    [Fact]
    public void The_sets_are_as_large_as_the_issue_asks_and_about_a_third_is_held_back()
    {
        var examples = ExampleSets.LoadDefault();
        var held = HeldBack.Load(Data);
        Assert.True(examples.Incidents.Count + held.Incidents.Count >= 300);
        Assert.True(examples.Questions.Count + held.Questions.Count >= 150);
        Assert.True(examples.Quotes.Count + held.Quotes.Count >= 150);
        Assert.InRange(held.Incidents.Count / (double)(examples.Incidents.Count + held.Incidents.Count), 0.25, 0.35);
        Assert.Equal(Enum.GetValues<FailureCategory>().Length, examples.Incidents.Select(e => e.Category).Distinct().Count());
    }

    [Fact]
    public void The_evaluation_reads_the_held_back_split_and_prints_every_measure()
    {
        var held = HeldBack.Load(Data);
        var evaluation = Evaluation.Run(held, Guidance.GuidanceTestService.Instance, (t, _) => TestUnderstanding.Lexical.Lexical(t), CancellationToken.None);
        var output = new StringWriter();
        Evaluation.Print(output, evaluation, null, 0);
        var text = output.ToString();
        Assert.Equal(held.Incidents.Count, evaluation.Categories.Values.Sum(c => c.Total));
        Assert.Contains("category accuracy", text, StringComparison.Ordinal);
        Assert.Contains("guidance top-1 on topic", text, StringComparison.Ordinal);
        Assert.Contains("flag SafetyOrHealth", text, StringComparison.Ordinal);
    }
}

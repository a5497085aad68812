using System.Globalization;
using ServiceRecoveryBot.Sentiment;

namespace ServiceRecoveryBot.Tests.Sentiment;

/// <summary>vader mode agrees with the reference implementation on the VADER study's sentence sets.</summary>
public sealed class VaderAgreementTests(LexiconFixture fixture) : IClassFixture<LexiconFixture>
{
    [Fact]
    public void Agrees_with_the_reference_on_at_least_99_percent_of_amazon_review_sentences() =>
        Assert.True(Agreement("amazonReviewSnippets.vader.tsv") >= 0.99);

    [Fact]
    public void Agrees_with_the_reference_on_at_least_99_percent_of_movie_review_sentences() =>
        Assert.True(Agreement("movieReviewSnippets.vader.tsv") >= 0.99);

    private double Agreement(string file)
    {
        int total = 0, within = 0;
        foreach (var line in File.ReadLines(SentimentTestPaths.Fixture("sentiment", file)).Skip(1))
        {
            var fields = line.Split('\t', 7);
            if (fields.Length < 7)
            {
                continue;
            }

            double reference = double.Parse(fields[5], CultureInfo.InvariantCulture);
            double ours = Math.Round(fixture.Vader.Score(fields[6]).Compound, 4);
            total++;
            if (Math.Abs(ours - reference) < 0.001)
            {
                within++;
            }
        }

        Assert.True(total > 3000);
        return (double)within / total;
    }
}

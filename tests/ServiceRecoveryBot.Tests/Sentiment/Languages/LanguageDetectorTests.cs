using ServiceRecoveryBot.Sentiment.Languages;
using ServiceRecoveryBot.Tests.Sentiment;

namespace ServiceRecoveryBot.Tests.Sentiment.Languages;

public sealed class LanguageDetectorTests
{
    [Theory]
    [InlineData("¡Es el tercer día sin agua caliente y nadie me hace caso!", "es")]
    [InlineData("Esta habitacion esta sucia y nadie viene a limpiarla", "es")]
    [InlineData("La chambre était sale et personne ne répond au téléphone.", "fr")]
    [InlineData("Das Zimmer ist nicht sauber und niemand hilft uns.", "de")]
    [InlineData("O quarto está sujo e ninguém atende o telefone.", "pt")]
    [InlineData("La camera è sporca e nessuno risponde al telefono.", "it")]
    [InlineData("The room is dirty and nobody answers the phone.", "en")]
    public void Names_the_language_a_complaint_is_written_in(string text, string expected) =>
        Assert.Equal(expected, LanguageDetector.Detect(text));

    [Theory]
    [InlineData("")]
    [InlineData("Terrible!")]
    [InlineData("Cold food, again.")]
    [InlineData("Mr De la Cruz says the room is cold")]
    public void Says_nothing_when_the_words_do_not_tell(string text) => Assert.Null(LanguageDetector.Detect(text));

    [Theory]
    [InlineData("es-MX", "es")]
    [InlineData("pt_BR", "pt")]
    [InlineData("EN", "en")]
    [InlineData(null, null)]
    public void A_chats_locale_gives_its_language(string? locale, string? language) => Assert.Equal(language, LanguageDetector.LanguageOf(locale));

    [Fact]
    public void English_review_snippets_are_never_taken_for_another_language()
    {
        var texts = File.ReadLines(SentimentTestPaths.Fixture("sentiment", "amazonReviewSnippets.vader.tsv")).Skip(1)
            .Concat(File.ReadLines(SentimentTestPaths.Fixture("sentiment", "movieReviewSnippets.vader.tsv")).Skip(1))
            .Select(line => line.Split('\t')[^1])
            .ToList();

        var misread = texts.Where(t => LanguageDetector.Detect(t) is { } code && code != "en").ToList();

        Assert.True(texts.Count > 5000, $"only {texts.Count} snippets read");
        Assert.True(misread.Count <= texts.Count / 5000, $"{misread.Count} of {texts.Count} taken for another language, e.g. {string.Join(" | ", misread.Take(5))}");
    }
}

using System.Text.RegularExpressions;
using ServiceRecoveryBot.Text;

namespace ServiceRecoveryBot.Tests.Text;

/// <summary>The catalog is complete in every locale, and a locale as the channels send it picks the right one.</summary>
public sealed partial class TextCatalogTests
{
    private static readonly System.Reflection.Assembly Bot = typeof(TextCatalog).Assembly;

    [Fact]
    public void Every_English_entry_has_a_Spanish_one_and_nothing_more()
    {
        var english = TextCatalog.Read(Bot, "Strings.resx");
        var spanish = TextCatalog.Read(Bot, "Strings.es.resx");

        Assert.Empty(english.Keys.Except(spanish.Keys));
        Assert.Empty(spanish.Keys.Except(english.Keys));
        Assert.DoesNotContain(spanish, entry => string.IsNullOrWhiteSpace(entry.Value));
    }

    [Fact]
    public void A_Spanish_entry_takes_the_same_placeholders_as_the_English_one()
    {
        var english = TextCatalog.Read(Bot, "Strings.resx");
        var spanish = TextCatalog.Read(Bot, "Strings.es.resx");

        var differing = english.Where(e => !Placeholders(e.Value).SetEquals(Placeholders(spanish[e.Key]))).Select(e => e.Key);

        Assert.Empty(differing);
    }

    [Fact]
    public void Spanish_is_not_English_left_untranslated()
    {
        var english = TextCatalog.Read(Bot, "Strings.resx");
        var spanish = TextCatalog.Read(Bot, "Strings.es.resx");

        var same = english.Where(e => e.Value == spanish[e.Key] && Words().Matches(e.Value).Count > 1).Select(e => e.Key);

        Assert.Empty(same);
    }

    [Theory]
    [InlineData("es", "es")]
    [InlineData("es-ES", "es")]
    [InlineData("es-MX", "es")]
    [InlineData("es_419", "es")]
    [InlineData("ES-es", "es")]
    [InlineData("en-US", "en")]
    [InlineData("fr-FR", "en")]
    [InlineData("", "en")]
    [InlineData(null, "en")]
    public void A_locale_as_the_channel_sends_it_picks_its_language(string? locale, string language)
    {
        Assert.Equal(language, TextCatalog.LanguageOf(locale));
        Assert.Equal(language, Replies.For(locale).Language);
    }

    [Fact]
    public void Dates_read_in_the_locale()
    {
        var at = new DateTimeOffset(2026, 11, 23, 18, 0, 0, TimeSpan.Zero);

        Assert.Equal("Mon 23 Nov 18:00", Replies.English.When(at));
        Assert.Equal("lun 23 nov 18:00", Replies.Spanish.When(at));
    }

    private static HashSet<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\p{L}{2,}")]
    private static partial Regex Words();
}

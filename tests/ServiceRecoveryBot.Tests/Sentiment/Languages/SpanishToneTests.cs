using ServiceRecoveryBot.Sentiment;

namespace ServiceRecoveryBot.Tests.Sentiment.Languages;

/// <summary>Customers' words in Spanish, read by the local analyzer with the Spanish lexicon, in an English chat.</summary>
public sealed class SpanishToneTests(LexiconFixture fixture) : IClassFixture<LexiconFixture>
{
    private ToneAssessment Read(string words) => fixture.Local(SentimentMode.Service).Analyze(words, "en-US");

    [Fact]
    public void The_domain_guest_without_hot_water_reads_negative_in_Spanish()
    {
        var tone = Read("¡Es el tercer día sin agua caliente y nadie me hace caso!");

        Assert.Equal("es", tone.Language);
        Assert.True(tone.IsRead);
        Assert.Equal(ToneLabel.Negative, tone.Label);
    }

    [Theory]
    [InlineData("El personal fue muy amable, muchas gracias por todo.", ToneLabel.Positive)]
    [InlineData("Todo perfecto, volveremos seguro.", ToneLabel.Positive)]
    [InlineData("La comida estaba fría y el camarero fue muy grosero.", ToneLabel.Negative)]
    [InlineData("La habitación estaba sucia y olía fatal.", ToneLabel.Negative)]
    [InlineData("Esto es una vergüenza, es inaceptable.", ToneLabel.Negative)]
    public void Spanish_praise_and_complaints_get_their_label(string words, ToneLabel expected) =>
        Assert.Equal(expected, Read(words).Label);

    [Fact]
    public void Spanish_negation_turns_a_word_around()
    {
        Assert.True(Read("El aire acondicionado funciona.").Compound > 0);
        Assert.True(Read("El aire acondicionado no funciona.").Compound < 0);
        Assert.True(Read("La cena no estuvo mal.").Compound > Read("La cena estuvo mal.").Compound);
    }

    [Fact]
    public void A_Spanish_booster_strengthens_and_pero_shifts_weight_to_what_follows()
    {
        Assert.True(Read("La habitación está muy sucia.").Compound < Read("La habitación está sucia.").Compound);
        Assert.True(Read("La comida es buena, pero el servicio es horrible.").Compound < 0);
    }

    [Fact]
    public void Accents_are_optional()
    {
        Assert.Equal(Read("La habitación está sucia y el baño es un asco.").Compound, Read("La habitacion esta sucia y el baño es un asco.").Compound);
        Assert.Equal(Read("¡Pésimo servicio!").Compound, Read("¡Pesimo servicio!").Compound);
    }

    [Theory]
    [InlineData("Voy a hablar con mi abogado y poner una denuncia.", ToneFlag.LegalOrRegulatory)]
    [InlineData("Voy a poner una reseña en todas partes.", ToneFlag.PublicComplaint)]
    [InlineData("No volveremos nunca a este hotel.", ToneFlag.ChurnRisk)]
    [InlineData("Mi hijo tiene alergia a los frutos secos.", ToneFlag.SafetyOrHealth)]
    [InlineData("Lo necesito ahora mismo, mi vuelo sale en dos horas.", ToneFlag.Urgent)]
    [InlineData("Sois unos inútiles.", ToneFlag.Hostile)]
    public void Spanish_words_raise_their_flags(string words, ToneFlag flag) =>
        Assert.Contains(Read(words).Flags, hit => hit.Flag == flag);

    [Fact]
    public void A_Spanish_negation_before_a_threat_cancels_it() =>
        Assert.DoesNotContain(Read("Tranquilos, no voy a poner ninguna reseña.").Flags, hit => hit.Flag == ToneFlag.PublicComplaint);

    [Fact]
    public void A_short_text_in_a_Spanish_chat_is_read_in_Spanish()
    {
        var tone = fixture.Local(SentimentMode.Service).Analyze("¡Pésimo!", "es-ES");

        Assert.Equal("es", tone.Language);
        Assert.Equal(ToneLabel.Negative, tone.Label);
    }

    [Fact]
    public void Words_in_a_language_it_cannot_read_are_not_scored_but_their_flags_are()
    {
        var tone = Read("La chambre était sale et personne ne répond, je vais écrire sur TripAdvisor.");

        Assert.False(tone.IsRead);
        Assert.Equal("fr", tone.Language);
        Assert.Equal(0, tone.Compound);
        Assert.Equal(ToneLabel.Neutral, tone.Label);
        Assert.Contains(tone.Flags, hit => hit.Flag == ToneFlag.PublicComplaint);
        Assert.Equal("Tone: not scored, the words look French (this reader knows English and Spanish) · public complaint (\"TripAdvisor\")", ToneLine.Format(tone));
    }

    [Fact]
    public void English_words_read_as_before()
    {
        var analyzer = fixture.Local(SentimentMode.Service);
        const string words = "The room was filthy and nobody came, I'm going to stay somewhere else.";

        Assert.Equal(fixture.Service.Score(words).Compound, analyzer.Analyze(words, "es-ES").Compound, 4);
        Assert.Equal("en", analyzer.Analyze(words).Language);
    }
}

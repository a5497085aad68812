using ServiceRecoveryBot.Recovery.Cases;
using ServiceRecoveryBot.Sentiment;
using ServiceRecoveryBot.Understanding;

namespace ServiceRecoveryBot.Tests.Understanding;

public sealed class UnderstanderTests
{
    private static Understood Read(string text, UnderstandingPurpose purpose = UnderstandingPurpose.CaseOpening) =>
        TestUnderstanding.Lexical.Understand(text, purpose, CancellationToken.None);

    [Theory]
    [InlineData("guest in 12 furious, steak overcooked twice", FailureCategory.ProductOrFoodQuality)]
    [InlineData("double charged on his card at checkout", FailureCategory.BillingError)]
    [InlineData("peanut allergy and the sauce came anyway", FailureCategory.SafetyOrHealth)]
    [InlineData("parcel never arrived, tracking says delivered", FailureCategory.DeliveryOrLostItem)]
    [InlineData("the kettle in 310 doesnt work, guest wants tea", FailureCategory.ProductOrFoodQuality)]
    public void Category_is_suggested_from_what_staff_wrote(string text, FailureCategory expected) =>
        Assert.Equal(expected, Read(text).Category);

    [Theory]
    [InlineData("la cuenta de la mesa 6 tiene un cobro de mas", FailureCategory.BillingError)]
    [InlineData("el huesped de la 305 dice que la habitacion esta sucia y huele a humo", FailureCategory.CleanlinessOrFacility)]
    [InlineData("llevan una hora esperando la comida", FailureCategory.WaitOrDelay)]
    public void A_Spanish_incident_gets_a_category(string text, FailureCategory expected) =>
        Assert.Equal(expected, Read(text).Category);

    [Fact]
    public void A_health_risk_outranks_the_booking_detail_it_comes_with()
    {
        var understood = Read("rm 412 booked a king but got a twin, and the kid's face is swelling after the welcome cookies");
        Assert.Equal(FailureCategory.SafetyOrHealth, understood.Category);
        Assert.Contains(understood.Categories, c => c.Category == FailureCategory.BookingOrReservation);
    }

    [Fact]
    public void Trade_abbreviations_give_the_reference()
    {
        Assert.Equal("room 412", Read("rm 412 ac not working").Facts.Reference);
        Assert.Equal("table 6", Read("tbl 6 mains never came").Facts.Reference);
        Assert.Equal("room 305", Read("hab 305 sin agua caliente").Facts.Reference);
    }

    [Fact]
    public void Amounts_and_times_are_read_as_written()
    {
        var facts = Read("charged $45.50 twice, she waited 40 mins at the desk, flight at 7pm").Facts;
        Assert.Equal(["$45.50"], facts.Amounts);
        Assert.Equal(["40 mins", "7pm"], facts.Times);
    }

    [Fact]
    public void Runners_up_come_with_the_best_guess_at_most_three()
    {
        var understood = Read("waited an hour for a cold steak and the bill was wrong, waiter was rude");
        Assert.InRange(understood.Categories.Count, 2, 3);
        Assert.True(understood.Categories.Zip(understood.Categories.Skip(1)).All(p => p.First.Confidence >= p.Second.Confidence));
    }

    [Fact]
    public void Nothing_recognisable_gives_no_category()
    {
        Assert.Empty(Read("zorp blat").Categories);
        Assert.Null(Read("zorp blat").Category);
    }

    [Theory]
    [InlineData("my cases", MessageKind.Command)]
    [InlineData("show SR-7K3Q", MessageKind.Command)]
    [InlineData("hi there", MessageKind.Smalltalk)]
    [InlineData("gracias", MessageKind.Smalltalk)]
    [InlineData("asdfgh", MessageKind.Junk)]
    [InlineData("???", MessageKind.Junk)]
    [InlineData("how do I apologise?", MessageKind.Question)]
    [InlineData("f*** you", MessageKind.ThreatOrAbuse)]
    [InlineData("tbl 6 steak raw again", MessageKind.Incident)]
    public void The_kind_of_message_is_guessed_for_the_router(string text, MessageKind expected) =>
        Assert.Equal(expected, Read(text, UnderstandingPurpose.Routing).Kind);

    [Theory]
    [InlineData("this is how you treat me? I want the manager")]
    [InlineData("never stay here again")]
    [InlineData("quiero hablar con el gerente, esto es una vergüenza")]
    public void Angry_words_without_a_tone_word_read_as_a_complaint(string words)
    {
        var understood = Read(words, UnderstandingPurpose.CustomerWords);
        Assert.True(understood.Complains);
        var calm = new ToneAssessment(0.4, ToneLabel.Positive, 0.3, 0.7, 0, [], [], "local-service");
        var tone = understood.ToneOf(calm);
        Assert.Equal(ToneLabel.Negative, tone.Label);
        Assert.True(tone.Compound <= Understood.CalmestComplaint);
    }

    [Fact]
    public void Calm_words_keep_the_analyzer_s_score()
    {
        var calm = new ToneAssessment(0.4, ToneLabel.Positive, 0.3, 0.7, 0, [], [], "local-service");
        Assert.Same(calm.Sentences, Read("thanks, that was lovely", UnderstandingPurpose.CustomerWords).ToneOf(calm).Sentences);
        Assert.Equal(0.4, Read("thanks, that was lovely", UnderstandingPurpose.CustomerWords).ToneOf(calm).Compound);
    }

    [Fact]
    public void Until_the_model_has_loaded_the_seam_answers_lexically_at_once()
    {
        using var model = new SentenceModel();
        var playbook = ServiceRecoveryBot.Recovery.Playbooks.RecoveryPlaybook.LoadDefault();
        var matcher = new SemanticMatcher(model, ExampleSets.LoadDefault(), Guidance.GuidanceTestService.Instance, playbook);
        var understander = new Understander(playbook, Guidance.GuidanceTestService.Instance, new ToneFlagDetector(), matcher);

        var understood = understander.Understand("tbl 4 soup stone cold", UnderstandingPurpose.CaseOpening, CancellationToken.None);
        Assert.False(matcher.IsReady);
        Assert.False(understood.ByModel);
        Assert.Equal(FailureCategory.ProductOrFoodQuality, understood.Category);
    }
}

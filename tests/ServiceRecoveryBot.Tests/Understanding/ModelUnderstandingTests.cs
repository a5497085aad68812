using ServiceRecoveryBot.Guidance;
using ServiceRecoveryBot.Recovery.Cases;
using ServiceRecoveryBot.Recovery.Playbooks;
using ServiceRecoveryBot.Sentiment;
using ServiceRecoveryBot.Tests.Guidance;
using ServiceRecoveryBot.Understanding;

namespace ServiceRecoveryBot.Tests.Understanding;

/// <summary>The seam with the sentence model loaded: once for the class (the model takes seconds to load).</summary>
public sealed class ModelUnderstandingTests(ModelUnderstandingTests.LoadedModel loaded) : IClassFixture<ModelUnderstandingTests.LoadedModel>
{
    private Understood Read(string text, UnderstandingPurpose purpose) => loaded.Understander.Understand(text, purpose, CancellationToken.None);

    [Fact]
    public void The_model_reads_case_openings_guidance_questions_and_customer_words_but_not_every_turn()
    {
        Assert.True(Read("tbl 6 mains never came", UnderstandingPurpose.CaseOpening).ByModel);
        Assert.True(Read("how do i apologise", UnderstandingPurpose.GuidanceQuestion).ByModel);
        Assert.True(Read("we board in forty minutes", UnderstandingPurpose.CustomerWords).ByModel);
        Assert.False(Read("my cases", UnderstandingPurpose.Routing).ByModel);
    }

    [Fact]
    public void An_incident_without_a_known_word_still_gets_the_nearest_category()
    {
        var lexical = loaded.Understander.Lexical("the hairdryer in 412 gave up after five minutes");
        var understood = Read("the hairdryer in 412 gave up after five minutes", UnderstandingPurpose.CaseOpening);
        Assert.NotEmpty(understood.Categories);
        Assert.True(understood.Categories.Count >= lexical.Categories.Count);
    }

    [Fact]
    public void A_guidance_question_comes_with_the_nearest_topics()
    {
        var understood = Read("guest is really kicking off at the desk, how do i calm him down", UnderstandingPurpose.GuidanceQuestion);
        Assert.Equal("angry-customer", understood.Topics[0].Topic);
        Assert.Equal("angry-customer", GuidanceTestService.Instance.Answer(understood.Text, understood.Topics).EntryId);
    }

    [Fact]
    public void A_health_risk_stays_first_with_the_model_too()
    {
        var understood = Read("rm 305 booked a king got a twin and now his lips are swelling", UnderstandingPurpose.CaseOpening);
        Assert.Equal(FailureCategory.SafetyOrHealth, understood.Category);
        Assert.True(understood.Has(ToneFlag.SafetyOrHealth));
    }

    public sealed class LoadedModel : IDisposable
    {
        private readonly SentenceModel model = new();

        public LoadedModel()
        {
            var playbook = RecoveryPlaybook.LoadDefault();
            var matcher = new SemanticMatcher(model, ExampleSets.LoadDefault(), GuidanceTestService.Instance, playbook);
            matcher.Load();
            Understander = new Understander(playbook, GuidanceTestService.Instance, new ToneFlagDetector(), matcher);
        }

        public Understander Understander { get; }

        public void Dispose() => model.Dispose();
    }
}

using ServiceRecoveryBot.Sentiment;

namespace ServiceRecoveryBot.Tests.Sentiment;

public sealed class ToneFlagDetectorTests
{
    private readonly ToneFlagDetector _detector = new();

    [Theory]
    [InlineData("This is exactly the kind of thing that makes me stay somewhere else.", "somewhere else")]
    [InlineData("I'm done. Just cancel it.", "cancel it")]
    [InlineData("We'll never come back here.", "never come back")]
    [InlineData("I'm switching to a competitor tomorrow.", "switching to a competitor")]
    [InlineData("Honestly I'm done with you people.", "done with you")]
    [InlineData("I will never stay here again.", "never stay here again")]
    public void Churn_risk_is_raised_by_threats_to_leave(string text, string trigger) => AssertFlag(text, ToneFlag.ChurnRisk, trigger);

    [Theory]
    [InlineData("I won't cancel, it's fine.")]
    [InlineData("Honestly I was ready to never fly with you again, but your team got me there. Thank you.")]
    [InlineData("My flight was cancelled.")]
    [InlineData("I've burned a day of annual leave sitting at the window.")]
    public void Churn_risk_is_not_raised_by_negated_past_or_passive_mentions(string text) => AssertNoFlag(text, ToneFlag.ChurnRisk);

    [Theory]
    [InlineData("Disgusting. I've tagged you so everyone can see.", "tagged you")]
    [InlineData("I'm filing a chargeback and posting this everywhere.", "posting this everywhere")]
    [InlineData("This is going on TripAdvisor tonight.", "TripAdvisor")]
    [InlineData("I'll leave a Google review about this.", "review")]
    [InlineData("I'm going to tell everyone on social media.", "tell everyone")]
    public void Public_complaint_is_raised_by_reviews_social_media_and_telling_others(string text, string trigger) =>
        AssertFlag(text, ToneFlag.PublicComplaint, trigger);

    [Theory]
    [InlineData("I won't leave a review, don't worry.")]
    [InlineData("The tablet had someone else's photos on it.")]
    public void Public_complaint_is_not_raised_when_negated_or_absent(string text) => AssertNoFlag(text, ToneFlag.PublicComplaint);

    [Theory]
    [InlineData("That's false advertising. I want the shelf price.", "false advertising")]
    [InlineData("I'm filing a chargeback.", "chargeback")]
    [InlineData("My lawyer will hear about this.", "lawyer")]
    [InlineData("I'll report this to the ombudsman.", "ombudsman")]
    [InlineData("I'm calling trading standards.", "trading standards")]
    [InlineData("I'll take you to court.", "court")]
    public void Legal_or_regulatory_is_raised_by_lawyers_claims_and_regulators(string text, string trigger) =>
        AssertFlag(text, ToneFlag.LegalOrRegulatory, trigger);

    [Theory]
    [InlineData("I'm not going to sue anyone, just fix it.")]
    [InlineData("The room is fine but the view is poor.")]
    public void Legal_or_regulatory_is_not_raised_without_a_legal_threat(string text) => AssertNoFlag(text, ToneFlag.LegalOrRegulatory);

    [Theory]
    [InlineData("I booked non-smoking for a reason. My daughter has asthma — she can't sleep in this.", "asthma")]
    [InlineData("If I hadn't looked I'd be in an ambulance right now.", "ambulance")]
    [InlineData("Those were my heart tablets for the whole week.", "tablets")]
    [InlineData("My son has a fever.", "fever")]
    [InlineData("The stairs are not safe.", "not safe")]
    [InlineData("I think it's food poisoning.", "food poisoning")]
    [InlineData("She is allergic to nuts.", "allergic")]
    public void Safety_or_health_is_raised_by_illness_injury_allergy_and_medicine(string text, string trigger) =>
        AssertFlag(text, ToneFlag.SafetyOrHealth, trigger);

    [Theory]
    [InlineData("Nobody got sick, the food was just cold.")]
    [InlineData("The room was too noisy.")]
    public void Safety_or_health_is_not_raised_by_negated_or_unrelated_words(string text) => AssertNoFlag(text, ToneFlag.SafetyOrHealth);

    [Theory]
    [InlineData("All my work clothes are in there and I'm presenting at nine tomorrow morning.", "presenting at")]
    [InlineData("Your driver never came. I want my money back today.", "today")]
    [InlineData("Fix it right now.", "right now")]
    [InlineData("We're leaving in 20 minutes.", "leaving in")]
    [InlineData("My flight is at six.", "flight is at")]
    [InlineData("It was my mum's birthday present for Saturday.", "for Saturday")]
    public void Urgent_is_raised_by_time_pressure(string text, string trigger) => AssertFlag(text, ToneFlag.Urgent, trigger);

    [Theory]
    [InlineData("It's not urgent, whenever you can.")]
    [InlineData("The soup was cold.")]
    public void Urgent_is_not_raised_without_time_pressure(string text) => AssertNoFlag(text, ToneFlag.Urgent);

    [Theory]
    [InlineData("Are you [expletive] serious? Get me someone who can actually do their job.", "expletive")]
    [InlineData("You're all completely useless.", "useless")]
    [InlineData("What an incompetent idiot.", "incompetent")]
    [InlineData("This is f***ing ridiculous.", "f***ing")]
    public void Hostile_is_raised_by_insults_and_profanity(string text, string trigger) => AssertFlag(text, ToneFlag.Hostile, trigger);

    [Theory]
    [InlineData("Your colleague was very helpful, thank you.")]
    [InlineData("The waiter was slow.")]
    public void Hostile_is_not_raised_by_plain_criticism(string text) => AssertNoFlag(text, ToneFlag.Hostile);

    [Fact]
    public void Flags_come_in_enum_order_with_distinct_triggers()
    {
        var hits = _detector.Detect("I'm filing a chargeback, a chargeback, and posting this everywhere. I'm done with you.");
        Assert.Equal([ToneFlag.ChurnRisk, ToneFlag.PublicComplaint, ToneFlag.LegalOrRegulatory], hits.Select(h => h.Flag));
        Assert.Single(hits.Single(h => h.Flag == ToneFlag.LegalOrRegulatory).Triggers);
    }

    [Fact]
    public void Empty_text_raises_nothing()
    {
        Assert.Empty(_detector.Detect(""));
        Assert.Empty(_detector.Detect(null));
    }

    private void AssertFlag(string text, ToneFlag flag, string trigger)
    {
        var hit = Assert.Single(_detector.Detect(text), h => h.Flag == flag);
        Assert.Contains(hit.Triggers, t => t.Contains(trigger, StringComparison.OrdinalIgnoreCase));
    }

    private void AssertNoFlag(string text, ToneFlag flag) => Assert.DoesNotContain(_detector.Detect(text), h => h.Flag == flag);
}

using System.Text.Json;
using ServiceRecoveryBot.Channels.Cards;
using ServiceRecoveryBot.Recovery.Cases;
using ServiceRecoveryBot.Recovery.Playbooks;

namespace ServiceRecoveryBot.Tests.Channels.Cards;

public sealed class CaseSummaryCardTests
{
    private static readonly RecoveryPlaybook Playbook = RecoveryPlaybook.LoadDefault();

    private static readonly DateTimeOffset Opened = new(2026, 11, 23, 19, 30, 0, TimeSpan.Zero);

    [Fact]
    public void A_promise_that_names_its_own_time_is_not_given_a_second_by()
    {
        var promised = Finished() with { Promise = new Promise("new steak by 8pm", new DateTimeOffset(2026, 11, 23, 20, 0, 0, TimeSpan.Zero)) };

        Assert.Equal("new steak by 8pm (due Mon 23 Nov 20:00)", AdaptiveCardAssert.Facts(AdaptiveCardAssert.IsValidCard(CaseSummaryCard.Build(promised, Playbook)))["Promise"]);
    }

    [Fact]
    public void A_finished_case_shows_every_fact_of_the_recovery()
    {
        var card = AdaptiveCardAssert.IsValidCard(CaseSummaryCard.Build(Finished(), Playbook));

        var facts = AdaptiveCardAssert.Facts(card);
        Assert.Equal("SR-7K3Q", facts["Case"]);
        Assert.Equal("awaiting follow-up", facts["Status"]);
        Assert.Equal("Product or food quality", facts["Category"]);
        Assert.Equal("S3 major", facts["Severity"]);
        Assert.Equal("table 12 (VIP)", facts["Customer"]);
        Assert.Equal("Remade the steak", facts["Fix"]);
        Assert.Equal("Dessert on the house", facts["Atonement"]);
        Assert.Equal("Call back (due Mon 23 Nov 21:00)", facts["Promise"]);
        Assert.Equal("Tue 24 Nov 10:00", facts["Follow up"]);
        Assert.Equal("2 min", facts["Time to apologise"]);
        Assert.Equal("12 min", facts["Time to fix"]);
    }

    [Fact]
    public void The_heading_names_the_case_and_the_body_says_what_happened()
    {
        var card = AdaptiveCardAssert.IsValidCard(CaseSummaryCard.Build(Finished(), Playbook));

        var body = card.GetProperty("body");
        Assert.Equal("Case SR-7K3Q", body[0].GetProperty("text").GetString());
        Assert.Equal("Bolder", body[0].GetProperty("weight").GetString());
        Assert.Equal("Steak overcooked twice", body[1].GetProperty("text").GetString());
        Assert.Equal(CardFacts.ContainerId, body[2].GetProperty("id").GetString());
        Assert.False(card.TryGetProperty("actions", out _));
    }

    [Fact]
    public void An_atonement_above_the_staff_authority_shows_as_pending_approval_and_flags_the_manager()
    {
        var pending = Finished() with
        {
            Atonement = new Atonement("Free night's stay", 4, 250m, ApprovalState.Pending),
            NeedsManagerAttention = true,
        };

        var card = AdaptiveCardAssert.IsValidCard(CaseSummaryCard.Build(pending, Playbook));

        Assert.Equal("Free night's stay (pending approval)", AdaptiveCardAssert.Facts(card)["Atonement"]);
        Assert.Contains(card.GetProperty("body").EnumerateArray(), e => e.GetProperty("type").GetString() == "TextBlock"
            && e.GetProperty("text").GetString() == "Needs manager attention.");
    }

    [Fact]
    public void A_just_opened_case_shows_what_is_not_set_yet_and_leaves_out_the_rest()
    {
        var opened = RecoveryCase.Open(new CaseId("SR-7K3Q"), "local", "staff-1", "Sam", "Waited 40 minutes", Opened);

        var facts = AdaptiveCardAssert.Facts(AdaptiveCardAssert.IsValidCard(CaseSummaryCard.Build(opened, Playbook)));

        Assert.Equal("in progress", facts["Status"]);
        Assert.Equal("not set", facts["Category"]);
        Assert.Equal("not set", facts["Severity"]);
        Assert.Equal(["Case", "Status", "Category", "Severity"], facts.Keys);
    }

    [Fact]
    public void A_customer_without_a_name_is_shown_as_not_given()
    {
        var anonymous = Finished() with { Customer = new Customer(null, CustomerTier.New) };

        Assert.Equal("not given (new)", AdaptiveCardAssert.Facts(AdaptiveCardAssert.IsValidCard(CaseSummaryCard.Build(anonymous, Playbook)))["Customer"]);
    }

    [Fact]
    public void The_card_survives_a_round_trip_on_the_wire()
    {
        AdaptiveCardAssert.RoundTrips(CaseSummaryCard.Build(Finished(), Playbook));
    }

    private static RecoveryCase Finished() =>
        RecoveryCase.Open(new CaseId("SR-7K3Q"), "local", "staff-1", "Sam", "Steak overcooked twice", Opened)
            .Record(CaseStep.Apologised, Opened.AddMinutes(2), "staff-1")
            .Record(CaseStep.Fixed, Opened.AddMinutes(12), "staff-1", "Remade the steak")
            .AwaitFollowUp(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero), Opened.AddMinutes(15), "staff-1") with
            {
                Category = FailureCategory.ProductOrFoodQuality,
                Severity = 3,
                Customer = new Customer("table 12", CustomerTier.Vip),
                Apology = "I'm so sorry.",
                FixDone = "Remade the steak",
                Atonement = new Atonement("Dessert on the house", 1, null, ApprovalState.NotNeeded),
                Promise = new Promise("Call back", new DateTimeOffset(2026, 11, 23, 21, 0, 0, TimeSpan.Zero)),
            };
}

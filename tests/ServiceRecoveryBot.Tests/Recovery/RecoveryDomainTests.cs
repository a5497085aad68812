using Microsoft.Extensions.Options;
using ServiceRecoveryBot.Recovery.Cases;
using ServiceRecoveryBot.Recovery.Compensation;
using ServiceRecoveryBot.Recovery.Playbooks;

namespace ServiceRecoveryBot.Tests.Recovery;

public sealed class RecoveryDomainTests
{
    private static readonly RecoveryPlaybook Playbook = RecoveryPlaybook.LoadDefault();

    [Fact]
    public void Case_ids_are_short_speakable_and_parse_back()
    {
        var id = CaseId.New();
        Assert.Matches("^SR-[2-9A-HJKMNP-TV-Z]{4}$", id.Value);
        Assert.Equal(id, CaseId.TryParse(id.Value.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal)));
        Assert.Null(CaseId.TryParse("SR-10IO"));
    }

    [Theory]
    [InlineData("Mrs Patel", true)]
    [InlineData("Dr. Okafor", true)]
    [InlineData("John Smith", true)]
    [InlineData("Sra. García", true)]
    [InlineData("Mary-Jane O'Neil", true)]
    [InlineData("Regualr", false)]
    [InlineData("no idea", false)]
    [InlineData("table 12", false)]
    [InlineData("New customer", false)]
    [InlineData("Mr", false)]
    [InlineData("VIP", false)]
    public void A_person_s_name_is_told_from_other_answers(string answer, bool isName) =>
        Assert.Equal(isName, IncidentParser.LooksLikeName(answer));

    [Fact]
    public void The_first_message_gives_the_reference_tier_and_quoted_words()
    {
        var facts = IncidentParser.Parse("VIP in room 1207, breakfast cold \"fifty minutes for cold eggs\"");
        Assert.Equal(("room 1207", CustomerTier.Vip, "fifty minutes for cold eggs"), (facts.Reference, facts.Tier, facts.CustomerWords));
    }

    [Fact]
    public void Medication_makes_a_case_critical_whatever_the_tier()
    {
        var advice = new SeverityAdvisor(Playbook).Suggest(FailureCategory.SafetyOrHealth, "housekeeping binned her pills", "my heart tablets", CustomerTier.Regular);
        Assert.Equal(4, advice.Severity);
    }

    [Fact]
    public void A_threat_never_to_come_again_is_not_a_repeat_failure()
    {
        var advice = new SeverityAdvisor(Playbook).Suggest(FailureCategory.CleanlinessOrFacility, "room smelt of smoke", "never stay here again", CustomerTier.New);
        Assert.DoesNotContain(advice.Reasons, r => r.Contains("repeat", StringComparison.Ordinal));
        Assert.Contains(new SeverityAdvisor(Playbook).Suggest(FailureCategory.WaitOrDelay, "late again", null, CustomerTier.New).Reasons, r => r.Contains("repeat", StringComparison.Ordinal));
    }

    [Fact]
    public void Modifiers_lift_a_case_to_major_at_most()
    {
        var advice = new SeverityAdvisor(Playbook).Suggest(FailureCategory.WaitOrDelay, "third time the order was late, you promised", "my son is starving", CustomerTier.New);
        Assert.Equal(3, advice.Severity);
    }

    [Fact]
    public void Offer_above_the_staff_limit_needs_approval_and_one_within_it_does_not()
    {
        var policy = new CompensationPolicy(Playbook, Options.Create(new AuthorityOptions { StaffMaxLevel = 2, StaffMaxAmount = 50 }));
        Assert.Equal(ApprovalState.Pending, policy.Assess("$120 credit on the account", 2, 2).Approval);
        Assert.Equal(ApprovalState.NotNeeded, policy.Assess("dessert on the house", 2, 2).Approval);
        Assert.Equal(ApprovalState.Pending, policy.Assess("dessert on the house", 2, 4).Approval);
    }

    [Fact]
    public void Atonement_grows_with_severity_and_customer_value()
    {
        var policy = new CompensationPolicy(Playbook, Options.Create(new AuthorityOptions()));
        Assert.True(policy.Suggest(FailureCategory.WaitOrDelay, 3, CustomerTier.Vip).Level > policy.Suggest(FailureCategory.WaitOrDelay, 3, CustomerTier.New).Level);
        Assert.True(policy.Suggest(FailureCategory.WaitOrDelay, 3, CustomerTier.New).Level > policy.Suggest(FailureCategory.WaitOrDelay, 1, CustomerTier.New).Level);
    }

    [Fact]
    public void A_closed_case_cannot_be_resumed()
    {
        var at = DateTimeOffset.UnixEpoch;
        var closed = RecoveryCase.Open(CaseId.New(), "t", "s", null, "x", at).Close(at, "s");
        Assert.Throws<CaseTransitionException>(() => closed.Resume(at, "s"));
    }
}

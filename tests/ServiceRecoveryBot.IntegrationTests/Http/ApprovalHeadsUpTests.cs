using ServiceRecoveryBot.Conversations;
using ServiceRecoveryBot.IntegrationTests.Infrastructure;

namespace ServiceRecoveryBot.IntegrationTests.Http;

/// <summary>
/// An offer above the staff member's authority when the team has no managers' channel: through the real host and
/// Azurite, where the turn's effects run after its replies have gone, the heads-up still arrives, after the approval note.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ApprovalHeadsUpTests(AzuriteFixture azurite) : BotHostTest(azurite)
{
    [Fact]
    public async Task With_no_manager_to_reach_the_staff_member_is_told_so_and_what_to_offer_meanwhile()
    {
        var staff = new BotClient(Http, Connector, "a:approval-heads-up");
        await staff.SayAsync("No reservation on file for the Okafor couple but they have our confirmation. We're sold out.");
        foreach (var answer in new[] { "1", "skip", "regular", "We've been travelling for fourteen hours.", "1", "done", "skip", "1" })
            await staff.SayAsync(answer);

        var replies = (await staff.SayAsync("$120 credit for a night elsewhere")).ToList();

        var needsApproval = replies.FindIndex(r => r.Contains("approval", StringComparison.OrdinalIgnoreCase));
        var headsUp = replies.FindIndex(r => r.StartsWith("No manager can be reached", StringComparison.Ordinal) && r.Contains("meanwhile offer what's within your authority", StringComparison.Ordinal));
        Assert.InRange(needsApproval, 0, headsUp - 1);
    }
}

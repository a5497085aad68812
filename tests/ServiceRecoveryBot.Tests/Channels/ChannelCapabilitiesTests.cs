using ServiceRecoveryBot.Channels;
using ServiceRecoveryBot.Channels.Cards;
using ServiceRecoveryBot.Recovery.Cases;

namespace ServiceRecoveryBot.Tests.Channels;

/// <summary>Cards where they render; text with the card's case buttons as typed commands everywhere else.</summary>
public sealed class ChannelCapabilitiesTests
{
    private static readonly DateTimeOffset Opened = new(2026, 11, 23, 19, 30, 0, TimeSpan.Zero);

    private static RecoveryCase Pending() =>
        RecoveryCase.Open(new CaseId("SR-7K3Q"), "local", "staff-1", "Sam", "Steak overcooked twice", Opened) with
        {
            Atonement = new Atonement("Free night's stay", 4, 250m, ApprovalState.Pending),
        };

    [Fact]
    public void In_Slack_an_approval_request_is_text_with_approve_and_decline_buttons_that_send_the_commands()
    {
        var fitted = ChannelCapabilities.Fit(ManagerCards.ApprovalRequest(Pending()), "slack");

        Assert.Null(fitted.Attachments);
        Assert.Contains("approve SR-7K3Q", fitted.Text, StringComparison.Ordinal);
        Assert.Equal(
            [("Approve", "approve SR-7K3Q"), ("Decline", "decline SR-7K3Q")],
            fitted.SuggestedActions!.Actions.Select(a => (a.Title, a.Value)).ToArray());
    }

    [Fact]
    public void A_follow_up_reminder_offers_follow_up_snooze_and_reassign()
    {
        var fitted = ChannelCapabilities.Fit(ManagerCards.FollowUpReminder(Pending(), "Follow-up due"), "slack");

        Assert.Equal(["follow up SR-7K3Q", "snooze SR-7K3Q", "reassign SR-7K3Q"], fitted.SuggestedActions!.Actions.Select(a => a.Value!).ToArray());
    }

    [Fact]
    public void In_Teams_the_card_stays_and_no_buttons_are_added()
    {
        var fitted = ChannelCapabilities.Fit(ManagerCards.ApprovalRequest(Pending()), "msteams");

        Assert.Single(fitted.Attachments!);
        Assert.Null(fitted.Text);
        Assert.Null(fitted.SuggestedActions);
    }
}

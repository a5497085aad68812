using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using ServiceRecoveryBot.Turns.Effects;
using ServiceRecoveryBot.Turns.References;
using ServiceRecoveryBot.Dialogs;
using ServiceRecoveryBot.Protocol;
using ServiceRecoveryBot.Recovery.Cases;
using ServiceRecoveryBot.Reminders;

namespace ServiceRecoveryBot.Conversations.Managers;

/// <summary>
/// Commands about cases that are not a dialog step, typed or sent by a card button: register the managers' channel,
/// add a manager, approve or decline an offer, record a follow-up, snooze, reassign, mark a promise kept, send the
/// digest. Managers-only commands check the sender against the team's managers.
/// </summary>
public sealed partial class ManagerCommands(
    ITeamDirectory teams,
    ICaseStore cases,
    IOptions<ManagerOptions> managers,
    IOptions<RecoveryOptions> recovery,
    IChannelCapabilities channels)
{
    public async Task<bool> TryHandleAsync(DialogContext dc, CancellationToken ct)
    {
        var turn = dc.Context;
        var activity = turn.Activity;
        var (command, idText, amount, rest) = Parse(activity);
        if (command is null) return false;

        var team = TeamKey.Of(activity, recovery.Value.DefaultTeam);
        var by = activity.From?.Name ?? activity.From?.Id ?? "someone";
        switch (command)
        {
            case "register":
                if (!await IsManagerAsync(team, activity, ct)) return Say(turn, Replies.OnlyManagers);
                var channelRef = StoredReference.From(activity, team, channels.TeamOf(activity), turn.ReceivedAt);
                turn.Commit(new RegisterManagerChannel(channelRef, activity.From?.Id ?? "", turn.ReceivedAt));
                return Say(turn, Replies.ChannelRegistered);
            case "add-manager":
                if (!managers.Value.Admins.Contains(activity.From?.Id ?? "") && !await IsManagerAsync(team, activity, ct)) return Say(turn, Replies.OnlyManagers);
                (string Id, string Name)? named = MentionedUser(activity) ?? (string.IsNullOrWhiteSpace(rest) ? null : (rest, rest));
                if (named is not { } user) return Say(turn, "Who? Say \"add manager @name\".");
                turn.Commit(new AddManager(team, user.Id, activity.From?.Id ?? ""));
                return Say(turn, Replies.ManagerAdded(user.Name));
            case "digest":
                if (!await IsManagerAsync(team, activity, ct)) return Say(turn, Replies.OnlyManagers);
                turn.Commit(new ScheduleDigest(team, turn.ReceivedAt.AddHours(-24)));
                return Say(turn, "The digest is on its way.");
        }

        if (CaseId.TryParse(idText) is not { } id || await cases.FindAsync(team, id, ct) is not { } c)
            return Say(turn, Replies.CaseNotFound(idText ?? ""));

        switch (command)
        {
            case "approve" or "approve-amount" or "decline":
                if (!await IsManagerAsync(team, activity, ct)) return Say(turn, Replies.OnlyManagers);
                if (c.Atonement?.Approval != ApprovalState.Pending) return Say(turn, Replies.AlreadyDecided(c));
                var approved = command != "decline";
                var decided = c.Decide(approved, approved && command == "approve-amount" || approved && amount is not null ? amount : null, turn.ReceivedAt, activity.From?.Id ?? "manager");
                CaseSaves.Queue(turn, decided);
                turn.Commit(new TellStaff(team, decided.StaffId, Replies.StaffToldDecision(decided, approved)));
                if (activity.ReplyToId is not null && activity.Value is not null)
                    turn.Commit(new ReplaceCard(activity.ServiceUrl ?? "", channels.ReplacingCard(activity, channels.ApprovalDecidedCard(decided, by))));
                return Say(turn, Replies.ApprovalDecided(decided, approved, by));
            case "followup":
                if (!c.IsOpen) return Say(turn, Replies.CannotResume(c));
                if (dc.ActiveDialog is not null) return Say(turn, $"Let's finish what we're doing first, or say \"pause\"; then \"follow up {c.Id}\".");
                await dc.BeginDialogAsync(DialogIds.FollowUpCase, c, ct);
                return true;
            case "snooze":
                var snoozed = c.Record(CaseStep.Snoozed, turn.ReceivedAt, activity.From?.Id ?? "", "1 h") with { FollowUpAt = turn.ReceivedAt.AddHours(1), Status = c.Status == CaseStatus.Closed ? c.Status : CaseStatus.AwaitingFollowUp };
                snoozed = snoozed.Touch(turn.ReceivedAt);
                CaseSaves.Queue(turn, snoozed);
                turn.Commit(new ScheduleFollowUp(snoozed));
                return Say(turn, Replies.Snoozed(snoozed));
            case "reassign":
                if (activity.From?.Id != c.StaffId && !await IsManagerAsync(team, activity, ct)) return Say(turn, Replies.OnlyManagers);
                if (MentionedUser(activity) is not { } to) return Say(turn, Replies.AskReassign(c.Id));
                var reassigned = c.Record(CaseStep.Reassigned, turn.ReceivedAt, activity.From?.Id ?? "", to.Id) with { StaffId = to.Id, StaffName = to.Name };
                CaseSaves.Queue(turn, reassigned);
                turn.Commit(new ScheduleFollowUp(reassigned));
                return Say(turn, Replies.Reassigned(reassigned, to.Name));
            case "kept":
                var kept = c.Record(CaseStep.PromiseKept, turn.ReceivedAt, activity.From?.Id ?? "", c.Promise?.What);
                CaseSaves.Queue(turn, kept);
                return Say(turn, Replies.PromiseKept(kept));
            default:
                return false;
        }
    }

    private Task<bool> IsManagerAsync(string team, Activity activity, CancellationToken ct) =>
        teams.IsManagerAsync(team, [activity.From?.Id ?? "", activity.From?.AadObjectId ?? ""], ct);

    private static bool Say(TurnContext turn, string text)
    {
        turn.SendText(text);
        return true;
    }

    /// <summary>The first person @mentioned who is not the bot.</summary>
    private static (string Id, string Name)? MentionedUser(Activity activity)
    {
        foreach (var entity in activity.Entities ?? [])
        {
            if (entity.Type != "mention" || entity.Properties?.TryGetValue("mentioned", out var mentioned) != true || mentioned.ValueKind != JsonValueKind.Object) continue;
            var id = mentioned.TryGetProperty("id", out var i) ? i.GetString() : null;
            if (id is null || id == activity.Recipient?.Id) continue;
            return (id, mentioned.TryGetProperty("name", out var n) ? n.GetString() ?? id : id);
        }
        return null;
    }

    private (string? Command, string? CaseId, decimal? Amount, string? Argument) Parse(Activity activity)
    {
        if (channels.ReadCardSubmit(activity) is { } submit) return (submit.Command, submit.CaseId, submit.Amount, null);
        var text = (activity.Text ?? "").Trim();
        var lower = text.ToLowerInvariant().TrimEnd('.', '!');
        if (lower is "register channel" or "register this channel" or "set recovery channel" or "use this channel" or "register") return ("register", null, null, null);
        if (lower is "digest" or "send digest" or "shift digest") return ("digest", null, null, null);
        if (AddManagerPattern().Match(text) is { Success: true } add) return ("add-manager", null, null, add.Groups["who"].Value.Trim());
        if (CaseCommandPattern().Match(lower) is not { Success: true } m) return (null, null, null, null);
        var verb = m.Groups["verb"].Value.Replace(" ", "", StringComparison.Ordinal) switch
        {
            "followup" or "recordfollowup" => "followup",
            var v => v,
        };
        decimal? amount = m.Groups["amount"].Success && decimal.TryParse(m.Groups["amount"].Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var a) ? a : null;
        return (verb, m.Groups["id"].Value, amount, null);
    }

    [GeneratedRegex(@"^add manager\s*(?<who>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex AddManagerPattern();

    [GeneratedRegex(@"^(?<verb>approve|decline|follow up|followup|record follow up|snooze|reassign|kept)\s+(case\s+)?(?<id>(sr[\s-]?)?[0-9a-z]{4})\b(\s+\$?(?<amount>\d+(\.\d+)?))?")]
    private static partial Regex CaseCommandPattern();
}

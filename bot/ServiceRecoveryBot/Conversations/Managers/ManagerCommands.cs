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
using ServiceRecoveryBot.Text;

namespace ServiceRecoveryBot.Conversations.Managers;

/// <summary>
/// Commands about cases that are not a dialog step, typed or sent by a card button: register the managers' channel,
/// add a manager, approve or decline an offer, record a follow-up, snooze, reassign, mark a promise kept, send the
/// digest. Managers-only commands check the sender against the team's managers.
/// </summary>
public sealed partial class ManagerCommands(
    ITeamDirectory teams,
    ICaseStore cases,
    IConversationReferenceStore references,
    IOptions<ManagerOptions> managers,
    IOptions<RecoveryOptions> recovery,
    IChannelCapabilities channels)
{
    /// <summary>The command a card's refresh sends (Teams Universal Actions): how should the approval card look for this user now?</summary>
    public const string RefreshCommand = "refresh";

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
                // A tenant admin (Managers:Admins) may register before the team has any manager: no chicken and egg.
                if (!managers.Value.Admins.Contains(activity.From?.Id ?? "") && !await IsManagerAsync(team, activity, ct)) return Say(turn, turn.Replies().OnlyManagers);
                var channelRef = StoredReference.From(activity, team, channels.TeamOf(activity), turn.ReceivedAt);
                turn.Effects.Add(new RegisterManagerChannel(channelRef, activity.From?.Id ?? "", turn.ReceivedAt));
                return Say(turn, turn.Replies().ChannelRegistered);
            case "add-manager":
                if (!managers.Value.Admins.Contains(activity.From?.Id ?? "") && !await IsManagerAsync(team, activity, ct)) return Say(turn, turn.Replies().OnlyManagers);
                (string Id, string Name)? named = MentionedUser(activity) ?? (string.IsNullOrWhiteSpace(rest) ? null : (rest, rest));
                if (named is not { } user) return Say(turn, turn.Replies()["WhoToAdd"]);
                turn.Effects.Add(new AddManager(team, user.Id, activity.From?.Id ?? ""));
                return Say(turn, turn.Replies().ManagerAdded(user.Name));
            case "digest":
                if (!await IsManagerAsync(team, activity, ct)) return Say(turn, turn.Replies().OnlyManagers);
                turn.Effects.Add(new ScheduleDigest(team, turn.ReceivedAt.AddHours(-24)));
                return Say(turn, turn.Replies()["DigestOnItsWay"]);
        }

        if (CaseId.TryParse(idText) is not { } id || await cases.FindAsync(team, id, ct) is not { } c)
            return Say(turn, turn.Replies().CaseNotFound(idText ?? ""));

        var isCard = activity.Value is not null && (activity.ReplyToId is not null || channels.AnswersWithCard(activity));
        switch (command)
        {
            case RefreshCommand:
                // A Teams client asks how the approval card should look for this user: buttons for a manager while it waits, else the status.
                turn.InvokeResponse = channels.ApprovalCardAnswer(c, await IsManagerAsync(team, activity, ct));
                return true;
            case "approve" or "approve-amount" or "decline":
                if (!await IsManagerAsync(team, activity, ct)) return Answer(turn, turn.Replies().OnlyManagers, channels.ApprovalCardAnswer(c, isManager: false));
                if (c.Atonement is not { Approval: ApprovalState.Pending }) return Answer(turn, turn.Replies().AlreadyDecided(c), channels.ApprovalCardAnswer(c, isManager: true));
                var approved = command != "decline";
                var decided = c.Decide(approved, approved ? amount : null, turn.ReceivedAt, activity.From?.Id ?? "manager", by);
                turn.Effects.SaveCase(decided);
                turn.Effects.Add(new TellStaff(team, decided.StaffId, turn.Replies().StaffToldDecision(decided), decided.ConversationId));
                if (activity.ReplyToId is not null && !channels.AnswersWithCard(activity))
                    turn.Effects.Add(new ReplaceCard(activity.ServiceUrl ?? "", channels.ReplacingCard(activity, channels.ApprovalDecidedCard(decided))));
                return Answer(turn, turn.Replies().ApprovalDecided(decided), channels.ApprovalCardAnswer(decided, isManager: true));
            case "followup":
                if (!c.IsOpen) return Say(turn, turn.Replies().CannotResume(c));
                if (dc.ActiveDialog is not null) return Say(turn, turn.Replies()["FinishFirst", c.Id]);
                await dc.BeginDialogAsync(DialogIds.FollowUpCase, c, ct);
                return true;
            case "snooze":
                var snoozed = c.Record(CaseStep.Snoozed, turn.ReceivedAt, activity.From?.Id ?? "", "1 h") with { FollowUpAt = turn.ReceivedAt.AddHours(1), Status = c.Status == CaseStatus.Closed ? c.Status : CaseStatus.AwaitingFollowUp };
                snoozed = snoozed.Touch(turn.ReceivedAt);
                turn.Effects.SaveCase(snoozed);
                turn.Effects.Add(new ScheduleFollowUp(snoozed));
                return Say(turn, turn.Replies().Snoozed(snoozed));
            case "reassign":
                if (activity.From?.Id != c.StaffId && !await IsManagerAsync(team, activity, ct)) return Say(turn, turn.Replies().OnlyManagers);
                var to = MentionedUser(activity) ?? await NamedUserAsync(team, rest, ct);
                if (to is null)
                {
                    if (string.IsNullOrWhiteSpace(rest)) return Answer(turn, turn.Replies().AskReassign(c.Id), channels.CardAnswer(channels.ReassignFormCard(c)), isCard ? channels.ReassignFormCard(c) : null);
                    return Say(turn, turn.Replies().ReassignNotFound(c.Id, NameIn(rest)));
                }
                var target = to.Value;
                var reassigned = c.Record(CaseStep.Reassigned, turn.ReceivedAt, activity.From?.Id ?? "", target.Id) with { StaffId = target.Id, StaffName = target.Name, ConversationId = null };
                turn.Effects.SaveCase(reassigned);
                turn.Effects.Add(new ScheduleFollowUp(reassigned));
                turn.Effects.Add(new TellStaff(team, target.Id, turn.Replies().ReassignedToYou(reassigned, by)));
                if (activity.ReplyToId is not null && activity.Value is not null && !channels.AnswersWithCard(activity))
                    turn.Effects.Add(new ReplaceCard(activity.ServiceUrl ?? "", channels.ReplacingCard(activity, channels.ReassignedCard(reassigned, by))));
                return Answer(turn, turn.Replies().Reassigned(reassigned, target.Name), channels.CardAnswer(channels.ReassignedCard(reassigned, by)));
            case "contact":
                if (string.IsNullOrWhiteSpace(rest)) return Say(turn, turn.Replies().AskContact);
                if (!c.IsOpen) return Say(turn, turn.Replies().CannotResume(c));
                var reachable = (c with { Contact = rest.Trim() }).Touch(turn.ReceivedAt);
                turn.Effects.SaveCase(reachable);
                return Say(turn, turn.Replies().ContactSaved(reachable));
            case "kept":
                var kept = c.Record(CaseStep.PromiseKept, turn.ReceivedAt, activity.From?.Id ?? "", c.Promise?.What);
                turn.Effects.SaveCase(kept);
                return Say(turn, turn.Replies().PromiseKept(kept));
            default:
                return false;
        }
    }

    /// <summary>
    /// The answer to a command: for a click answered with a card (Teams' Action.Execute), <paramref name="card"/>
    /// replaces the clicked one and no message is sent besides; otherwise the text, and <paramref name="cardReply"/> after it where cards render.
    /// </summary>
    private bool Answer(TurnContext turn, string text, InvokeResponse card, Activity? cardReply = null)
    {
        if (channels.AnswersWithCard(turn.Activity))
        {
            turn.InvokeResponse = card;
            return true;
        }
        turn.SendText(text);
        if (cardReply is not null && channels.SupportsCards(turn.Activity.ChannelId))
            turn.Send(turn.Activity.CreateReply() with { Attachments = cardReply.Attachments });
        return true;
    }

    /// <summary>
    /// Someone named in text ("to maria", "@maria", "29:1abc"): a user the bot has a chat with, by id or by name (the
    /// whole name or its first word), or a configured manager by id. Null when nobody matches, or more than one does.
    /// </summary>
    /// <summary>"to @maria." → "maria".</summary>
    private static string NameIn(string? text)
    {
        var who = (text ?? "").Trim().TrimEnd('.', '!');
        if (who.StartsWith("to ", StringComparison.OrdinalIgnoreCase) || who.StartsWith("a ", StringComparison.OrdinalIgnoreCase))
            who = who[(who.IndexOf(' ', StringComparison.Ordinal) + 1)..].Trim();
        return who.TrimStart('@').Trim();
    }

    private async Task<(string Id, string Name)?> NamedUserAsync(string team, string? text, CancellationToken ct)
    {
        var who = NameIn(text);
        if (who.Length == 0) return null;
        var people = (await references.ListAsync(team, ct))
            .Where(r => r.Kind is ReferenceKind.User or ReferenceKind.Other && r.Reference.User is not null)
            .Select(r => (Id: r.Reference.User!.Id, Name: r.Reference.User.Name ?? r.Reference.User.Id))
            .Concat((await teams.ManagersAsync(team, ct)).Select(id => (Id: id, Name: id)))
            .DistinctBy(p => p.Id)
            .ToList();
        var byId = people.Where(p => string.Equals(p.Id, who, StringComparison.OrdinalIgnoreCase)).ToList();
        if (byId.Count == 1) return byId[0];
        var byName = people.Where(p => string.Equals(p.Name, who, StringComparison.OrdinalIgnoreCase)
            || string.Equals(p.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(), who, StringComparison.OrdinalIgnoreCase)).ToList();
        return byName.Count == 1 ? byName[0] : null;
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
        if (channels.ReadCardSubmit(activity) is { } submit) return (submit.Command, submit.CaseId, submit.Amount, submit.To);
        var text = (activity.Text ?? "").Trim();
        var lower = text.ToLowerInvariant().TrimEnd('.', '!');
        if (lower is "register channel" or "register this channel" or "set recovery channel" or "use this channel" or "register"
            or "registrar canal" or "registrar este canal" or "usar este canal")
            return ("register", null, null, null);
        if (lower is "digest" or "send digest" or "shift digest") return ("digest", null, null, null);
        if (AddManagerPattern().Match(text) is { Success: true } add) return ("add-manager", null, null, add.Groups["who"].Value.Trim());
        if (CaseCommandPattern().Match(lower) is not { Success: true } m) return (null, null, null, null);
        var verb = m.Groups["verb"].Value.Replace(" ", "", StringComparison.Ordinal) switch
        {
            "followup" or "recordfollowup" or "seguimiento" => "followup",
            "aprobar" => "approve",
            "rechazar" => "decline",
            "posponer" => "snooze",
            "reasignar" => "reassign",
            "cumplido" or "cumplida" => "kept",
            "contacto" => "contact",
            var v => v,
        };
        decimal? amount = m.Groups["amount"].Success && decimal.TryParse(m.Groups["amount"].Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var a) ? a : null;
        // What follows the id, in the words typed ("to Maria"), for reassign.
        // "contact" starts many incidents ("contact lens lost"): it is a command only with a whole case id ("contact SR-7K3Q ...").
        if (verb == "contact" && !m.Groups["id"].Value.StartsWith("sr", StringComparison.Ordinal)) return (null, null, null, null);
        var idEnd = m.Groups["id"].Index + m.Groups["id"].Length;
        var rest = verb is "reassign" or "contact" && text.Length >= idEnd ? text[idEnd..].Trim() : "";
        return (verb, m.Groups["id"].Value, amount, rest.Length == 0 ? null : rest);
    }

    [GeneratedRegex(@"^(?:add manager|añadir encargado|anadir encargado)\s*(?<who>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex AddManagerPattern();

    [GeneratedRegex(@"^(?<verb>approve|decline|follow up|followup|record follow up|snooze|reassign|kept|contact|seguimiento|aprobar|rechazar|posponer|reasignar|cumplido|cumplida|contacto)\s+(case\s+|caso\s+)?(?<id>(sr[\s-]?)?[0-9a-z]{4})\b(\s+\$?(?<amount>\d+(\.\d+)?)\b)?")]
    private static partial Regex CaseCommandPattern();
}

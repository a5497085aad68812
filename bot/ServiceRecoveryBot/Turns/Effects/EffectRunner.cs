using ServiceRecoveryBot.Conversations.Managers;
using ServiceRecoveryBot.Turns.References;
using ServiceRecoveryBot.Operations;
using ServiceRecoveryBot.Protocol;
using ServiceRecoveryBot.Recovery.Cases;
using ServiceRecoveryBot.Reminders;

namespace ServiceRecoveryBot.Turns.Effects;

/// <summary>
/// Runs one <see cref="Effect"/> against the stores and the managers' channel. Every effect is safe to run twice except
/// the messages, which a replay sends again (docs/ARCHITECTURE.md).
/// </summary>
public sealed class EffectRunner(
    ICaseStore cases,
    CaseFollowThrough followThrough,
    IConversationReferenceStore references,
    ITeamDirectory teams,
    ManagerChannelNotifier notifier,
    IChannelClient channel,
    BotTelemetry telemetry)
{
    public Task RunAsync(Effect effect, CancellationToken ct) => effect switch
    {
        CreateCase e => CreateAsync(e.Case, ct),
        SaveCase e => SaveAsync(e.Case, ct),
        ScheduleFollowUp e => ScheduleFollowUpAsync(e, ct),
        RequestApproval e => followThrough.RequestApprovalAsync(e.Case, e.RequestedAt, ct),
        RememberConversation e => references.UpsertAsync(e.Reference, ct),
        ForgetConversation e => references.RemoveAsync(e.TeamKey, e.ConversationId, ct),
        RegisterManagerChannel e => RegisterAsync(e, ct),
        AddManager e => teams.AddManagerAsync(e.TeamKey, e.UserId, e.AddedBy, ct),
        ScheduleDigest e => followThrough.ScheduleDigestAsync(e.TeamKey, e.Since, ct),
        TellStaff e => notifier.SendToStaffAsync(e.TeamKey, e.StaffId, e.ConversationId, new Activity { Type = ActivityTypes.Message, Text = e.Text }, ct),
        ReplaceCard e => channel.UpdateAsync(e.ServiceUrl, e.Replacement, ct),
        CountToneFlags e => Count(e.Flags),
        _ => throw new ArgumentOutOfRangeException(nameof(effect), effect.GetType().Name, "No runner for this effect."),
    };

    /// <summary>
    /// Stores the opened case on its reserved id. When the id is taken already, that is this case, stored by an earlier
    /// try of this effect, and the save goes on as a save (which never writes over another case).
    /// </summary>
    private async Task CreateAsync(RecoveryCase opened, CancellationToken ct)
    {
        if (!await cases.TryCreateAsync(opened, ct)) await cases.SaveAsync(opened, ct);
    }

    /// <summary>
    /// Saves the case; one still waiting for a manager's approval first takes the decision the stored case may carry
    /// (a manager decided while the staff member was still in the recovery), so the recovery's own save never undoes it.
    /// </summary>
    private async Task SaveAsync(RecoveryCase c, CancellationToken ct)
    {
        if (c.Atonement is { Approval: ApprovalState.Pending } && await cases.FindAsync(c.TeamKey, c.Id, ct) is { } stored) c = c.KeepingDecisionOf(stored);
        await cases.SaveAsync(c, ct);
    }

    private async Task ScheduleFollowUpAsync(ScheduleFollowUp e, CancellationToken ct)
    {
        await followThrough.ScheduleFollowUpAsync(e.Case, ct);
        if (e.AndPromise) await followThrough.SchedulePromiseAsync(e.Case, ct);
    }

    private async Task RegisterAsync(RegisterManagerChannel e, CancellationToken ct)
    {
        await teams.SetManagerChannelAsync(e.Channel, e.SetBy, ct);
        await followThrough.ScheduleDigestAsync(e.Channel.TeamKey, e.At, ct);
    }

    /// <summary>Sends a reply; one the channel did not take is retried (after its Retry-After), unless the conversation is gone.</summary>
    public async Task SendAsync(CommittedReply reply, CancellationToken ct)
    {
        var result = await channel.SendAsync(reply.ServiceUrl, reply.Activity, ct);
        if (result.Outcome is SendOutcome.Throttled or SendOutcome.Failed) throw new ReplyNotSentException(result);
    }

    private Task Count(IReadOnlyList<string> flags)
    {
        foreach (var flag in flags) telemetry.ToneFlagRaised(flag);
        return Task.CompletedTask;
    }
}

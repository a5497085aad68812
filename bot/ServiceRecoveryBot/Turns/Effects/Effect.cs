using System.Text.Json.Serialization;
using ServiceRecoveryBot.Turns.References;
using ServiceRecoveryBot.Protocol;
using ServiceRecoveryBot.Recovery.Cases;

namespace ServiceRecoveryBot.Turns.Effects;

/// <summary>
/// Work a turn asks for once its state is committed, as data stored with that state so a restart can run it again.
/// A closed set, kept in this file: a new kind needs its name below and a case in <see cref="Outbox"/>'s ApplyAsync.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(CreateCase), "createCase")]
[JsonDerivedType(typeof(SaveCase), "saveCase")]
[JsonDerivedType(typeof(ScheduleFollowUp), "scheduleFollowUp")]
[JsonDerivedType(typeof(RequestApproval), "requestApproval")]
[JsonDerivedType(typeof(RememberConversation), "rememberConversation")]
[JsonDerivedType(typeof(ForgetConversation), "forgetConversation")]
[JsonDerivedType(typeof(RegisterManagerChannel), "registerManagerChannel")]
[JsonDerivedType(typeof(AddManager), "addManager")]
[JsonDerivedType(typeof(ScheduleDigest), "scheduleDigest")]
[JsonDerivedType(typeof(TellStaff), "tellStaff")]
[JsonDerivedType(typeof(ReplaceCard), "replaceCard")]
[JsonDerivedType(typeof(CountToneFlags), "countToneFlags")]
public abstract record Effect;

/// <summary>Stores a newly opened case on its reserved id (a save when an earlier try stored it already).</summary>
public sealed record CreateCase(RecoveryCase Case) : Effect;

/// <summary>Saves the case's latest version (never over a newer one).</summary>
public sealed record SaveCase(RecoveryCase Case) : Effect;

/// <summary>Schedules the case's follow-up reminder and its escalation, and the promise's when asked.</summary>
public sealed record ScheduleFollowUp(RecoveryCase Case, bool AndPromise = false) : Effect;

/// <summary>Sends the approval card to the managers' channel and schedules its escalation.</summary>
public sealed record RequestApproval(RecoveryCase Case, DateTimeOffset RequestedAt) : Effect;

/// <summary>Keeps the conversation's reference for proactive messages.</summary>
public sealed record RememberConversation(StoredReference Reference) : Effect;

public sealed record ForgetConversation(string TeamKey, string ConversationId) : Effect;

/// <summary>Makes this channel the team's managers' channel and schedules its first digest.</summary>
public sealed record RegisterManagerChannel(StoredReference Channel, string SetBy, DateTimeOffset At) : Effect;

public sealed record AddManager(string TeamKey, string UserId, string AddedBy) : Effect;

/// <summary>Schedules the team's digest of what happened since <see cref="Since"/>.</summary>
public sealed record ScheduleDigest(string TeamKey, DateTimeOffset Since) : Effect;

/// <summary>A message to a staff member: in the case's conversation when given and still reachable, else their own chat with the bot.</summary>
public sealed record TellStaff(string TeamKey, string StaffId, string Text, string? ConversationId = null) : Effect;

/// <summary>Replaces a card the user answered (Teams' update activity).</summary>
public sealed record ReplaceCard(string ServiceUrl, Activity Replacement) : Effect;

/// <summary>Counts raised tone flags in the bot's metrics.</summary>
public sealed record CountToneFlags(IReadOnlyList<string> Flags) : Effect;

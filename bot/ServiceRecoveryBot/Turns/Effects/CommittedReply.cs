using ServiceRecoveryBot.Protocol;

namespace ServiceRecoveryBot.Turns.Effects;

/// <summary>One of a turn's replies, committed with its state so that a crash or a failing channel does not lose it.</summary>
public sealed record CommittedReply(string ServiceUrl, Activity Activity);

using ServiceRecoveryBot.Turns.References;

namespace ServiceRecoveryBot.Conversations.Managers;

/// <summary>Each team's managers' channel and its managers (configured and recorded).</summary>
public interface ITeamDirectory
{
    Task SetManagerChannelAsync(StoredReference channel, string setBy, CancellationToken ct);

    Task<StoredReference?> ManagerChannelAsync(string teamKey, CancellationToken ct);

    /// <summary>Teams that have a managers' channel (for the digest).</summary>
    Task<IReadOnlyList<string>> TeamsWithChannelsAsync(CancellationToken ct);

    Task AddManagerAsync(string teamKey, string userId, string addedBy, CancellationToken ct);

    /// <summary>The team's managers' user ids: configured ones first, then those added with "add manager".</summary>
    Task<IReadOnlyList<string>> ManagersAsync(string teamKey, CancellationToken ct);

    /// <summary>True when the user is a manager of the team, by configuration or by record; ids and AAD object ids both count.</summary>
    Task<bool> IsManagerAsync(string teamKey, IEnumerable<string> userIds, CancellationToken ct);
}

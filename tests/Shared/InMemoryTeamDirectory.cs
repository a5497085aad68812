using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using ServiceRecoveryBot.Conversations.Managers;
using ServiceRecoveryBot.Turns.References;

namespace ServiceRecoveryBot.Testing;

public sealed class InMemoryTeamDirectory(IOptions<ManagerOptions> options) : ITeamDirectory
{
    private readonly ConcurrentDictionary<string, StoredReference> channels = new();
    private readonly ConcurrentDictionary<(string Team, string User), bool> managers = new();

    public Task SetManagerChannelAsync(StoredReference channel, string setBy, CancellationToken ct)
    {
        channels[channel.TeamKey] = channel;
        return Task.CompletedTask;
    }

    public Task<StoredReference?> ManagerChannelAsync(string teamKey, CancellationToken ct) => Task.FromResult(channels.GetValueOrDefault(teamKey));

    public Task<IReadOnlyList<string>> TeamsWithChannelsAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<string>>(channels.Keys.ToList());

    public Task AddManagerAsync(string teamKey, string userId, string addedBy, CancellationToken ct)
    {
        managers[(teamKey, userId)] = true;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> ManagersAsync(string teamKey, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<string>>([.. options.Value.ConfiguredFor(teamKey).Concat(managers.Keys.Where(k => k.Team == teamKey).Select(k => k.User)).Distinct()]);

    public Task<bool> IsManagerAsync(string teamKey, IEnumerable<string> userIds, CancellationToken ct)
    {
        var ids = userIds.ToList();
        return Task.FromResult(ids.Any(id => managers.ContainsKey((teamKey, id)))
            || options.Value.ConfiguredFor(teamKey).Intersect(ids).Any());
    }
}

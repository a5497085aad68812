using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ServiceRecoveryBot.Channels.Slack;

/// <summary>
/// Slack's surfaces beside messages: <c>views.open</c> (a modal, on a trigger that lapses 3 s after the click) and
/// <c>views.publish</c> (a user's Home tab). Same pipeline as the other calls: timeout, cancellation, Retry-After.
/// </summary>
public sealed partial class SlackWebClient
{
    /// <summary>Opens a modal for the click <paramref name="triggerId"/> came from; false when Slack refused (logged).</summary>
    public async Task<bool> OpenViewAsync(string triggerId, JsonObject view, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, MethodUri("views.open")) { Content = JsonContent.Create(new JsonObject { ["trigger_id"] = triggerId, ["view"] = view }) };
        return await CallAsync(request, error => NotDelivered(logger, "views.open", triggerId, error, Protocol.SendOutcome.Failed), ct) is not null;
    }

    /// <summary>Publishes <paramref name="view"/> as the user's Home tab; false when Slack refused (logged).</summary>
    public async Task<bool> PublishHomeAsync(string userId, JsonObject view, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, MethodUri("views.publish")) { Content = JsonContent.Create(new JsonObject { ["user_id"] = userId, ["view"] = view }) };
        return await CallAsync(request, error => NotDelivered(logger, "views.publish", userId, error, Protocol.SendOutcome.Failed), ct) is not null;
    }
}

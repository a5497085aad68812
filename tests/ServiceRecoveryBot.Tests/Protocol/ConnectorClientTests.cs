using System.Net;
using System.Net.Http.Headers;
using ServiceRecoveryBot.Protocol;

namespace ServiceRecoveryBot.Tests.Protocol;

/// <summary>A throttled send says how long the connector asked to wait, so the background retry can wait as long.</summary>
public sealed class ConnectorClientTests
{
    private static readonly Activity Reply = new()
    {
        Type = ActivityTypes.Message,
        Text = "Logged SR-7K3Q.",
        Conversation = new ConversationAccount { Id = "a:conv-1" },
    };

    [Fact]
    public async Task A_429_with_a_delay_carries_its_Retry_After()
    {
        var answer = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        answer.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(25));

        var result = await SendAsync(answer);

        Assert.Equal(SendOutcome.Throttled, result.Outcome);
        Assert.Equal(TimeSpan.FromSeconds(25), result.RetryAfter);
    }

    [Fact]
    public async Task A_429_with_a_date_carries_the_wait_from_the_answers_own_date()
    {
        var sent = new DateTimeOffset(2026, 12, 8, 5, 0, 0, TimeSpan.Zero);
        var answer = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        answer.Headers.Date = sent;
        answer.Headers.RetryAfter = new RetryConditionHeaderValue(sent.AddSeconds(40));

        var result = await SendAsync(answer);

        Assert.Equal(TimeSpan.FromSeconds(40), result.RetryAfter);
    }

    [Fact]
    public async Task A_failure_without_Retry_After_carries_none()
    {
        var result = await SendAsync(new HttpResponseMessage(HttpStatusCode.InternalServerError));

        Assert.Equal(SendOutcome.Failed, result.Outcome);
        Assert.Null(result.RetryAfter);
    }

    private static async Task<SendResult> SendAsync(HttpResponseMessage answer)
    {
        using var http = new HttpClient(new Answering(answer));
        return await new ConnectorClient(http, new AnonymousConnectorCredentials()).SendAsync("http://127.0.0.1:9/", Reply, CancellationToken.None);
    }

    /// <summary>The connector's side of the wire: one answer to every request, nothing leaves the process.</summary>
    private sealed class Answering(HttpResponseMessage answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(answer);
    }
}

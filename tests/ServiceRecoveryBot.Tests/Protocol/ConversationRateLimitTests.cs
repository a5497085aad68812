using System.Net;
using ServiceRecoveryBot.Protocol;

namespace ServiceRecoveryBot.Tests.Protocol;

public sealed class ConversationRateLimitTests
{
    private sealed class Counting : HttpMessageHandler
    {
        public int Sent;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Sent);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.Created));
        }
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/t/v3/conversations/a%3A1/activities/9", "smba.trafficmanager.net/a%3A1")]
    [InlineData("https://smba.trafficmanager.net/amer/v3/conversations/19%3Ax%40thread.tacv2/activities", "smba.trafficmanager.net/19%3Ax%40thread.tacv2")]
    public void Requests_are_grouped_by_conversation(string url, string expected) =>
        Assert.Equal(expected, ConversationRateLimiter.ConversationOf(new Uri(url)));

    [Fact]
    public async Task Sends_to_other_channels_are_not_held_back()
    {
        using var limiter = new ConversationRateLimiter();
        var inner = new Counting();
        using var client = new HttpClient(new ConversationRateLimitHandler(limiter) { InnerHandler = inner });
        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.PostAsync("http://127.0.0.1:5000/v3/conversations/c/activities", null)));
        Assert.Equal(20, inner.Sent);
    }

    [Fact]
    public async Task The_eighth_send_within_a_second_to_one_conversation_waits_while_other_conversations_go_ahead()
    {
        using var limiter = new ConversationRateLimiter();
        var inner = new Counting();
        using var client = new HttpClient(new ConversationRateLimitHandler(limiter) { InnerHandler = inner });
        var busy = Enumerable.Range(0, ConversationRateLimiter.PermitsPerSecond + 1)
            .Select(_ => client.PostAsync("https://smba.trafficmanager.net/amer/v3/conversations/busy/activities", null)).ToList();

        await Task.WhenAll(busy.Take(ConversationRateLimiter.PermitsPerSecond));
        Assert.False(busy[^1].IsCompleted);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("https://smba.trafficmanager.net/amer/v3/conversations/quiet/activities", null)).StatusCode);

        using var bounded = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.Created, (await busy[^1].WaitAsync(bounded.Token)).StatusCode);
        Assert.Equal(ConversationRateLimiter.PermitsPerSecond + 2, inner.Sent);
    }
}

using Polly.Timeout;

namespace ServiceRecoveryBot.Channels;

/// <summary>
/// Turns the resilience pipeline's overall timeout into the <see cref="HttpRequestException"/> a client maps to a
/// failed send: a connector that never answers ends as an outcome, not as an exception out of the turn (a 500).
/// </summary>
internal sealed class OutOfTimeHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await base.SendAsync(request, cancellationToken);
        }
        catch (TimeoutRejectedException ex)
        {
            throw new HttpRequestException("No answer within the send's time: " + ex.Message, ex);
        }
    }
}

namespace ServiceRecoveryBot.Protocol.Authentication;

/// <summary>
/// Whether a Connector URL may receive the bot's token (protocol reference §3.3): https, no user info, and a host
/// equal to a trusted host or, for an entry <c>*.example.com</c>, any subdomain of example.com.
/// </summary>
public static class TrustedServiceUrls
{
    public static bool IsTrusted(Uri serviceUrl, IEnumerable<string> trustedHosts)
    {
        if (!serviceUrl.IsAbsoluteUri || serviceUrl.Scheme != Uri.UriSchemeHttps || !string.IsNullOrEmpty(serviceUrl.UserInfo))
            return false;

        var host = serviceUrl.IdnHost.TrimEnd('.');
        foreach (var entry in trustedHosts)
        {
            if (entry.StartsWith("*.", StringComparison.Ordinal))
            {
                var suffix = entry[1..];
                if (host.Length > suffix.Length && host.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
                    return true;
            }
            else if (string.Equals(host, entry, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}

using System.Net;
using Microsoft.AspNetCore.Http;

namespace ServiceRecoveryBot.Channels;

public static class ConnectionInfoExtensions
{
    /// <summary>True when the request came from this machine (or from an in-process test server, which has no address).</summary>
    public static bool IsFromLoopback(this ConnectionInfo connection) =>
        connection.RemoteIpAddress is not { } remote || IPAddress.IsLoopback(remote);
}

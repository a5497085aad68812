namespace ServiceRecoveryBot.Channels.DirectLine;

/// <summary>What a bearer token allows on a conversation, in Direct Line's status codes.</summary>
public enum DirectLineAccess
{
    /// <summary>The token is current and belongs to the conversation.</summary>
    Granted,

    /// <summary>403: the token is unknown, expired, or for another conversation (DirectLineJS reads 403 as "token expired").</summary>
    Forbidden,

    /// <summary>404: no such conversation (DirectLineJS reads 404 as "conversation ended").</summary>
    NotFound,
}

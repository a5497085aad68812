namespace ServiceRecoveryBot.Protocol.Authentication;

/// <summary>The Bot Framework's <c>MicrosoftAppType</c> setting: how the bot's app id gets outbound tokens.</summary>
public enum BotAppType
{
    /// <summary>App id + secret, tokens from the botframework.com tenant (existing bots only; creation ended July 2025).</summary>
    MultiTenant,

    /// <summary>App id + secret in the bot's own tenant (<c>MicrosoftAppTenantId</c>).</summary>
    SingleTenant,

    /// <summary>A user-assigned managed identity whose client id is the app id; no secret.</summary>
    UserAssignedMSI,
}

namespace ServiceRecoveryBot.Turns.References;

/// <summary>What a stored conversation reference reaches.</summary>
public enum ReferenceKind
{
    /// <summary>A personal (1:1) chat with one user.</summary>
    User,
    /// <summary>A team channel.</summary>
    Channel,
    GroupChat,
    /// <summary>A local or other channel without Teams scopes.</summary>
    Other,
}

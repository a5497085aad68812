namespace ServiceRecoveryBot.Understanding;

/// <summary>What a message most likely is, for the router.</summary>
public enum MessageKind
{
    /// <summary>Something went wrong with a customer.</summary>
    Incident,

    /// <summary>A question for guidance.</summary>
    Question,

    /// <summary>A bot command (my cases, status, help, show SR-7K3Q).</summary>
    Command,

    /// <summary>A greeting, thanks or small talk.</summary>
    Smalltalk,

    /// <summary>No words to read (keyboard mash, lone symbols).</summary>
    Junk,

    /// <summary>A threat of violence or abuse aimed at staff or the bot.</summary>
    ThreatOrAbuse,
}

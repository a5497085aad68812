namespace ServiceRecoveryBot.Recovery.Cases;

public enum CustomerTier
{
    New,
    Regular,
    Vip,
}

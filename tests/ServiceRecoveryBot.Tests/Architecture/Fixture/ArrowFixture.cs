// A deliberately bad small app for ArchitectureTests: each type below stands for one folder of the bot, and some of
// them use what their folder must not, so the rules are seen to fail. Nothing else uses these types.
#pragma warning disable CS0649, CA1051, CA1812, CA1822, CA1823, IDE0051, IDE0060

namespace ServiceRecoveryBot.Tests.Architecture.Fixture.Channels
{
    internal sealed class Card
    {
        public static string Build() => "card";
    }

    internal sealed class Endpoint
    {
        public Storage.TableStore? Store;
    }
}

namespace ServiceRecoveryBot.Tests.Architecture.Fixture.Storage
{
    internal sealed class TableStore : Turns.State.IStateStore;
}

namespace ServiceRecoveryBot.Tests.Architecture.Fixture.Turns
{
    internal sealed class Processor
    {
        public Conversations.Bot? Bot;
    }
}

namespace ServiceRecoveryBot.Tests.Architecture.Fixture.Turns.State
{
    internal interface IStateStore;
}

namespace ServiceRecoveryBot.Tests.Architecture.Fixture.Conversations
{
    internal sealed class Bot
    {
        public Turns.State.IStateStore? States;

        public string Summary() => Channels.Card.Build();
    }

    internal sealed class Dialog
    {
        public void Run(Turns.Processor processor) { }
    }
}

namespace ServiceRecoveryBot.Tests.Architecture.Fixture.Operations
{
    internal sealed class HealthProbe
    {
        public Azure.Data.Tables.TableServiceClient? Tables;
    }
}

namespace ServiceRecoveryBot.Tests.Architecture.Fixture.Recovery
{
    internal sealed class Case
    {
        public ServiceRecoveryBot.Protocol.Activity? Source;

        public Func<string> Later() => () => Channels.Card.Build();
    }
}

namespace ServiceRecoveryBot.Tests.Architecture.Fixture.Channels
{
    /// <summary>Composition may name every folder, Storage included.</summary>
    internal static class ChannelServiceCollectionExtensions
    {
        public static object Wire() => new Storage.TableStore();
    }
}

using ServiceRecoveryBot.Benchmarks;
using ServiceRecoveryBot.Benchmarks.Converse;

// load: drive concurrent recoveries over HTTP against a running bot (scripts/load.sh starts Azurite and the bot, then this).
//   dotnet run -c Release --project tests/ServiceRecoveryBot.Benchmarks -- load --url http://127.0.0.1:3978 --conversations 50 --recoveries 10 --warmup 25 [--rate 500]
// converse: staff members answering whatever a Bot Framework bot asks, a new conversation per recovery, turns ending at
//   expectingInput; cold and warm figures (scripts/converse.sh starts Azurite and our bot or the JS SDK peer, then this).
//   dotnet <Benchmarks.dll> converse --url http://127.0.0.1:3978 --bot-pid <pid> [--conversations 50] [--seconds 90]
// reminders: schedule 100,000 future and 100 due reminders in Table Storage, run one scheduler tick, print the entities it read.
//   dotnet run -c Release --project tests/ServiceRecoveryBot.Benchmarks -- reminders [--connection "<connection string>"] [--future 100000] [--due 100]
// report: the weekly report's reads at 10k, 100k and 1M cases (day rows written straight into the Aggregates table).
//   dotnet run -c Release --project tests/ServiceRecoveryBot.Benchmarks -- report [--connection "<connection string>"] [--cases 10000,100000,1000000] [--shares-up-to 100000]
return args switch
{
    ["load", ..] => await LoadCommand.RunAsync(args[1..]),
    ["converse", ..] => await ConverseCommand.RunAsync(args[1..]),
    ["reminders", ..] => await ReminderTickBenchmark.RunAsync(args[1..]),
    ["report", ..] => await ReportScaleBenchmark.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: load --url <bot base url> [--conversations 50] [--recoveries 10] [--warmup 0] [--rate <turns/s>]");
    Console.Error.WriteLine("            [--cpu name=pid,...] [--by-step] [--timeline]   (scripts/load.sh starts Azurite and the bot for you)");
    Console.Error.WriteLine("       " + ConverseCommand.Usage);
    Console.Error.WriteLine("       reminders [--connection <Azurite or storage connection string>] [--future 100000] [--due 100]");
    Console.Error.WriteLine("       report [--connection <connection string>] [--cases 10000,100000,1000000] [--shares-up-to 100000]");
    return 2;
}

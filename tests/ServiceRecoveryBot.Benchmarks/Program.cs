using ServiceRecoveryBot.Benchmarks;

// load: drive concurrent recoveries over HTTP against a running bot.
//   dotnet run -c Release --project tests/ServiceRecoveryBot.Benchmarks -- load --url http://127.0.0.1:3978 --conversations 50 --recoveries 10
return args is ["load", ..] ? await LoadCommand.RunAsync(args[1..]) : Usage();

static int Usage()
{
    Console.Error.WriteLine("usage: load --url <bot base url> [--conversations 50] [--recoveries 10]");
    return 2;
}

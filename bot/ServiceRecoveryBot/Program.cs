using ServiceRecoveryBot;
using ServiceRecoveryBot.Channels;
using ServiceRecoveryBot.Channels.BotFramework;
using ServiceRecoveryBot.Channels.Cards;
using ServiceRecoveryBot.Channels.DirectLine;
using ServiceRecoveryBot.Channels.Local;
using ServiceRecoveryBot.Channels.Slack;
using ServiceRecoveryBot.Conversations;
using ServiceRecoveryBot.Guidance;
using ServiceRecoveryBot.Insights;
using ServiceRecoveryBot.Operations;
using ServiceRecoveryBot.Reminders;
using ServiceRecoveryBot.Protocol.Authentication;
using ServiceRecoveryBot.Sentiment;
using ServiceRecoveryBot.Storage;
using ServiceRecoveryBot.Turns;

if (args is ["tone", ..])
{
    Environment.ExitCode = await ToneCommand.RunProcessAsync(args[1..], HostExtensions.ContentRoot(args) ?? Directory.GetCurrentDirectory(), CancellationToken.None);
    return;
}

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = HostExtensions.ContentRoot(args) });
if (args is ["chat", ..]) builder.ListenNowhere();
else if (string.IsNullOrEmpty(builder.Configuration["urls"]))
    builder.WebHost.UseUrls("http://localhost:3978");

builder.Services
    .AddBotFrameworkAuthentication(builder.Configuration)
    .AddToneAnalysis()
    .AddTableStorage()
    .AddRecoveryConversations()
    .AddTurns()
    .AddBotChannels()
    .AddReminders()
    .AddInsights()
    .AddBotOperations(builder.Configuration)
    .AddAdaptiveCards();
builder.Services.AddSingleton<ConsoleChat>();

var app = builder.Build();

if (args is ["understand-eval", ..])
{
    Environment.ExitCode = ServiceRecoveryBot.Understanding.UnderstandCommand.Run(args[1..], Console.Out, app.Services, app.Lifetime.ApplicationStopping);
    return;
}

if (args is ["chat", ..])
{
    await app.StartHostedServicesOnlyAsync();
    await app.Services.GetRequiredService<ConsoleChat>().RunAsync(Console.In, Console.Out, Environment.UserName, app.Lifetime.ApplicationStopping);
    return;
}

app.MapBotMessages();
app.MapSlack();
app.MapBotHealth();
app.MapLocalWebChat();
app.Run();

public partial class Program;

using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using ServiceRecoveryBot.IntegrationTests.Http;
using ServiceRecoveryBot.IntegrationTests.Infrastructure;
using ServiceRecoveryBot.Operations;

namespace ServiceRecoveryBot.IntegrationTests.Operations;

[Collection(AzuriteCollection.Name)]
public sealed class OperationsTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Healthz_and_readyz_are_healthy_when_storage_answers()
    {
        await using var factory = new BotFactory(azurite, AzuriteFixture.NewTablePrefix());
        using var http = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/readyz")).StatusCode);
    }

    [Fact]
    public async Task Healthz_is_unhealthy_when_storage_is_unreachable()
    {
        await using var factory = new UnreachableStorageFactory();
        using var http = factory.CreateClient();
        var health = await http.GetAsync("/healthz");
        var ready = await http.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
    }

    [Fact]
    public async Task A_turn_emits_a_span_a_turn_count_and_its_latency()
    {
        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == BotTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = span => { lock (spans) spans.Add(span); },
        };
        ActivitySource.AddActivityListener(listener);
        var measurements = new List<(string Instrument, object? Channel)>();
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, l) => { if (instrument.Meter.Name == BotTelemetry.Name) l.EnableMeasurementEvents(instrument); },
        };
        meters.SetMeasurementEventCallback<long>((instrument, _, tags, _) => { lock (measurements) measurements.Add((instrument.Name, Tag(tags, "channel"))); });
        meters.SetMeasurementEventCallback<double>((instrument, _, tags, _) => { lock (measurements) measurements.Add((instrument.Name, Tag(tags, "channel"))); });
        meters.Start();

        await using var connector = await LoopbackConnector.StartAsync();
        await using var factory = new BotFactory(azurite, AzuriteFixture.NewTablePrefix());
        var client = new BotClient(factory.CreateClient(), connector, "conv-telemetry-" + Guid.NewGuid().ToString("N"));
        await client.SayAsync("help");

        lock (spans) Assert.Contains(spans, s => s.OperationName == "turn" && (string?)s.GetTagItem("bot.channel") == "msteams");
        lock (measurements)
        {
            Assert.Contains(measurements, m => m.Instrument == "bot.turns" && (string?)m.Channel == "msteams");
            Assert.Contains(measurements, m => m.Instrument == "bot.turn.duration");
        }
    }

    private static object? Tag(ReadOnlySpan<KeyValuePair<string, object?>> tags, string name)
    {
        foreach (var tag in tags) if (tag.Key == name) return tag.Value;
        return null;
    }

    private sealed class UnreachableStorageFactory : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            builder.UseEnvironment("Development");
            builder.UseSetting("Understanding:Model", "None");
            builder.UseSetting("ConnectionStrings:Tables",
                "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
                $"TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;");
        }
    }
}

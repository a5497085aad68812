using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using ServiceRecoveryBot.Storage;

namespace ServiceRecoveryBot.Operations;

public static class OperationsServiceCollectionExtensions
{
    /// <summary>
    /// Health (<c>/healthz</c>: storage reachable; <c>/readyz</c>: started and storage reachable) and OpenTelemetry:
    /// traces and metrics are collected and exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>
    /// is set, and to Application Insights when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set.
    /// </summary>
    public static IServiceCollection AddBotOperations(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton<BotTelemetry>();
        services.AddHealthChecks()
            .AddCheck<StorageHealthCheck>("storage", tags: ["live", "ready"])
            .AddCheck<StartupReadinessCheck>("startup", tags: ["ready"]);

        var otlp = configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        var appInsights = configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"];
        // With nowhere to export to, skip the SDK entirely: recording spans for every request and storage call would
        // cost CPU on every turn for nothing. The bot's own ActivitySource and Meter still publish to any listener.
        if (string.IsNullOrEmpty(otlp) && string.IsNullOrEmpty(appInsights)) return services;
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(configuration["OTEL_SERVICE_NAME"] ?? BotTelemetry.Name))
            .WithTracing(tracing =>
            {
                tracing.AddSource(BotTelemetry.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                if (!string.IsNullOrEmpty(otlp)) tracing.AddOtlpExporter();
                if (!string.IsNullOrEmpty(appInsights)) tracing.AddAzureMonitorTraceExporter(o => o.ConnectionString = appInsights);
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(BotTelemetry.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                if (!string.IsNullOrEmpty(otlp)) metrics.AddOtlpExporter();
                if (!string.IsNullOrEmpty(appInsights)) metrics.AddAzureMonitorMetricExporter(o => o.ConnectionString = appInsights);
            });
        return services;
    }

    public static IEndpointRouteBuilder MapBotHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = check => check.Tags.Contains("live") });
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        return app;
    }
}

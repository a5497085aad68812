var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/", () => "ServiceRecoveryBot");
app.Run();

public partial class Program;

var builder = WebApplication.CreateBuilder(args);
var password = builder.Configuration["Database:Password"];
var connectionString = $"Host=db;Username=app;Password={password};Database=app";
var apiKey = Environment.GetEnvironmentVariable("API_KEY");
builder.Services.AddDbContext<AppDb>(o => o.UseNpgsql(connectionString));

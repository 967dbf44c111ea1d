var app = WebApplication.Create(args);
app.MapGet(Shared.Health.Path, () => "ok");
app.Run();

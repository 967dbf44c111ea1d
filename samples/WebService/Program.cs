var builder = WebApplication.CreateBuilder(args);

// PORT002 (macOS AirPlay Receiver holds 5000) and PORT007 (browsers refuse 6000, X11), each PORT003.
builder.WebHost.UseUrls("http://localhost:5000", "http://*:6000");

// PORT001 + PORT002: 60251 is in the ephemeral range and an Xsan port.
builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenAnyIP(60251));

var app = builder.Build();

// PORT007: 10080 (amanda) is on the WHATWG bad-port list.
app.Urls.Add("http://0.0.0.0:10080");

// Not a port: the number is in the URL path.
app.MapGet("/", () => "see http://example.com/orders/60251");

app.Run();

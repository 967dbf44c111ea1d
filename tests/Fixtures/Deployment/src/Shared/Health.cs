namespace Shared;

public static class Health
{
    public const string Path = "/health";
}

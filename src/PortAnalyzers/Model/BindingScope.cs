using System;

namespace PortAnalyzers.Model;

/// <summary>
/// Where listeners can collide for PORT006: one file and, inside it, one part that runs at a time (a launch profile,
/// IIS Express, Kestrel endpoints, Urls or *_PORTS keys, a Dockerfile, a project's container items). Listeners of
/// different scopes never count against each other; C# listeners have none (the whole compilation is one).
/// </summary>
internal readonly struct BindingScope : IEquatable<BindingScope>
{
    public BindingScope(string file, string name)
    {
        File = file;
        Name = name;
    }

    public string File { get; }

    /// <summary>The part of the file: "profile:http", "iisExpress", "kestrel", "urls", "ports", "dockerfile", "container".</summary>
    public string Name { get; }

    public bool Equals(BindingScope other) => string.Equals(File, other.File, StringComparison.Ordinal) && string.Equals(Name, other.Name, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is BindingScope other && Equals(other);

    public override int GetHashCode() => unchecked(((File?.GetHashCode() ?? 0) * 397) ^ (Name?.GetHashCode() ?? 0));

    public override string ToString() => File + "#" + Name;
}

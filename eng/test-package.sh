#!/usr/bin/env bash
# Proves the packed .nupkg works as users consume it: a fresh project with a PackageReference to PortAnalyzers
# from a local folder source gets the diagnostics, with no MSBuild configuration of its own.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

dotnet pack "$root/src/PortAnalyzers.Package/PortAnalyzers.Package.csproj" -c Release -o "$work/feed" -p:Version=0.0.0-local >/dev/null
unzip -l "$work/feed/PortAnalyzers.0.0.0-local.nupkg" | grep -q "analyzers/dotnet/roslyn4.8/cs/PortAnalyzers.dll"
unzip -l "$work/feed/PortAnalyzers.0.0.0-local.nupkg" | grep -q "analyzers/dotnet/roslyn4.8/cs/PortAnalyzers.CodeFixes.dll"
unzip -l "$work/feed/PortAnalyzers.0.0.0-local.nupkg" | grep -q "buildTransitive/PortAnalyzers.props"
if unzip -p "$work/feed/PortAnalyzers.0.0.0-local.nupkg" PortAnalyzers.nuspec | grep -q "<dependency"; then
  echo "package declares dependencies: they would leak to users" >&2; exit 1
fi

mkdir -p "$work/consumer/Properties"
cat > "$work/consumer/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="local" value="$work/feed" />
  </packageSources>
</configuration>
XML
# Both sources: the local feed for PortAnalyzers, the machine's configured source for the SDK's own packages.
cat > "$work/consumer/Consumer.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <OutputType>Exe</OutputType>
    <ImplicitUsings>enable</ImplicitUsings>
    <PortAnalyzersEphemeralRange>linux</PortAnalyzersEphemeralRange>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="PortAnalyzers" Version="0.0.0-local" />
  </ItemGroup>
</Project>
XML
cat > "$work/consumer/Program.cs" <<'CS'
using System.Net;
using System.Net.Sockets;
var ephemeral = new TcpListener(IPAddress.Any, 60251);
var linuxOnly = new TcpListener(IPAddress.Any, 40000);
Console.WriteLine($"{ephemeral.LocalEndpoint} {linuxOnly.LocalEndpoint}");
CS
echo '{ "Urls": "http://localhost:60251" }' > "$work/consumer/appsettings.json"

out="$(cd "$work/consumer" && dotnet build -nologo 2>&1 || true)"
echo "$out" | grep -E "PORT0" | sed "s#$work/##" | sort -u || true
echo "$out" | grep -q "Program.cs(3,48): warning PORT001" || { echo "FAIL: no PORT001 from the package" >&2; echo "$out" >&2; exit 1; }
echo "$out" | grep -q "Program.cs(4,48): warning PORT001" || { echo "FAIL: PortAnalyzersEphemeralRange=linux did not reach the analyzer" >&2; exit 1; }
echo "$out" | grep -q "AD0001" && { echo "FAIL: analyzer exception" >&2; exit 1; }
if ! grep -q '"PortAnalyzers"' "$work/consumer/obj/project.assets.json"; then echo "FAIL: package not restored" >&2; exit 1; fi
if grep -q '"PrivateAssets"' /dev/null; then :; fi
echo "package check passed"

#!/usr/bin/env bash
# Proves the packed .nupkg works as users consume it: a fresh project with a PackageReference to PortAnalyzers
# from a local folder source gets the diagnostics, with no MSBuild configuration of its own.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

dotnet pack "$root/src/PortAnalyzers.Package/PortAnalyzers.Package.csproj" -c Release -o "$work/feed" -p:Version=0.0.0-local >/dev/null
listing="$(unzip -l "$work/feed/PortAnalyzers.0.0.0-local.nupkg")"
for entry in analyzers/dotnet/roslyn4.8/cs/PortAnalyzers.dll analyzers/dotnet/roslyn4.8/cs/PortAnalyzers.CodeFixes.dll \
             build/PortAnalyzers.props build/PortAnalyzers.targets buildTransitive/PortAnalyzers.props buildTransitive/PortAnalyzers.targets; do
  grep -q "$entry" <<<"$listing" || { echo "FAIL: $entry missing from the package" >&2; exit 1; }
done
nuspec="$(unzip -p "$work/feed/PortAnalyzers.0.0.0-local.nupkg" PortAnalyzers.nuspec)"
grep -q "<developmentDependency>true</developmentDependency>" <<<"$nuspec" || { echo "FAIL: not a development dependency" >&2; exit 1; }
if grep -q "<dependency" <<<"$nuspec"; then
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
cat > "$work/consumer/appsettings.json" <<'JSON'
{
  // comments and trailing commas, as configuration accepts them
  "Kestrel": { "Endpoints": { "Http": { "Url": "http://localhost:61100" }, } },
}
JSON
cat > "$work/consumer/Properties/launchSettings.json" <<'JSON'
{
  "profiles": {
    "http": { "commandName": "Project", "applicationUrl": "http://localhost:6000" }
  }
}
JSON

# A private package folder: a stale PortAnalyzers 0.0.0-local in the user's cache must not stand in for this build.
out="$(cd "$work/consumer" && NUGET_PACKAGES="$work/packages" dotnet build -nologo 2>&1 || true)"
grep -E "PORT[01]0" <<<"$out" | sed "s#$work/##; s# (https://[^)]*)##; s# \[.*##" | sort -u || true
grep -q "Program.cs(3,48): warning PORT001" <<<"$out" || { echo "FAIL: no PORT001 from the package" >&2; echo "$out" >&2; exit 1; }
grep -q "Program.cs(4,48): warning PORT001" <<<"$out" || { echo "FAIL: PortAnalyzersEphemeralRange=linux did not reach the analyzer" >&2; exit 1; }
grep -q "appsettings.json(3,66): warning PORT002" <<<"$out" || { echo "FAIL: no PORT002 at appsettings.json(3,66)" >&2; exit 1; }
grep -q "launchSettings.json(3,77): warning PORT007" <<<"$out" || { echo "FAIL: no PORT007 at launchSettings.json(3,77)" >&2; exit 1; }
grep -q "AD0001" <<<"$out" && { echo "FAIL: analyzer exception" >&2; exit 1; }
if ! grep -q '"PortAnalyzers"' "$work/consumer/obj/project.assets.json"; then echo "FAIL: package not restored" >&2; exit 1; fi

# CI conventions: -warnaserror fails the build on a port warning, and the SARIF error log carries the findings.
if (cd "$work/consumer" && NUGET_PACKAGES="$work/packages" dotnet build -nologo --no-incremental -warnaserror >/dev/null 2>&1); then
  echo "FAIL: -warnaserror did not fail the build on PORT001" >&2; exit 1
fi
(cd "$work/consumer" && NUGET_PACKAGES="$work/packages" dotnet build -nologo --no-incremental -p:ErrorLog="$work/consumer.sarif%2Cversion=2.1" >/dev/null 2>&1) || true
grep -q '"ruleId": "PORT001"' "$work/consumer.sarif" || { echo "FAIL: no PORT001 in the SARIF error log" >&2; exit 1; }
grep -q '"version": "2.1.0"' "$work/consumer.sarif" || { echo "FAIL: the error log is not SARIF 2.1.0" >&2; exit 1; }
# A test project (IsTestProject set, as Microsoft.NET.Test.Sdk does): the property reaches the analyzers through the
# package's props, so PORT008 fires and PORT003 stays silent even where .editorconfig raises it.
mkdir -p "$work/tests"
cp "$work/consumer/nuget.config" "$work/tests/"
cat > "$work/tests/ConsumerTests.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <IsTestProject>true</IsTestProject>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="PortAnalyzers" Version="0.0.0-local" />
  </ItemGroup>
</Project>
XML
printf '[*.cs]\ndotnet_diagnostic.PORT003.severity = warning\n' > "$work/tests/.editorconfig"
cat > "$work/tests/EchoTests.cs" <<'CS'
public class EchoTests
{
    public void Echo() => new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 5055).Start();
}
CS
out="$(cd "$work/tests" && NUGET_PACKAGES="$work/packages" dotnet build -nologo 2>&1 || true)"
grep -q "EchoTests.cs(3,93): warning PORT008" <<<"$out" || { echo "FAIL: no PORT008 in a test project" >&2; echo "$out" >&2; exit 1; }
if grep -q "PORT003" <<<"$out"; then echo "FAIL: PORT003 in a test project" >&2; echo "$out" >&2; exit 1; fi
echo "package check passed"

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
for element in "<readme>README.md</readme>" "<releaseNotes>" "<repository type=\"git\" url=\"https://github.com/portanalyzers/portanalyzers\"" "<projectUrl>" "<tags>" "<license type=\"expression\">MIT</license>"; do
  grep -q "$element" <<<"$nuspec" || { echo "FAIL: PortAnalyzers.nuspec has no $element" >&2; exit 1; }
done
for entry in README.md CHANGELOG.md globalconfigs/PortAnalyzers.none.globalconfig globalconfigs/PortAnalyzers.all-suggestions.globalconfig \
             globalconfigs/PortAnalyzers.all-warnings.globalconfig globalconfigs/PortAnalyzers.all-errors.globalconfig; do
  grep -q " $entry\$" <<<"$listing" || { echo "FAIL: $entry missing from the package" >&2; exit 1; }
done
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
    <ContainerPort Include="8080" Type="tcp" />
    <ContainerPort Include="80" Type="tcp" />
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

# .NET 8+ images listen on 8080; EXPOSE 80 (the pre-.NET 8 habit) and the SDK item ContainerPort 80 are PORT009.
cat > "$work/consumer/Dockerfile" <<'DOCKER'
FROM mcr.microsoft.com/dotnet/aspnet:8.0 AS base
# EXPOSE 60000 in a comment is not a port
EXPOSE 8080 \
       80
ENV ASPNETCORE_HTTPS_PORTS=61100
DOCKER

# A private package folder: a stale PortAnalyzers 0.0.0-local in the user's cache must not stand in for this build.
out="$(cd "$work/consumer" && NUGET_PACKAGES="$work/packages" dotnet build -nologo 2>&1 || true)"
grep -E "PORT[01]0" <<<"$out" | sed "s#$work/##; s# (https://[^)]*)##; s# \[.*##" | sort -u || true
grep -q "Program.cs(3,48): warning PORT001" <<<"$out" || { echo "FAIL: no PORT001 from the package" >&2; echo "$out" >&2; exit 1; }
grep -q "Program.cs(4,48): warning PORT001" <<<"$out" || { echo "FAIL: PortAnalyzersEphemeralRange=linux did not reach the analyzer" >&2; exit 1; }
grep -q "appsettings.json(3,66): warning PORT002" <<<"$out" || { echo "FAIL: no PORT002 at appsettings.json(3,66)" >&2; exit 1; }
grep -q "launchSettings.json(3,77): warning PORT007" <<<"$out" || { echo "FAIL: no PORT007 at launchSettings.json(3,77)" >&2; exit 1; }
grep -q "Dockerfile(4,8): warning PORT009" <<<"$out" || { echo "FAIL: no PORT009 at Dockerfile(4,8) (EXPOSE 80 on a .NET 8 image)" >&2; echo "$out" >&2; exit 1; }
grep -q "Dockerfile(5,28): warning PORT002" <<<"$out" || { echo "FAIL: no PORT002 at Dockerfile(5,28) (ENV ASPNETCORE_HTTPS_PORTS)" >&2; exit 1; }
grep -q "Dockerfile(5,28): warning PORT009" <<<"$out" || { echo "FAIL: no reverse PORT009 at Dockerfile(5,28) (listens, not exposed)" >&2; exit 1; }
grep -q "Consumer.csproj(11,29): warning PORT009" <<<"$out" || { echo "FAIL: no PORT009 at the ContainerPort 80 item (Consumer.csproj(11,29))" >&2; exit 1; }
grep -q "Dockerfile(2," <<<"$out" && { echo "FAIL: a port reported in a Dockerfile comment" >&2; exit 1; }
grep -q "AD0001" <<<"$out" && { echo "FAIL: analyzer exception" >&2; exit 1; }
if ! grep -q '"PortAnalyzers"' "$work/consumer/obj/project.assets.json"; then echo "FAIL: package not restored" >&2; exit 1; fi

# CI conventions: -warnaserror fails the build on a port warning, and the SARIF error log carries the findings.
if (cd "$work/consumer" && NUGET_PACKAGES="$work/packages" dotnet build -nologo --no-incremental -warnaserror >/dev/null 2>&1); then
  echo "FAIL: -warnaserror did not fail the build on PORT001" >&2; exit 1
fi
(cd "$work/consumer" && NUGET_PACKAGES="$work/packages" dotnet build -nologo --no-incremental -p:ErrorLog="$work/consumer.sarif%2Cversion=2.1" >/dev/null 2>&1) || true
grep -q '"ruleId": "PORT001"' "$work/consumer.sarif" || { echo "FAIL: no PORT001 in the SARIF error log" >&2; exit 1; }
grep -q '"version": "2.1.0"' "$work/consumer.sarif" || { echo "FAIL: the error log is not SARIF 2.1.0" >&2; exit 1; }
# Severity presets: PortAnalyzersAnalysisMode picks a global config shipped in the package, which reaches C# files and
# the AdditionalFiles (JSON, Dockerfile, project file) alike. The SARIF error log gives each diagnostic's effective level.
levels() { # $1: extra build arguments; prints "RULE FILE LEVEL" per diagnostic, sorted and unique
  rm -f "$work/levels.sarif"
  (cd "$work/consumer" && NUGET_PACKAGES="$work/packages" dotnet build -nologo --no-incremental $1 -p:ErrorLog="$work/levels.sarif%2Cversion=2.1" >/dev/null 2>&1) || true
  python3 - "$work/levels.sarif" <<'PY'
import json, sys, os
runs = json.load(open(sys.argv[1], encoding="utf-8-sig"))["runs"]
rows = set()
for run in runs:
    for r in run.get("results", []):
        if r["ruleId"].startswith("PORT"):
            uri = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] if r.get("locations") else "-"
            rows.add(f'{r["ruleId"]} {os.path.basename(uri)} {r.get("level", "warning")}')
print("\n".join(sorted(rows)))
PY
}
expect() { # $1: mode label, $2: levels output, $3...: lines that must be present
  local label="$1" got="$2"; shift 2
  for line in "$@"; do
    grep -qx "$line" <<<"$got" || { echo "FAIL: $label: expected '$line' in:" >&2; echo "$got" >&2; exit 1; }
  done
}
for mode in default none all-suggestions all-warnings all-errors; do
  got="$(levels "-p:PortAnalyzersAnalysisMode=$mode")"
  echo "PortAnalyzersAnalysisMode=$mode:"; sed 's/^/  /' <<<"${got:-(no PortAnalyzers diagnostics)}"
  case "$mode" in
    default) expect "$mode" "$got" "PORT001 Program.cs warning" "PORT002 appsettings.json warning" "PORT009 Dockerfile warning" "PORT009 Consumer.csproj warning" "PORT003 Program.cs note" ;;
    none) [ -z "$got" ] || { echo "FAIL: PortAnalyzersAnalysisMode=none left diagnostics" >&2; exit 1; } ;;
    all-suggestions) expect "$mode" "$got" "PORT001 Program.cs note" "PORT002 appsettings.json note" "PORT009 Dockerfile note" "PORT009 Consumer.csproj note" "PORT003 Program.cs note"
      if grep -qv " note$" <<<"$got"; then echo "FAIL: all-suggestions left a level other than note" >&2; exit 1; fi ;;
    all-warnings) expect "$mode" "$got" "PORT001 Program.cs warning" "PORT002 appsettings.json warning" "PORT007 launchSettings.json warning" "PORT003 Program.cs warning" "PORT005 Dockerfile warning"
      if grep -qv " warning$" <<<"$got"; then echo "FAIL: all-warnings left a level other than warning" >&2; exit 1; fi ;;
    all-errors) expect "$mode" "$got" "PORT001 Program.cs error" "PORT002 appsettings.json error" "PORT007 launchSettings.json error" "PORT009 Dockerfile error" "PORT003 Program.cs error"
      if grep -qv " error$" <<<"$got"; then echo "FAIL: all-errors left a level other than error" >&2; exit 1; fi ;;
  esac
done
out="$(cd "$work/consumer" && NUGET_PACKAGES="$work/packages" dotnet build -nologo --no-incremental -p:PortAnalyzersAnalysisMode=no-such-mode 2>&1 || true)"
grep -q "warning PORT100: PortAnalyzersAnalysisMode 'no-such-mode' is not valid" <<<"$out" || { echo "FAIL: an unknown PortAnalyzersAnalysisMode is not reported" >&2; exit 1; }
# The user's own settings win over the preset: a .globalconfig for a rule (JSON included), an .editorconfig section for C#.
printf 'is_global = true\ndotnet_diagnostic.PORT002.severity = suggestion\n' > "$work/consumer/.globalconfig"
printf '[*.cs]\ndotnet_diagnostic.PORT001.severity = none\n' > "$work/consumer/.editorconfig"
got="$(levels "-p:PortAnalyzersAnalysisMode=all-errors")"
expect "all-errors with user overrides" "$got" "PORT002 appsettings.json note" "PORT002 Program.cs note" "PORT007 launchSettings.json error"
if grep -q "^PORT001 Program.cs" <<<"$got"; then echo "FAIL: .editorconfig did not win over the preset for PORT001" >&2; exit 1; fi
rm "$work/consumer/.editorconfig"
# A category line (dotnet_analyzer_diagnostic.category-PortAnalyzers.Reliability.severity) reaches C# files only: the
# compiler does not apply category or bulk settings to diagnostics in AdditionalFiles, even from a global config.
# That is why the preset (per-rule lines) is the package's one switch; docs/configuration.md says so.
printf 'is_global = true\ndotnet_analyzer_diagnostic.category-PortAnalyzers.Reliability.severity = error\n' > "$work/consumer/.globalconfig"
got="$(levels "")"
expect "category line" "$got" "PORT001 Program.cs error" "PORT002 Program.cs error" "PORT002 appsettings.json warning" "PORT003 Program.cs note"
rm "$work/consumer/.globalconfig"
echo "presets check passed"

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
# port-inventory as a .NET tool: pack, install from the folder into a private tool path, run it on the fixture.
dotnet pack "$root/src/PortAnalyzers.Cli/PortAnalyzers.Cli.csproj" -c Release -o "$work/tools-feed" -p:Version=0.0.0-local >/dev/null
tool_nuspec="$(unzip -p "$work/tools-feed/PortAnalyzers.Inventory.0.0.0-local.nupkg" PortAnalyzers.Inventory.nuspec)"
for element in "<readme>README.md</readme>" "<releaseNotes>" "<repository type=\"git\"" "<projectUrl>" "<tags>" "<packageType name=\"DotnetTool\""; do
  grep -q "$element" <<<"$tool_nuspec" || { echo "FAIL: PortAnalyzers.Inventory.nuspec has no $element" >&2; exit 1; }
done
NUGET_PACKAGES="$work/packages" dotnet tool install --tool-path "$work/tools" --add-source "$work/tools-feed" --version 0.0.0-local PortAnalyzers.Inventory >/dev/null
"$work/tools/port-inventory" --help | grep -q -- "--baseline" || { echo "FAIL: the installed port-inventory has no --help" >&2; exit 1; }
dotnet restore "$root/tests/Fixtures/Inventory/Inventory.sln" >/dev/null
set +e
inventory="$("$work/tools/port-inventory" "$root/tests/Fixtures/Inventory/Inventory.sln" --format json 2>/dev/null)"; code=$?
set -e
[ "$code" -eq 1 ] || { echo "FAIL: installed port-inventory exited $code on the fixture (expected 1: PORTX01)" >&2; exit 1; }
grep -q '"ruleId": "PORTX01"' <<<"$inventory" || { echo "FAIL: installed port-inventory did not find PORTX01" >&2; exit 1; }
"$work/tools/port-inventory" "$root/tests/Fixtures/Inventory/Inventory.sln" --format xml >/dev/null 2>&1 && { echo "FAIL: --format xml accepted" >&2; exit 1; }
echo "installed port-inventory: --help, exit 1 with PORTX01 on the fixture, exit 2 on a bad option"

echo "package check passed"

#!/usr/bin/env bash
# Real-build mode of the benchmark (docs/performance.md): builds a locally cloned project with the packed
# PortAnalyzers and a peer package (SonarAnalyzer.CSharp, whose S1075 "URIs should not be hardcoded" rule is the
# closest peer) under `-p:ReportAnalyzer=true`, and prints, summed over every compiler run of the build:
# PortAnalyzers' time (both analyzers), the peer rule's time, and their ratio. All times come from the same build.
#   bash eng/realbuild.sh /path/to/copy/of/clone/project.csproj [runs]
# The clone is not modified (the analyzers come in through CustomAfterMicrosoftCommonTargets), but it is built in
# place: pass a copy. The project must restore here. Environment: PEER_VERSION (default 9.32.0.97167),
# PORTANALYZERS_DLL (skip packing: use this analyzer assembly with the package's build/ props and targets from this checkout, e.g. to compare two builds of the analyzer),
# COMPILER_SERVER=1 (compile in the shared compiler server, as `dotnet build` does by default; this machine sets
# UseSharedCompilation=false, so every compiler run is otherwise a fresh process that loads and JIT-compiles every
# analyzer again. The server is shut down before the first run, so run 1 pays for loading and the later runs show
# a warm server, where analyzers stay loaded between builds).
set -euo pipefail
project="$(cd "$(dirname "${1:?usage: realbuild.sh /path/to/project.csproj [runs]}")" && pwd)/$(basename "$1")"
runs="${2:-3}"
root="$(cd "$(dirname "$0")/.." && pwd)"
peer_version="${PEER_VERSION:-9.32.0.97167}"
work="$(mktemp -d)"
trap '[ -z "${COMPILER_SERVER:-}" ] || dotnet build-server shutdown >/dev/null 2>&1; [ -n "${KEEP_WORK:-}" ] || rm -rf "$work"' EXIT

# The peer package, restored once into the NuGet cache through a throw-away project.
mkdir -p "$work/peer"
cat > "$work/peer/peer.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>netstandard2.0</TargetFramework></PropertyGroup>
  <ItemGroup><PackageReference Include="SonarAnalyzer.CSharp" Version="$peer_version" /></ItemGroup>
</Project>
XML
dotnet restore "$work/peer/peer.csproj" >/dev/null
packages="$(dotnet nuget locals global-packages --list | sed 's/^global-packages: //')"
peer="$packages/sonaranalyzer.csharp/$peer_version/analyzers"

imports=""
if [ -n "${PORTANALYZERS_DLL:-}" ]; then
  ours="$PORTANALYZERS_DLL"
  imports="<Import Project=\"$root/src/PortAnalyzers.Package/build/PortAnalyzers.props\" /><Import Project=\"$root/src/PortAnalyzers.Package/build/PortAnalyzers.targets\" />"
else
  dotnet pack "$root/src/PortAnalyzers.Package/PortAnalyzers.Package.csproj" -c Release -o "$work/feed" -p:Version=0.0.0-realbuild >/dev/null
  mkdir -p "$work/pkg" && unzip -q "$work/feed/PortAnalyzers.0.0.0-realbuild.nupkg" -d "$work/pkg"
  ours="$work/pkg/analyzers/dotnet/roslyn4.8/cs/PortAnalyzers.dll"
  imports="<Import Project=\"$work/pkg/build/PortAnalyzers.props\" /><Import Project=\"$work/pkg/build/PortAnalyzers.targets\" />"
fi

# S1075 is not on by default: turn it on, as a user comparing the two would. Every other analyzer rule is turned
# off; Sonar's analyzers still run (their time stays in the build, as in a user's build with the package), so the
# two measured analyzers share the machine with the rest of Sonar. PORT rules keep their default severities, stated
# explicitly (our analyzer skips rules whose severity is none).
cat > "$work/realbuild.globalconfig" <<CFG
is_global = true
dotnet_analyzer_diagnostic.severity = none
dotnet_diagnostic.S1075.severity = warning
dotnet_diagnostic.PORT001.severity = warning
dotnet_diagnostic.PORT002.severity = warning
dotnet_diagnostic.PORT003.severity = suggestion
dotnet_diagnostic.PORT004.severity = error
dotnet_diagnostic.PORT005.severity = suggestion
dotnet_diagnostic.PORT006.severity = warning
dotnet_diagnostic.PORT007.severity = warning
dotnet_diagnostic.PORT008.severity = warning
dotnet_diagnostic.PORT100.severity = warning
dotnet_diagnostic.PORT101.severity = warning
CFG
analyzers=""
for dll in "$peer"/*.dll; do analyzers="$analyzers<Analyzer Include=\"$dll\" />"; done
cat > "$work/inject.targets" <<XML
<Project>
  $imports
  <ItemGroup>
    <Analyzer Include="$ours" />
    $analyzers
    <EditorConfigFiles Include="$work/realbuild.globalconfig" />
  </ItemGroup>
</Project>
XML

echo "project: $project"
echo "peer: SonarAnalyzer.CSharp $peer_version, rule S1075 (UriShouldNotBeHardcoded)"
echo "| run | PortAnalyzers (both analyzers) | C# / configuration files | Sonar S1075 | ratio | all analyzers | compiler runs |"
echo "|---:|---:|---:|---:|---:|---:|---:|"
server_args=()
if [ -n "${COMPILER_SERVER:-}" ]; then
  server_args=(-p:UseSharedCompilation=true)
  dotnet build-server shutdown >/dev/null 2>&1 || true
  echo "compiler server: on (run 1 starts it; later runs reuse it)"
fi
for run in $(seq 1 "$runs"); do
  log="$work/build$run.log"
  set +e
  dotnet build "$project" -nologo --no-incremental -v:detailed -p:ReportAnalyzer=true "${server_args[@]}" \
    -p:CustomAfterMicrosoftCommonTargets="$work/inject.targets" -p:TreatWarningsAsErrors=false -p:WarningsAsErrors= \
    -p:CentralPackageTransitivePinningEnabled=false > "$log" 2>&1
  status=$?
  set -e
  if [ $status -ne 0 ]; then
    echo "build failed (exit $status); last lines:" >&2
    grep -E "error" "$log" | tail -5 >&2
    exit 1
  fi
  # ReportAnalyzer prints, per compiler run, one line per analyzer type: "<seconds> <percent> <type name> (<ids>)".
  awk -v run="$run" '
    /Total analyzer execution time:/ { total += $(NF-1); csc++ }
    $1 ~ /^[0-9.<]+$/ && /PortAnalyzers\.Analyzers\.CSharpPortAnalyzer/ { code += ($1 == "<0.001" ? 0 : $1) }
    $1 ~ /^[0-9.<]+$/ && /PortAnalyzers\.Analyzers\.ConfigurationFilePortAnalyzer/ { files += ($1 == "<0.001" ? 0 : $1) }
    $1 ~ /^[0-9.<]+$/ && /SonarAnalyzer\.Rules\.CSharp\.UriShouldNotBeHardcoded/ { peer += ($1 == "<0.001" ? 0 : $1) }
    END {
      ours = code + files
      ratio = peer > 0 ? sprintf("%.2f", ours / peer) : "n/a"
      printf "| %d | %.3f s | %.3f / %.3f s | %.3f s | %s | %.3f s | %d |\n", run, ours, code, files, peer, ratio, total, csc
    }' "$log"
done
grep -E "warning PORT[0-9]{3}" "$work/build$runs.log" | sort -u | grep -oE "PORT[0-9]{3}" | sort | uniq -c | sed 's/^/diagnostics (last run): /' || echo "diagnostics (last run): no PORT warning"

#!/usr/bin/env bash
# Builds a locally cloned repository with the packed PortAnalyzers and prints the diagnostic count per rule and any
# analyzer exception (AD0001). Not part of CI: real repositories restore their own packages and take minutes.
#   bash eng/corpus.sh /path/to/clone [solution-or-project]
# CORPUS_ADDITIONAL_FILES="../Dockerfile;../Dockerfile.*" adds files relative to each project's folder as
# AdditionalFiles (a Dockerfile beside the project's folder rather than in it, as in dotnet/dotnet-docker's samples).
# The repository is not modified: the analyzers come in through CustomAfterMicrosoftCommonTargets.
set -euo pipefail
repo="$(cd "${1:?usage: corpus.sh /path/to/clone [solution-or-project]}" && pwd)"
target="${2:-}"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

dotnet pack "$root/src/PortAnalyzers.Package/PortAnalyzers.Package.csproj" -c Release -o "$work/feed" -p:Version=0.0.0-corpus >/dev/null
mkdir -p "$work/pkg" && unzip -q "$work/feed/PortAnalyzers.0.0.0-corpus.nupkg" -d "$work/pkg"

# Info rules (PORT003, PORT005) do not print in a build; raise them so they are counted.
cat > "$work/corpus.globalconfig" <<CFG
is_global = true
dotnet_diagnostic.PORT003.severity = warning
dotnet_diagnostic.PORT005.severity = warning
CFG
extra="${CORPUS_ADDITIONAL_FILES:-}"
extra="${extra//;/;\$(MSBuildProjectDirectory)/}"
cat > "$work/inject.targets" <<XML
<Project>
  <Import Project="$work/pkg/build/PortAnalyzers.props" />
  <Import Project="$work/pkg/build/PortAnalyzers.targets" />
  <ItemGroup>
    <Analyzer Include="$work/pkg/analyzers/dotnet/roslyn4.8/cs/PortAnalyzers.dll" />
    <EditorConfigFiles Include="$work/corpus.globalconfig" />
  </ItemGroup>
  <ItemGroup Condition="'$extra' != ''">
    <AdditionalFiles Include="\$(MSBuildProjectDirectory)/$extra" />
  </ItemGroup>
</Project>
XML

cd "$repo"
log="$work/build.log"
set +e
dotnet build $target -nologo --no-incremental -p:CustomAfterMicrosoftCommonTargets="$work/inject.targets" -p:TreatWarningsAsErrors=false -p:WarningsAsErrors= > "$log" 2>&1
status=$?
set -e
echo "build exit code: $status (errors unrelated to PortAnalyzers are expected where packages do not restore)"
echo "diagnostics per rule (distinct locations):"
grep -oE "[^ ]+\([0-9]+,[0-9]+\): warning PORT[0-9]{3}" "$log" | sort -u | grep -oE "PORT[0-9]{3}" | sort | uniq -c || echo "  none"
echo "container findings (PORT009):"
grep -E "warning PORT009" "$log" | sed "s#$repo/##; s# \[.*##" | sort -u || echo "  none"
echo "analyzer exceptions:"
grep -E "AD0001" "$log" | sort -u || echo "  none"

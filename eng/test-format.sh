#!/usr/bin/env bash
# End to end: `dotnet format analyzers --diagnostics PORT003 --severity info` applies the code fixes to copies of the
# samples and of a web service where IConfiguration is in reach (tests/Fixtures/FormatWeb), as a user would run it.
# Checked after the fixes: every project still builds, no PORT003 is left, the project files are untouched, and the
# web service's appsettings.json is valid JSON with the new keys and every line it had before.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/src" "$work/tests/Fixtures"
cp -r "$root/samples" "$work/"
cp -r "$root/tests/Fixtures/FormatWeb" "$work/tests/Fixtures/"
cp -r "$root/src/PortAnalyzers" "$root/src/PortAnalyzers.CodeFixes" "$root/src/PortAnalyzers.Package" "$work/src/"
cp "$root/Directory.Build.props" "$root/global.json" "$work/"
find "$work" \( -name bin -o -name obj \) -type d -prune -exec rm -rf {} +

# PORT003 findings (distinct locations) in a build's output; the projects raise PORT003 to a warning to show them.
count_port003() { { grep -oE "[^ /]+\.cs\([0-9]+,[0-9]+\): warning PORT003" <<<"$1" || true; } | sort -u | wc -l; }

check() { # name, project directory (relative to the copy), main source file
  local name="$1" dir="$work/$2" original="$root/$2"
  local project="$dir/$name.csproj"
  local before after
  before="$(dotnet build "$project" -nologo --no-incremental 2>&1)" || { echo "$before" >&2; echo "FAIL: $name does not build before the fixes" >&2; exit 1; }
  local count_before; count_before="$(count_port003 "$before")"
  dotnet format analyzers "$project" --diagnostics PORT003 --severity info --no-restore
  after="$(dotnet build "$project" -nologo --no-incremental 2>&1)" || { echo "$after" >&2; echo "FAIL: $name does not build after the fixes" >&2; exit 1; }
  local count_after; count_after="$(count_port003 "$after")"
  echo "== $name: PORT003 before dotnet format: $count_before, after: $count_after"
  if [ "$count_before" -eq 0 ]; then echo "FAIL: $name had no PORT003 to fix" >&2; exit 1; fi
  if [ "$count_after" -ne 0 ]; then grep "warning PORT003" <<<"$after" | sort -u >&2; echo "FAIL: PORT003 left in $name after the fixes" >&2; exit 1; fi
  if ! cmp -s "$original/$name.csproj" "$project"; then
    diff "$original/$name.csproj" "$project" >&2 || true; echo "FAIL: dotnet format changed $name.csproj" >&2; exit 1
  fi
  (cd "$original" && find . -name '*.cs' -o -name 'appsettings*.json' | grep -v -E '/(bin|obj)/' | sort) | while read -r file; do
    diff -u --label "a/$name/${file#./}" --label "b/$name/${file#./}" "$original/$file" "$dir/$file" || true
  done
}

check SocketService samples/SocketService
check WebService samples/WebService
check OrdersApi tests/Fixtures/FormatWeb/OrdersApi

# The web service: configuration was in reach, so its ports moved to appsettings.json: valid JSON (comments allowed,
# as configuration allows them), every key the fixes wrote, and every line the file had before.
python3 - "$root/tests/Fixtures/FormatWeb/OrdersApi" "$work/tests/Fixtures/FormatWeb/OrdersApi" <<'PY'
import json, re, sys, pathlib
original, fixed = (pathlib.Path(p) for p in sys.argv[1:3])
text = (fixed / "appsettings.json").read_text()
data = json.loads(re.sub(r'^\s*//.*$', '', text, flags=re.M))
code = "\n".join(p.read_text() for p in fixed.glob("*.cs"))
keys = set(re.findall(r'GetValue(?:<\w+>)?\("Ports:(\w+)"', code))
missing = keys - set(data.get("Ports", {}))
assert keys, "no configuration read was written"
assert not missing, f"keys read in code but not in appsettings.json: {missing}"
lost = [l for l in (original / "appsettings.json").read_text().splitlines() if l not in text.splitlines()]
assert not lost, f"lines of appsettings.json lost or changed: {lost}"
assert "TryParse" not in (fixed / "Program.cs").read_text(), "inline TryParse at a site"
print(f"appsettings.json: valid, Ports = {data['Ports']}")
PY
# PORT008 in the test sample: dotnet format binds port 0 and reads the bound port back; the project still builds.
tests_dir="$work/samples/SocketService.Tests"
dotnet build "$tests_dir/SocketService.Tests.csproj" -nologo -v q >/dev/null
dotnet format analyzers "$tests_dir/SocketService.Tests.csproj" --diagnostics PORT008 --no-restore
after="$(dotnet build "$tests_dir/SocketService.Tests.csproj" -nologo --no-incremental 2>&1)" || { echo "$after" >&2; echo "FAIL: SocketService.Tests does not build after the PORT008 fix" >&2; exit 1; }
if grep -q "warning PORT008" <<<"$after"; then grep "warning PORT008" <<<"$after" | sort -u >&2; echo "FAIL: PORT008 left after dotnet format" >&2; exit 1; fi
grep -q "port = ((IPEndPoint)listener.LocalEndpoint).Port;" "$tests_dir/EchoTests.cs" || { echo "FAIL: the bound port is not read back" >&2; exit 1; }
echo "== SocketService.Tests after dotnet format analyzers --diagnostics PORT008"
diff -u --label a/EchoTests.cs --label b/EchoTests.cs "$root/samples/SocketService.Tests/EchoTests.cs" "$tests_dir/EchoTests.cs" || true
echo "format check passed"

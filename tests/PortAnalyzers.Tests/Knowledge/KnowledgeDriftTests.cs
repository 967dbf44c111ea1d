using System.Text;
using PortAnalyzers.Knowledge;
using PortAnalyzers.Tests.Infrastructure;

namespace PortAnalyzers.Tests.Knowledge;

/// <summary>The compiled tables must say exactly what the data files say (regenerate with eng/generate-knowledge.py).</summary>
public class KnowledgeDriftTests
{
    [Fact]
    public void Known_use_table_matches_its_data_file_row_for_row()
    {
        var rows = Csv.Read(Repository.PathOf("data", "known-port-uses.csv"));
        Assert.Equal(rows.Count, KnownPortUseTable.Rows.Length);
        for (int i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var compiled = KnownPortUseTable.Rows[i];
            Assert.Equal(int.Parse(row["port_start"]), compiled.Range.Start);
            Assert.Equal(int.Parse(row["port_end"]), compiled.Range.End);
            Assert.Equal(row["name"], compiled.Name);
            Assert.Equal(row["service"], compiled.Service);
            Assert.Equal(row["owner_or_project"], compiled.Owner);
            Assert.Equal(row["kind"], compiled.Kind);
            Assert.Equal(row["holds_port"] == "yes", compiled.HoldsPort);
            Assert.Equal(row["source_url"], compiled.Source);
            var expectedTransport = row["protocol"] switch
            {
                "tcp" => PortTransportMask.Tcp,
                "udp" => PortTransportMask.Udp,
                _ => PortTransportMask.Tcp | PortTransportMask.Udp,
            };
            Assert.Equal(expectedTransport, compiled.Transports);
        }
    }

    [Fact]
    public void Every_known_use_row_has_a_source_and_a_holds_decision()
    {
        foreach (var row in Csv.Read(Repository.PathOf("data", "known-port-uses.csv")))
        {
            Assert.StartsWith("http", row["source_url"]);
            Assert.Contains(row["holds_port"], new[] { "yes", "no" });
            Assert.False(string.IsNullOrWhiteSpace(row["name"]));
        }
    }

    [Fact]
    public void Browser_bad_port_table_matches_its_data_file()
    {
        var rows = Csv.Read(Repository.PathOf("data", "browser-bad-ports.csv")).OrderBy(r => int.Parse(r["port"])).ToList();
        Assert.Equal(rows.Count, BrowserBadPorts.Count);
        for (int i = 0; i < rows.Count; i++)
        {
            Assert.Equal(int.Parse(rows[i]["port"]), BrowserBadPorts.PortAt(i));
            Assert.Equal(rows[i]["service"], BrowserBadPorts.ServiceAt(i));
        }
    }

    [Fact]
    public void Iana_table_matches_the_registry_file()
    {
        var expected = new SortedDictionary<int, string>();
        foreach (var row in Csv.Read(Repository.PathOf("data", "iana-service-names-port-numbers.simple-from-xml.csv")))
        {
            var name = row["Service Name"].Trim();
            var port = row["Port Number"].Trim();
            var transport = row["Transport Protocol"].Trim().ToLowerInvariant();
            if (name.Length == 0 || port.Length == 0 || (transport != "tcp" && transport != "udp"))
            {
                continue;
            }

            var bounds = port.Split('-');
            int first = int.Parse(bounds[0]), last = int.Parse(bounds[^1]);
            for (int p = first; p <= last; p++)
            {
                expected.TryAdd(p * 2 + (transport == "udp" ? 1 : 0), name);
            }
        }

        Assert.Equal(expected.Count, IanaRegistry.Count);
        int i = 0;
        foreach (var (key, name) in expected)
        {
            var entry = IanaRegistry.EntryAt(i++);
            Assert.Equal(key >> 1, entry.Port);
            Assert.Equal((key & 1) == 1, entry.Udp);
            Assert.Equal(name, entry.Name);
        }
    }

    [Fact]
    public void Ephemeral_presets_match_the_ranges_data_file()
    {
        var rows = Csv.Read(Repository.PathOf("data", "ephemeral-ranges.csv"));
        (int, int) Range(string osPrefix)
        {
            var row = rows.First(r => r["os"].StartsWith(osPrefix, StringComparison.Ordinal));
            return (int.Parse(row["start"]), int.Parse(row["end"]));
        }

        Assert.Equal(Range("IANA"), Bounds(EphemeralRangePresets.Iana));
        Assert.Equal(Range("Linux (kernel default"), Bounds(EphemeralRangePresets.Linux));
        Assert.Equal(Range("Windows Vista"), Bounds(EphemeralRangePresets.Windows));
        Assert.Equal(Range("macOS"), Bounds(EphemeralRangePresets.MacOS));
        Assert.Equal(Range("FreeBSD default"), Bounds(EphemeralRangePresets.FreeBsd));
        Assert.Equal((Range("Linux (kernel default").Item1, Range("Windows Vista").Item2), Bounds(EphemeralRangePresets.All));
    }

    private static (int, int) Bounds(EphemeralRange range) => (range.Ranges.LowestPort, range.Ranges.Ranges[^1].End);
}

/// <summary>A small RFC 4180 reader (quoted fields, commas inside quotes) for the data files.</summary>
internal static class Csv
{
    public static List<Dictionary<string, string>> Read(string path)
    {
        var lines = File.ReadAllLines(path, Encoding.UTF8).Where(l => l.Length > 0).ToList();
        var header = Split(lines[0]);
        return lines.Skip(1).Select(line =>
        {
            var fields = Split(line);
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (int i = 0; i < header.Count; i++)
            {
                row[header[i]] = i < fields.Count ? fields[i] : string.Empty;
            }

            return row;
        }).ToList();
    }

    private static List<string> Split(string line)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return fields;
    }
}

import Foundation
import Testing
import TestSupport

/// `paths --temporal`, `reach` and `timeline`, run as a user would.
@Suite struct TemporalCommandTests {
    static let spinouts = Fixtures.network("mutual-spinouts")

    @Test func temporalPathsWriteTheirColumnsAndRespectTime() throws {
        let run = try StakenetBinary.run(["paths", Self.spinouts, "--from", "council-a", "--temporal", "--start", "2010", "--format", "csv"])
        #expect(run.status == 0, "\(run.standardError)")
        let lines = run.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.first == "id,arrival,hops,path")
        #expect(lines.contains("council-a,2010,0,council-a"))
        #expect(run.standardError.contains("non-decreasing years"))
        // Strictly increasing years never arrive earlier, and the source still sets out in 2010.
        let strict = try StakenetBinary.run(["paths", Self.spinouts, "--from", "council-a", "--temporal", "--start", "2010", "--strict", "--format", "csv", "--quiet"])
        func arrivals(_ text: String) -> [String: Int] {
            Dictionary(uniqueKeysWithValues: text.split(separator: "\n").dropFirst().map { line -> (String, Int) in
                let cells = line.split(separator: ",", omittingEmptySubsequences: false)
                return (String(cells[0]), Int(cells[1])!)
            })
        }
        let loose = arrivals(run.standardOutput), tight = arrivals(strict.standardOutput)
        #expect(Set(tight.keys).isSubset(of: Set(loose.keys)) && tight.allSatisfy { $0.value >= loose[$0.key]! })
        for type in ["shortest", "fastest", "likeliest"] {
            let other = try StakenetBinary.run(["paths", Self.spinouts, "--from", "council-a", "--temporal", "--path-type", type, "--probability", "0.5", "--format", "csv", "--quiet"])
            #expect(other.status == 0 && other.standardOutput.split(separator: "\n").count > 2, "\(type): \(other.standardError)")
        }
        let back = try StakenetBinary.run(["paths", Self.spinouts, "--temporal", "--backward", "--to", "spinout-01", "--by-year", "2015", "--format", "csv", "--quiet"])
        #expect(back.standardOutput.hasPrefix("id,departure,hops,path\nspinout-01,2015,0,spinout-01\n"), "\(back.standardOutput)")
    }

    @Test func temporalOptionsAreRefusedWhereTheyDoNotApply() throws {
        let noYears = try StakenetBinary.run(["paths", Fixtures.network("mutuals-research"), "--from", "ceedr", "--temporal"])
        #expect(noYears.status == 1 && noYears.standardError.contains("no tie records a year"))
        let strictAlone = try StakenetBinary.run(["paths", Self.spinouts, "--from", "council-a", "--strict"])
        #expect(strictAlone.status == 2 && strictAlone.standardError.contains("add --temporal"))
        let outside = try StakenetBinary.run(["paths", Self.spinouts, "--from", "council-a", "--temporal", "--start", "1800"])
        #expect(outside.status == 1 && outside.standardError.contains("outside the years the ties record (1993–2019)"), "\(outside.standardError)")
        let backwardNoTarget = try StakenetBinary.run(["paths", Self.spinouts, "--from", "council-a", "--temporal", "--backward"])
        #expect(backwardNoTarget.status == 2 && backwardNoTarget.standardError.contains("--backward needs --to"))
    }
}

@Suite struct TimelineCommandTests {
    @Test func theColumnsAreTheDocumentedOnes() throws {
        let run = try StakenetBinary.run(["timeline", Fixtures.network("mutual-spinouts"), "--from", "2010", "--to", "2012", "--by", "kind", "--format", "csv"])
        #expect(run.status == 0, "\(run.standardError)")
        let lines = run.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix("period,stakeholders,ties,density,components,mean_degree,transitivity,reciprocity,formed,dissolved,jaccard,e_i_index,density:commissioner,"))
        #expect(lines.count == 4 && lines[1].hasPrefix("2010,") && lines[3].hasPrefix("2012,"))
        let none = try StakenetBinary.run(["timeline", Fixtures.network("mutuals-research")])
        #expect(none.status == 1 && none.standardError.contains("no tie records a year"))
        let period = try StakenetBinary.run(["timeline", Fixtures.network("mutual-spinouts"), "--period", "2010-2012"])
        #expect(period.status == 2 && period.standardError.contains("use --from and --to"))
    }
}

@Suite struct ReachCommandTests {
    @Test func reachWritesItsColumnsAndTimeOnlyNarrowsIt() throws {
        func counts(_ extra: [String]) throws -> [String: (Int, Int)] {
            let run = try StakenetBinary.run(["reach", Fixtures.network("mutual-spinouts"), "--format", "csv", "--quiet"] + extra)
            #expect(run.status == 0, "\(run.standardError)")
            let lines = run.standardOutput.split(separator: "\n")
            #expect(lines.first == "id,forward_reach,backward_reach")
            return Dictionary(uniqueKeysWithValues: lines.dropFirst().map { line in
                let cells = line.split(separator: ",")
                return (String(cells[0]), (Int(cells[1])!, Int(cells[2])!))
            })
        }
        let always = try counts([]), loose = try counts(["--temporal", "--start", "2012"]), strict = try counts(["--temporal", "--start", "2012", "--strict"])
        #expect(always.count == 64)
        for (id, value) in strict {
            #expect(value.0 <= loose[id]!.0 && loose[id]!.0 <= always[id]!.0 && value.1 <= loose[id]!.1 && loose[id]!.1 <= always[id]!.1, "\(id)")
        }
        #expect(strict.values.map(\.0).reduce(0, +) < always.values.map(\.0).reduce(0, +))
        let refused = try StakenetBinary.run(["reach", Fixtures.network("mutual-spinouts"), "--strict"])
        #expect(refused.status == 2 && refused.standardError.contains("add --temporal"))
    }
}

@Suite struct DiffusionInTimeCommandTests {
    static let spinouts = Fixtures.network("mutual-spinouts")

    static func table(_ text: String) -> [String: [String]] {
        Dictionary(uniqueKeysWithValues: text.split(separator: "\n").dropFirst().map { line in
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return (cells[0], cells)
        })
    }

    /// With every tie certain to pass the innovation on, each stakeholder adopts in the year the earliest
    /// time-respecting path arrives: `diffuse --temporal` and `paths --temporal` agree, strict or not.
    @Test(arguments: [[], ["--strict"]])
    func certainTiesAdoptInTheForemostArrivalYear(_ strict: [String]) throws {
        let common = ["--temporal", "--start", "2011", "--format", "csv", "--quiet"] + strict
        let spread = try StakenetBinary.run(["diffuse", Self.spinouts, "--seeds", "council-a", "--probability", "1", "--runs", "3"] + common)
        #expect(spread.status == 0, "\(spread.standardError)")
        #expect(spread.standardOutput.hasPrefix("id,adoption_probability,standard_error,mean_step,mean_year\n"))
        let paths = try StakenetBinary.run(["paths", Self.spinouts, "--from", "council-a"] + common)
        let adopted = Self.table(spread.standardOutput), arrived = Self.table(paths.standardOutput)
        #expect(adopted.count == 64 && arrived.count > 5)
        for (id, row) in adopted {
            if let path = arrived[id] {
                #expect(Double(row[1]) == 1 && Double(row[4]) == Double(path[1]), "\(id): adopted \(row), arrived \(path)")
            } else {
                #expect(Double(row[1]) == 0 && row[4].isEmpty, "\(id): \(row)")
            }
        }
    }

    @Test func theCurveIsInCalendarYearsAndOtherModelsAreRefused() throws {
        let run = try StakenetBinary.run(["diffuse", Self.spinouts, "--seeds", "council-a", "--temporal", "--start", "2010", "--runs", "200", "--quiet"])
        #expect(run.status == 0 && run.standardOutput.contains("year  adopters by then") && run.standardOutput.contains("\n2010 "), "\(run.standardOutput)")
        #expect(run.standardOutput.contains("setting out in 2010, non-decreasing years"))
        let lt = try StakenetBinary.run(["diffuse", Self.spinouts, "--seeds", "council-a", "--temporal", "--model", "lt"])
        #expect(lt.status == 2 && lt.standardError.contains("--model ic"))
        let json = try StakenetBinary.run(["diffuse", Self.spinouts, "--seeds", "council-a", "--temporal", "--start", "2010", "--runs", "50", "--format", "json", "--quiet"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        #expect(document["start"] as? Int == 2010 && ((document["curve"] as? [[String: Any]])?.first?["year"] as? Int) == 2010)
    }

    /// With certain ties, a seed's spread is itself and its time-respecting reach: the seed chosen for a start
    /// year reaches about what `reach --temporal` says it can.
    @Test func seedsForAStartYearSpreadAsFarAsTheirReach() throws {
        let seed = try StakenetBinary.run(["seed", Self.spinouts, "--k", "1", "--temporal", "--start", "2012", "--probability", "1", "--format", "csv", "--quiet"])
        #expect(seed.status == 0, "\(seed.standardError)")
        let row = try #require(seed.standardOutput.split(separator: "\n").dropFirst().first?.split(separator: ","))
        let reach = try StakenetBinary.run(["reach", Self.spinouts, "--temporal", "--start", "2012", "--format", "csv", "--quiet"])
        let counts = Self.table(reach.standardOutput).mapValues { Double($0[1])! + 1 }
        let best = counts.values.max()!, chosen = counts[String(row[1])]!, estimate = Double(row[2])!
        #expect(chosen >= 0.9 * best, "chose \(row[1]) reaching \(chosen) of the best \(best)")
        #expect(abs(estimate - chosen) <= 0.1 * best, "estimated \(estimate), reaches \(chosen)")
    }
}

@Suite struct TemporalMetricsCommandTests {
    /// Zachary's karate club with every tie active in one year: the time-respecting measures are the static
    /// ones (betweenness, and harmonic closeness over n − 1), through the real binary.
    @Test func tiesOfOneYearGiveTheStaticMeasures() throws {
        let karate = Fixtures.network("classic/karate")
        let edges = try String(contentsOfFile: karate + "/edges.csv", encoding: .utf8).split(separator: "\n")
        let folder = try TemporaryFolder(files: [
            "edges.csv": ([edges[0] + ",start,end"] + edges.dropFirst().map { $0 + ",2000,2000" }).joined(separator: "\n") + "\n",
            "nodes.csv": try String(contentsOfFile: karate + "/nodes.csv", encoding: .utf8),
            "network.json": try String(contentsOfFile: karate + "/network.json", encoding: .utf8),
        ])
        func column(_ arguments: [String]) throws -> [String: Double] {
            let run = try StakenetBinary.run(["metrics", folder.path, "--format", "csv", "--quiet"] + arguments)
            #expect(run.status == 0, "\(run.standardError)")
            return Dictionary(uniqueKeysWithValues: run.standardOutput.split(separator: "\n").dropFirst().map { line in
                let cells = line.split(separator: ",")
                return (String(cells[0]), Double(cells[1])!)
            })
        }
        let temporal = try column(["--temporal", "--measures", "temporal_betweenness"])
        let still = try column(["--measures", "betweenness"])
        let closeness = try column(["--temporal", "--measures", "temporal_closeness"])
        let harmonic = try column(["--measures", "harmonic"])
        #expect(temporal.count == 34)
        for (id, value) in still {
            #expect(abs(temporal[id]! - value) < 1e-12, "\(id): \(temporal[id]!) vs \(value)")
            #expect(abs(closeness[id]! - harmonic[id]! / 33) < 1e-12, "\(id) closeness")
        }
    }

    @Test func theHardVariantsAreRefusedWithTheirReason() throws {
        let spinouts = Fixtures.network("mutual-spinouts")
        let foremost = try StakenetBinary.run(["metrics", spinouts, "--temporal", "--measures", "foremost_betweenness"])
        #expect(foremost.status == 2 && foremost.standardError.contains("#P-hard"))
        let loose = try StakenetBinary.run(["metrics", spinouts, "--temporal", "--measures", "prefix_foremost_betweenness"])
        #expect(loose.status == 2 && loose.standardError.contains("needs --strict"))
        let strict = try StakenetBinary.run(["metrics", spinouts, "--temporal", "--strict", "--measures", "all", "--format", "csv", "--quiet"])
        #expect(strict.standardOutput.hasPrefix("id,temporal_closeness,temporal_betweenness,prefix_foremost_betweenness\n"), "\(strict.standardError)")
        let other = try StakenetBinary.run(["metrics", spinouts, "--temporal", "--measures", "pagerank"])
        #expect(other.status == 2 && other.standardError.contains("no time-respecting version"))
        let noFlag = try StakenetBinary.run(["metrics", spinouts, "--measures", "temporal_closeness"])
        #expect(noFlag.status == 2 && noFlag.standardError.contains("add --temporal"))
    }
}

@Suite struct ComparePeriodsCommandTests {
    static let spinouts = Fixtures.network("mutual-spinouts")

    /// Each period's column is the profile `compare --period P` gives of that period alone (mean_reach aside).
    @Test func eachPeriodMatchesTheComparisonOfThatPeriodAlone() throws {
        let both = try StakenetBinary.run(["compare", Self.spinouts, "--by", "kind", "--groups", "spin-out,leisure-trust", "--period", "1995..2005", "--period", "2010-2019",
                                           "--permutations", "200", "--format", "csv", "--quiet"])
        #expect(both.status == 0, "\(both.standardError)")
        let lines = both.standardOutput.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = lines[0]
        #expect(Array(header.prefix(3)) == ["period", "group", "stakeholders"])
        for period in ["1995-2005", "2010-2019"] {
            let alone = try StakenetBinary.run(["compare", Self.spinouts, "--by", "kind", "--groups", "spin-out,leisure-trust", "--period", period,
                                                "--permutations", "0", "--bootstrap", "0", "--runs", "0", "--format", "csv", "--quiet"])
            let rows = alone.standardOutput.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
            for row in rows.dropFirst() {
                let mine = try #require(lines.first { $0[0] == period && $0[1] == row[0] }, "\(period) \(row[0])")
                for (column, name) in rows[0].enumerated().dropFirst() where header.contains(name) {
                    let a = mine[header.firstIndex(of: name)!], b = row[column]
                    #expect(a == b || (Double(a) != nil && Double(b) != nil && abs(Double(a)! - Double(b)!) < 1e-9), "\(period) \(row[0]) \(name): \(a) vs \(b)")
                }
            }
        }
        let differences = try StakenetBinary.run(["compare", Self.spinouts, "--by", "kind", "--groups", "spin-out,leisure-trust", "--over-time", "--permutations", "50",
                                                  "--format", "csv", "--rows", "differences", "--quiet"])
        #expect(differences.standardOutput.hasPrefix("measure,group,from,to,value_from,value_to,change,p\n"))
        #expect(differences.standardOutput.contains(",1993-1999,2000-2009,") && differences.standardOutput.contains(",2000-2009,2010-2019,"))
        #expect(!differences.standardOutput.contains("(other)"), "the rest is shown, not tested")
    }

    @Test func periodsAreRefusedWhereTheyDoNotApply() throws {
        let twice = try StakenetBinary.run(["metrics", Self.spinouts, "--period", "2000", "--period", "2010"])
        #expect(twice.status != 0 && twice.standardError.contains("only compare sets periods side by side"))
        let noBy = try StakenetBinary.run(["compare", Self.spinouts, Self.spinouts, "--period", "2000", "--period", "2010"])
        #expect(noBy.status == 2 && noBy.standardError.contains("add --by"))
        let empty = try StakenetBinary.run(["compare", Self.spinouts, "--by", "sector", "--period", "1800", "--period", "2010"])
        #expect(empty.status == 1 && empty.standardError.contains("no tie of mutual-spinouts is active then"))
        let noYears = try StakenetBinary.run(["compare", Fixtures.network("mutuals-research"), "--by", "sector", "--over-time"])
        #expect(noYears.status == 1 && noYears.standardError.contains("no tie records a year"))
    }
}

@Suite struct TimelineMeasuresCommandTests {
    struct Reference: Decodable {
        let period: [Int]
        let measures: [String: [String: Double]]
    }

    /// Each stakeholder's series, period by period, equals NetworkX on each snapshot (timeline.json).
    @Test func seriesMatchNetworkXOnEverySnapshot() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("reference/timeline.json")))
        let reference = try #require(try JSONDecoder().decode([String: [String: [Reference]]].self, from: data)["mutual-spinouts"]?["two-years-from-2005"])
        let run = try StakenetBinary.run(["timeline", Fixtures.network("mutual-spinouts"), "--from", "2005", "--step", "2",
                                          "--measures", "degree,betweenness,harmonic", "--format", "csv", "--quiet"])
        #expect(run.status == 0, "\(run.standardError)")
        let lines = run.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.first == "period,id,measure,value")
        var seen = 0
        for line in lines.dropFirst() {
            let cells = line.split(separator: ",").map(String.init)
            let years = cells[0].split(separator: "-").compactMap { Int($0) }
            let period = try #require(reference.first { $0.period == [years[0], years.last!] }, "\(cells[0])")
            let expected = try #require(period.measures[cells[1]]?[cells[2]], "\(line)")
            let value = try #require(Double(cells[3]))
            #expect(abs(value - expected) <= 1e-12 * Swift.max(1, abs(expected)), "\(line): NetworkX \(expected)")
            seen += 1
        }
        #expect(seen == 3 * reference.map(\.measures.count).reduce(0, +), "every stakeholder of every snapshot")
    }
}

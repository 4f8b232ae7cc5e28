import XCTest
import FiguresText

/// Consistency of the knowledge tables in `data/` (embedded), beyond what the fixtures exercise.
final class DataTableTests: XCTestCase {
    /// Cue words are matched longest first, so a longer cue hides the roles of a shorter one it ends
    /// with (週漲 hides 漲). A longer word ending in a direction word must carry a direction itself,
    /// or be listed here with the reason it does not.
    static let directionFree: [String: String] = [
        "经济增长": "names the GDP growth metric; the figure after it is a level, not a move",
    ]

    func testLongerCuesKeepTheDirectionOfTheWordTheyEndWith() {
        var roles: [String: Set<String>] = [:]
        for row in TableFile.rows(named: "cues.tsv") where row.count >= 2 {
            if row[1].hasSuffix("-after") { continue }   // read after the figure, a table of their own
            roles[ScriptFold.shared.foldedString(row[0]).lowercased(), default: []].insert(row[1])
        }
        let directions: Set<String> = ["up", "down", "to"]
        for (word, wordRoles) in roles where wordRoles.isDisjoint(with: directions) && Self.directionFree[word] == nil {
            for (shorter, shorterRoles) in roles where shorter != word && word.hasSuffix(shorter) && !shorterRoles.isDisjoint(with: ["up", "down"]) {
                XCTFail("cue \(word) (\(wordRoles.sorted())) hides the direction of \(shorter): give it one, or list it in directionFree")
            }
        }
    }

    /// Every table line has the columns its loader reads.
    func testTablesHaveTheirColumns() {
        let columns = ["indices.tsv": 2, "countries.tsv": 2, "banks.tsv": 3, "central-banks.tsv": 2, "commodities.tsv": 3,
                       "currencies.tsv": 2, "companies.tsv": 3, "cues.tsv": 2, "qualifiers.tsv": 3, "measure-words.tsv": 2,
                       "index-groups.tsv": 2]
        for (file, count) in columns {
            for row in TableFile.rows(named: file) {
                XCTAssertGreaterThanOrEqual(row.count, count, "\(file): \(row.joined(separator: " | "))")
            }
        }
    }
}

import FiguresText
import FiguresQuantities

// Sorted arrays read by position: every per-teaser and per-figure look-up is a binary search
// plus the few elements in range, never a scan of the page (cost stays linear in the page).

extension Array {
    /// The first index whose `key` is at least `value`, in an array sorted by `key`.
    @inline(__always)
    func lowerBound(_ value: Int, by key: (Element) -> Int) -> Int {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if key(self[mid]) < value { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The elements whose `start` lies in `[from, to)` and whose `end` is at most `to`, in order
    /// (the array sorted by `start`): what `filter { $0.start >= from && $0.end <= to }` gives.
    @inline(__always)
    func within(_ from: Int, _ to: Int, start: (Element) -> Int, end: (Element) -> Int) -> [Element] {
        let lo = lowerBound(from, by: start)
        var out: [Element] = []
        var i = lo
        while i < count, start(self[i]) < to {
            if end(self[i]) <= to { out.append(self[i]) }
            i += 1
        }
        // an empty element (start == end == to) belongs too
        while i < count, start(self[i]) == to, end(self[i]) <= to { out.append(self[i]); i += 1 }
        return out
    }

    /// Whether the array is sorted by `key` (ties in any order).
    func isSorted(by key: (Element) -> Int) -> Bool {
        var i = 1
        while i < count { if key(self[i]) < key(self[i - 1]) { return false }; i += 1 }
        return true
    }

    /// The array sorted by `key`, equal keys kept in their order.
    func stablySorted(by key: (Element) -> Int) -> [Element] {
        isSorted(by: key) ? self : enumerated().sorted { (key($0.element), $0.offset) < (key($1.element), $1.offset) }.map(\.element)
    }
}

/// Where sentences start and end on a page, found once: after 。！？!?\n【】, and — in a run of more
/// than `SentenceIndex.cap` characters without any of them (a page of one endless line) — at the
/// last clause break or space before the cap, else at the cap. Every backward and forward look of
/// the rules stops at a sentence boundary, so a look costs at most the cap, never the page.
struct SentenceIndex: Sendable {
    /// The longest run read as one sentence.
    static let cap = 2048
    /// Positions where a sentence starts because one ended before them (after an end character),
    /// and positions where a run was cut (`forced`), both ascending.
    let starts: [Int]
    let forced: [Int]
    /// Positions of the end characters, ascending.
    let ends: [Int]

    init(_ text: NormalizedText) {
        var starts: [Int] = [0], forced: [Int] = [], ends: [Int] = []
        let n = text.count
        var runStart = 0
        var lastBreak = -1   // last clause break or space in the current run
        var i = 0
        while i < n {
            let c = text[i]
            if Interpreter.sentenceEnds.contains(c) {
                ends.append(i)
                starts.append(i + 1)
                runStart = i + 1
                lastBreak = -1
            } else {
                if Interpreter.clauseEnds.contains(c) || c == 0x20 || c == 0x3000 { lastBreak = i }
                if i + 1 - runStart > SentenceIndex.cap {
                    // cut after the last break in the second half of the run, else here
                    let cut = lastBreak >= runStart + SentenceIndex.cap / 2 ? lastBreak + 1 : i
                    forced.append(cut)
                    starts.append(cut)
                    runStart = cut
                    lastBreak = -1
                    if cut <= i, Interpreter.clauseEnds.contains(c) || c == 0x20 || c == 0x3000 { lastBreak = i }
                }
            }
            i += 1
        }
        self.starts = starts
        self.forced = forced
        self.ends = ends
    }

    /// The start of the sentence holding `p` (what walking back to the last end character gives), at least `floor`.
    @inline(__always)
    func sentenceStart(_ p: Int, floor: Int) -> Int {
        guard p > floor else { return p }
        // the last start at or before p
        let k = starts.lowerBound(p + 1, by: { $0 }) - 1
        return Swift.max(floor, k >= 0 ? Swift.min(starts[k], p) : 0)
    }

    /// The first end character at or after `p`, or the next cut after `p`, at most `ceiling`.
    @inline(__always)
    func sentenceEnd(_ p: Int, ceiling: Int) -> Int {
        let e = ends.lowerBound(p, by: { $0 })
        var end = e < ends.count ? ends[e] : Int.max
        let f = forced.lowerBound(p + 1, by: { $0 })
        if f < forced.count { end = Swift.min(end, forced[f]) }
        return Swift.max(p, Swift.min(end, ceiling))
    }
}

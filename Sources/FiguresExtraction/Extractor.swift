import FiguresText
import FiguresQuantities

/// The version of the rules; stored with every observation so a re-extraction can be told apart.
public let extractorVersion = "figures-0.1.0"

/// What one page yielded: its observations, and every figure that yielded none, with why.
public struct Extraction: Sendable {
    public var observations: [Observation]
    /// Figures that produced no observation: the span, the text and the reason.
    public var unused: [UnusedFigure]
    public var locale: PageLocale
    public var teaserCount: Int
    /// The outlet named in the page's first teaser footer (`中央社 ・ 1 天前`), when the layout has one.
    public var source: String? = nil
}

public struct UnusedFigure: Sendable, Hashable {
    public var text: String
    public var start: Int
    public var end: Int
    public var reason: String
}

/// Pulls observations out of a page of news: normalise, recognise, interpret, deduplicate.
public enum Extractor {
    /// Whether `precise` rounds to `rounded` at the precision `rounded` is written with
    /// (2.05 → 2, 446.28 → 446, 490.3億 → 490億).
    static func rounds(_ precise: Double, to rounded: Double) -> Bool {
        var step = 1.0
        var r = abs(rounded)
        if r == r.rounded() && r >= 10 {
            while r >= 10, (r / 10) == (r / 10).rounded() { r /= 10; step *= 10 }
            step = step >= 1e4 ? step : 1   // only scale words (萬, 億) make trailing zeros a precision
        } else {
            while r != r.rounded(), step > 1e-6 { r *= 10; step /= 10 }
        }
        return abs(precise - rounded) <= step / 2 + 1e-12 && abs(precise - rounded) > 0
    }

    /// Pages of more UTF-8 bytes than this are read in chunks of at most this size, cut at a line
    /// break (else a sentence end, else between two characters). Each chunk is read as a page of its
    /// own (its region guessed from its own words, a figure stated in two chunks kept twice), with
    /// offsets counted from the start of the whole page; memory stays that of one chunk, whatever the page.
    public static let chunkBytes = 1 << 20

    public static func extract(_ page: String, reference: Day, chunkBytes: Int = Extractor.chunkBytes) -> Extraction {
        guard page.utf8.count > chunkBytes else { return extractWhole(page, reference: reference) }
        var all: Extraction?
        extractChunks(page, reference: reference, chunkBytes: chunkBytes) { chunk in
            if all == nil { all = chunk; return }
            all!.observations += chunk.observations
            all!.unused += chunk.unused
            all!.teaserCount += chunk.teaserCount
        }
        return all!
    }

    /// Extracts a page chunk by chunk (see `chunkBytes`), handing each chunk's extraction to `body` as
    /// soon as it is ready, its offsets those of the whole page. A page within `chunkBytes` is one chunk.
    public static func extractChunks(_ page: String, reference: Day, chunkBytes: Int = Extractor.chunkBytes,
                                     _ body: (Extraction) throws -> Void) rethrows {
        var page = page
        page.makeContiguousUTF8()
        let limit = max(16, chunkBytes)
        try page.utf8.withContiguousStorageIfAvailable { bytes in
            let n = bytes.count
            var lo = 0
            var scalarOffset = 0
            repeat {
                let hi = lo + limit >= n ? n : cut(bytes, from: lo, limit: limit)
                let chunk = String(decoding: UnsafeBufferPointer(rebasing: bytes[lo..<hi]), as: UTF8.self)
                var e = extractWhole(chunk, reference: reference)
                if scalarOffset > 0 {
                    for i in e.observations.indices { e.observations[i].start += scalarOffset; e.observations[i].end += scalarOffset }
                    for i in e.unused.indices { e.unused[i].start += scalarOffset; e.unused[i].end += scalarOffset }
                }
                try body(e)
                // the chunk's scalars (a byte-order mark at the page's start is not counted, as NormalizedText does)
                var scalars = 0
                for k in lo..<hi where bytes[k] & 0xC0 != 0x80 { scalars += 1 }
                if lo == 0, hi >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { scalars -= 1 }
                scalarOffset += scalars
                lo = hi
            } while lo < n
        }
    }

    /// Where a chunk starting at `lo` ends: after the last line break in its second half, else after
    /// the last sentence end there (。！？!?), else at the last character boundary within `limit` bytes.
    /// A byte-order mark never starts a chunk (it would be dropped as the mark of a page).
    static func cut(_ bytes: UnsafeBufferPointer<UInt8>, from lo: Int, limit: Int) -> Int {
        let hi = lo + limit, floor = lo + limit / 2
        var cut = -1
        var k = hi
        while k > floor { if bytes[k - 1] == 0x0A { cut = k; break }; k -= 1 }
        if cut < 0 {
            k = hi
            while k > floor {
                let b = bytes[k - 1]
                if b == 0x21 || b == 0x3F { cut = k; break }
                if k - 3 >= lo, (bytes[k - 3] == 0xE3 && bytes[k - 2] == 0x80 && b == 0x82)   // 。
                    || (bytes[k - 3] == 0xEF && bytes[k - 2] == 0xBC && (b == 0x81 || b == 0x9F)) { cut = k; break }   // ！？
                k -= 1
            }
        }
        if cut < 0 {
            cut = hi
            while cut > lo + 1, bytes[cut] & 0xC0 == 0x80 { cut -= 1 }   // not inside a character
        }
        if cut + 3 <= bytes.count, bytes[cut] == 0xEF, bytes[cut + 1] == 0xBB, bytes[cut + 2] == 0xBF { cut += 3 }
        return cut
    }

    static func extractWhole(_ page: String, reference: Day) -> Extraction {
        // 新臺(tái)幣: read the page without a converter's pinyin glosses, then report spans as written
        guard let glossFree = GlossFreeText.strip(page) else { return extractWithoutGlosses(page, reference: reference) }
        var e = extractWithoutGlosses(glossFree.text, reference: reference)
        for i in e.observations.indices {
            let (s, end) = glossFree.originalSpan(e.observations[i].start, e.observations[i].end)
            e.observations[i].start = s; e.observations[i].end = end
            e.observations[i].text = glossFree.originalText(s, end)
        }
        for i in e.unused.indices {
            let (s, end) = glossFree.originalSpan(e.unused[i].start, e.unused[i].end)
            e.unused[i].start = s; e.unused[i].end = end
            e.unused[i].text = glossFree.originalText(s, end)
        }
        return e
    }

    static func extractWithoutGlosses(_ page: String, reference: Day) -> Extraction {
        let text = NormalizedText(page)
        let analysis = PageAnalysis(text: text, reference: reference)
        let interpreter = Interpreter(page: analysis)
        interpreter.run()
        var seen = [Observation.Key: Int](minimumCapacity: interpreter.observations.count)
        var inTeaser = [Observation.Key: Int](minimumCapacity: interpreter.observations.count)
        var observations: [Observation] = []
        observations.reserveCapacity(interpreter.observations.count)
        /// Rate and tariff observations kept so far by what they state (kind, subject, metric, target, value, high):
        /// a retold decision is found among its own kind, not by a scan of all (those fields never change once kept).
        struct PolicyKey: Hashable { var kind, subject, metric: String; var target: String?; var value: Double; var valueHigh: Double? }
        var policies: [PolicyKey: [Int]] = [:]
        func policyKey(_ o: Observation) -> PolicyKey? {
            o.kind == "rate" || o.kind == "tariff" ? PolicyKey(kind: o.kind, subject: o.subject, metric: o.metric, target: o.target, value: o.value, valueHigh: o.valueHigh) : nil
        }
        func keep(_ o: Observation) {
            if let key = policyKey(o) { policies[key, default: []].append(observations.count) }
            observations.append(o)
        }
        // a figure that is not finite is no figure (the recogniser sets overflowing numerals aside;
        // this also catches a product or difference of finite ones that overflows)
        for o in interpreter.observations where o.isFinite {
            // A headline gives the teaser's default day; its body may name the day (週四): one figure, the named day.
            if let i = inTeaser[o.teaserIdentity], observations[i].date != o.date, observations[i].dateIsExplicit != o.dateIsExplicit {
                if o.dateIsExplicit {
                    seen[observations[i].identity] = nil
                    observations[i].date = o.date
                    observations[i].dateIsExplicit = true
                    seen[observations[i].identity] = i
                }
                continue
            }
            if let i = seen[o.identity] {
                // 由20%調降至10% and 由34%降至10%: the same new rate from two old ones are two changes
                if let p1 = observations[i].previous, let p2 = o.previous, p1 != p2 {
                    keep(o)
                    continue
                }
                // the same figure stated again (title and body): keep the first, completed by the second
                if observations[i].previous == nil { observations[i].previous = o.previous }
                if observations[i].qualifier == nil { observations[i].qualifier = o.qualifier }
                continue
            }
            // A policy decision retold by a later teaser under its own dateline (美國減息1/4厘 in a Hong Kong
            // report the day after): the same event, kept once with the first teaser's day.
            if let key = policyKey(o), let day = o.date.flatMap(Day.init(iso:)),
               (policies[key] ?? []).contains(where: { i in
                   let k = observations[i]
                   return k.teaser != o.teaser && (k.date.flatMap(Day.init(iso:)).map { abs($0.ordinal - day.ordinal) <= 1 } ?? false) }) {
                continue
            }
            seen[o.identity] = observations.count
            inTeaser[o.teaserIdentity] = observations.count
            keep(o)
        }
        // 韓股大漲2% over a body's 上漲2.05%: a headline's rounded figure is the body's, said again
        // (the body's figures of the same teaser only: grouped by teaser, not a scan of the page)
        var statedByTeaser: [Int: [Observation]] = [:]
        for o in observations where !o.inHeadline { statedByTeaser[o.teaser, default: []].append(o) }
        observations.removeAll { h in
            h.inHeadline && (h.metric.hasSuffix("change") || h.metric.hasSuffix("change_pct") || h.kind == "financial" || h.kind == "macro") && (statedByTeaser[h.teaser] ?? []).contains { b in
                !b.inHeadline && b.teaser == h.teaser && b.kind == h.kind && b.subject == h.subject && b.metric == h.metric
                    && b.target == h.target && b.period == h.period && b.value != h.value && Extractor.rounds(b.value, to: h.value)
            }
        }
        // 上修今年GDP至7.31% over a body that calls 7.31% a forecast (預測): the headline says the same
        let expectations = interpreter.unused.filter { $0.1.hasPrefix(FigureContext.expectationReason) }.map { $0.0 }.stablySorted(by: \.start)
        if !expectations.isEmpty {
            observations.removeAll { h in
                guard h.inHeadline, analysis.teasers.indices.contains(h.teaser) else { return false }
                let teaserEnd = analysis.teasers[h.teaser].end
                return expectations.within(h.end + 1, teaserEnd, start: \.start, end: \.end).contains { q in
                    q.value == h.value && (q.unit != .percent || h.unit == "pct")
                }
            }
        }
        var unused: [UnusedFigure] = []
        for (q, why) in analysis.dropped + interpreter.unused {
            unused.append(UnusedFigure(text: text.text(q.start, q.end), start: q.start, end: q.end, reason: why))
        }
        for s in analysis.recognition.skipped {
            unused.append(UnusedFigure(text: text.text(s.start, s.end), start: s.start, end: s.end, reason: s.reason.rawValue))
        }
        for d in analysis.recognition.dates {
            unused.append(UnusedFigure(text: text.text(d.start, d.end), start: d.start, end: d.end, reason: "date"))
        }
        unused.sort { $0.start < $1.start }
        return Extraction(observations: observations, unused: unused, locale: analysis.locale, teaserCount: analysis.teasers.count,
                          source: PageLayout.source(of: text, teasers: analysis.teasers))
    }
}

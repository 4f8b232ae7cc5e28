import Foundation
import FiguresQuantities
import FiguresStore

/// A line chart of one or more series as a standalone SVG document, written by hand: a dated x axis with
/// ticks at whole days, months or years, a y axis with round ticks labelled with the unit, one polyline
/// per series (points marked), a legend with each series' observation count, and a caption.
public struct SVGChart {
    public var series: [Series]
    public var title: String?
    public var width = 860.0
    public var height = 460.0

    public init(series: [Series], title: String? = nil) {
        self.series = series
        self.title = title
    }

    static let palette = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"]

    public func render() -> String {
        let left = 80.0, right = 190.0, top = 48.0, bottom = 78.0
        let plotW = width - left - right, plotH = height - top - bottom
        let points = series.flatMap(\.points)
        var firstDay = points.map(\.day.ordinal).min() ?? 0, lastDay = points.map(\.day.ordinal).max() ?? 1
        if firstDay == lastDay { firstDay -= 1; lastDay += 1 }
        let values = points.flatMap { [$0.value] + ($0.valueHigh.map { [$0] } ?? []) }
        var lo = values.min() ?? 0, hi = values.max() ?? 1
        if lo == hi { let pad = lo == 0 ? 1 : abs(lo) * 0.05; lo -= pad; hi += pad }
        let yTicks = Self.niceTicks(lo, hi)
        lo = min(lo, yTicks.first ?? lo); hi = max(hi, yTicks.last ?? hi)
        func x(_ ordinal: Int) -> Double { left + Double(ordinal - firstDay) / Double(lastDay - firstDay) * plotW }
        func y(_ v: Double) -> Double { top + (hi - v) / (hi - lo) * plotH }

        var svg = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" width="\(f(width))" height="\(f(height))" viewBox="0 0 \(f(width)) \(f(height))" font-family="sans-serif" font-size="12">
            <rect x="0" y="0" width="\(f(width))" height="\(f(height))" fill="white"/>

            """
        let heading = title ?? series.map { "\($0.subject) \($0.metric)" }.joined(separator: ", ")
        svg += "<text class=\"title\" x=\"\(f(left))\" y=\"28\" font-size=\"16\" font-weight=\"bold\">\(Self.escape(heading))</text>\n"
        // grid and y axis
        svg += "<g class=\"y-axis\">\n"
        for t in yTicks {
            svg += "<line x1=\"\(f(left))\" y1=\"\(f(y(t)))\" x2=\"\(f(left + plotW))\" y2=\"\(f(y(t)))\" stroke=\"#e5e5e5\"/>\n"
            svg += "<text x=\"\(f(left - 6))\" y=\"\(f(y(t) + 4))\" text-anchor=\"end\">\(Self.escape(ObservationFormatter.number(t)))</text>\n"
        }
        let unitLabel = Self.unitLabel(Array(Set(series.compactMap(\.unit))).sorted())
        svg += "<text class=\"y-label\" transform=\"translate(18 \(f(top + plotH / 2))) rotate(-90)\" text-anchor=\"middle\">\(Self.escape(unitLabel))</text>\n"
        svg += "</g>\n"
        // x axis
        svg += "<g class=\"x-axis\">\n"
        svg += "<line x1=\"\(f(left))\" y1=\"\(f(top + plotH))\" x2=\"\(f(left + plotW))\" y2=\"\(f(top + plotH))\" stroke=\"#333\"/>\n"
        svg += "<line x1=\"\(f(left))\" y1=\"\(f(top))\" x2=\"\(f(left))\" y2=\"\(f(top + plotH))\" stroke=\"#333\"/>\n"
        for (day, label) in Self.dateTicks(from: Day(ordinal: firstDay), to: Day(ordinal: lastDay)) {
            let px = x(day.ordinal)
            svg += "<line x1=\"\(f(px))\" y1=\"\(f(top + plotH))\" x2=\"\(f(px))\" y2=\"\(f(top + plotH + 5))\" stroke=\"#333\"/>\n"
            svg += "<text x=\"\(f(px))\" y=\"\(f(top + plotH + 19))\" text-anchor=\"middle\">\(Self.escape(label))</text>\n"
        }
        svg += "<text class=\"x-label\" x=\"\(f(left + plotW / 2))\" y=\"\(f(top + plotH + 38))\" text-anchor=\"middle\">date</text>\n"
        svg += "</g>\n"
        // series
        for (i, s) in series.enumerated() {
            let color = Self.palette[i % Self.palette.count]
            let coords = s.points.map { "\(f(x($0.day.ordinal))),\(f(y($0.value)))" }.joined(separator: " ")
            svg += "<g class=\"series\" data-subject=\"\(Self.escape(s.subject))\" data-metric=\"\(Self.escape(s.metric))\">\n"
            svg += "<polyline fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\" points=\"\(coords)\"/>\n"
            for p in s.points {
                svg += "<circle cx=\"\(f(x(p.day.ordinal)))\" cy=\"\(f(y(p.value)))\" r=\"2.5\" fill=\"\(color)\"><title>\(Self.escape("\(p.label): \(ObservationFormatter.number(p.value)) (\(p.sources) source\(p.sources == 1 ? "" : "s"))"))</title></circle>\n"
            }
            svg += "</g>\n"
        }
        // legend
        svg += "<g class=\"legend\">\n"
        for (i, s) in series.enumerated() {
            let ly = top + 8 + Double(i) * 20
            svg += "<line x1=\"\(f(left + plotW + 16))\" y1=\"\(f(ly))\" x2=\"\(f(left + plotW + 36))\" y2=\"\(f(ly))\" stroke=\"\(Self.palette[i % Self.palette.count])\" stroke-width=\"3\"/>\n"
            svg += "<text x=\"\(f(left + plotW + 42))\" y=\"\(f(ly + 4))\">\(Self.escape("\(s.subject) \(s.metric) (\(s.observations))"))</text>\n"
        }
        svg += "</g>\n"
        let observations = series.reduce(0) { $0 + $1.observations }
        let caption = "\(observations) observation\(observations == 1 ? "" : "s") in \(points.count) dated value\(points.count == 1 ? "" : "s"); where sources disagree, the value most agree on (then the latest ingested)"
        svg += "<text class=\"caption\" x=\"\(f(left))\" y=\"\(f(height - 12))\" font-size=\"11\" fill=\"#555\">\(Self.escape(caption))</text>\n"
        svg += "</svg>\n"
        return svg
    }

    func f(_ d: Double) -> String {
        let r = (d * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }

    static func unitLabel(_ units: [String]) -> String {
        let names = units.map { u -> String in
            switch u {
            case "pt": return "index points"
            case "pct": return "percent"
            case "pp": return "percentage points"
            default: return u
            }
        }
        return names.isEmpty ? "value" : names.joined(separator: " / ")
    }

    /// Round ticks (1, 2, 2.5 or 5 × 10ⁿ apart) covering [lo, hi], about five of them.
    public static func niceTicks(_ lo: Double, _ hi: Double, count: Int = 5) -> [Double] {
        let raw = (hi - lo) / Double(count)
        guard raw > 0, raw.isFinite else { return [lo] }
        let magnitude = pow(10, Foundation.floor(Foundation.log10(raw)))
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? 10 * magnitude
        var ticks: [Double] = []
        var t = (lo / step).rounded(.down) * step
        while t <= hi + step * 1e-9 && ticks.count < 50 {
            ticks.append((t / step).rounded() * step)
            t += step
        }
        if ticks.last! < hi { ticks.append(ticks.last! + step) }
        return ticks
    }

    /// Ticks on the date axis: every 1, 2 or 7 days, 1, 2, 3 or 6 months, or 1, 2, 5, 10… years, the
    /// smallest step that gives at most eight; labelled YYYY-MM-DD, YYYY-MM or YYYY.
    public static func dateTicks(from: Day, to: Day, maxTicks: Int = 8) -> [(Day, String)] {
        let span = to.ordinal - from.ordinal
        for step in [1, 2, 7, 14] where span / step < maxTicks {
            return stride(from: from.ordinal, through: to.ordinal, by: step).map { (Day(ordinal: $0), Day(ordinal: $0).description) }
        }
        for step in [1, 2, 3, 6] {
            var ticks: [(Day, String)] = []
            var y = from.year, m = from.month
            if from.day != 1 { m += 1; if m > 12 { m = 1; y += 1 } }
            while (m - 1) % step != 0 { m += 1; if m > 12 { m = 1; y += 1 } }
            while true {
                let d = Day(year: y, month: m, day: 1)
                if d > to { break }
                ticks.append((d, String(d.description.prefix(7))))
                m += step; if m > 12 { m -= 12; y += 1 }
            }
            if ticks.count <= maxTicks && !ticks.isEmpty { return ticks }
        }
        var step = 1
        while (to.year - from.year) / step >= maxTicks { step = step == 1 ? 2 : step == 2 ? 5 : step * 2 }
        var ticks: [(Day, String)] = []
        var y = (from.year + step) / step * step
        if from.month == 1 && from.day == 1 && from.year % step == 0 { y = from.year }
        while y <= to.year { ticks.append((Day(year: y, month: 1, day: 1), String(y))); y += step }
        return ticks.isEmpty ? [(from, from.description), (to, to.description)] : ticks
    }

    static func escape(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(ch)
            }
        }
        return out
    }
}

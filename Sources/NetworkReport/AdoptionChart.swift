import Foundation
import NetworkDiffusion
import SectorComparison

/// The adoption curve as an SVG chart: mean adopters by step with its 95% interval as a band, axes with
/// ticks, and a title and description for screen readers. Only numbers and fixed words go into it.
enum AdoptionChart {
    /// `firstYear`: the steps are years from it (a spread in time), and the axis says so.
    static func svg(_ curve: [DiffusionResult.CurvePoint], stakeholders: Int, firstYear: Int? = nil) -> String {
        let width = 640.0, height = 300.0, left = 56.0, right = 16.0, top = 16.0, bottom = 44.0
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let steps = max(1, (curve.last?.step ?? 0))
        let highest = max(1, curve.map(\.upper).max() ?? 1)
        let yMax = niceCeiling(highest)
        func x(_ step: Int) -> Double { left + plotWidth * Double(step) / Double(steps) }
        func y(_ value: Double) -> Double { top + plotHeight * (1 - min(value, yMax) / yMax) }
        func f(_ v: Double) -> String { String(format: "%.1f", v) }
        let final = curve.last.map { String(format: "%.1f", $0.mean) } ?? "0"
        let id = firstYear == nil ? "curve" : "year-curve"
        var out = "<svg viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"100%\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\" class=\"chart\">"
        out += "<title id=\"\(id)-title\">Adoption curve\(firstYear == nil ? "" : " by year")</title>"
        out += "<desc id=\"\(id)-desc\">Mean number of adopters by \(firstYear == nil ? "step" : "year") over \(curve.count) steps, ending at \(final) of \(stakeholders) stakeholders; the shaded band is the 95% interval of the mean.</desc>"
        // Axes and ticks.
        out += "<g class=\"axis\" stroke=\"#444\" stroke-width=\"1\"><line x1=\"\(f(left))\" y1=\"\(f(top + plotHeight))\" x2=\"\(f(left + plotWidth))\" y2=\"\(f(top + plotHeight))\"/>"
        out += "<line x1=\"\(f(left))\" y1=\"\(f(top))\" x2=\"\(f(left))\" y2=\"\(f(top + plotHeight))\"/></g>"
        out += "<g class=\"ticks\" font-size=\"11\" fill=\"#222\">"
        for i in 0 ... 4 {
            let value = yMax * Double(i) / 4
            out += "<text x=\"\(f(left - 6))\" y=\"\(f(y(value) + 4))\" text-anchor=\"end\">\(GroupComparison.brief(value))</text>"
            out += "<line x1=\"\(f(left))\" y1=\"\(f(y(value)))\" x2=\"\(f(left + plotWidth))\" y2=\"\(f(y(value)))\" stroke=\"#ddd\"/>"
        }
        let stride = max(1, steps / 8)
        for step in Swift.stride(from: 0, through: steps, by: stride) {
            out += "<text x=\"\(f(x(step)))\" y=\"\(f(top + plotHeight + 16))\" text-anchor=\"middle\">\(step + (firstYear ?? 0))</text>"
        }
        out += "<text x=\"\(f(left + plotWidth / 2))\" y=\"\(f(height - 6))\" text-anchor=\"middle\">\(firstYear == nil ? "step" : "year")</text>"
        out += "<text transform=\"translate(14 \(f(top + plotHeight / 2))) rotate(-90)\" text-anchor=\"middle\">adopters</text></g>"
        guard !curve.isEmpty else { return out + "</svg>" }
        // The interval as a band, the mean as a line with points.
        let upper = curve.map { "\(f(x($0.step))),\(f(y($0.upper)))" }
        let lower = curve.reversed().map { "\(f(x($0.step))),\(f(y(max(0, $0.lower))))" }
        out += "<polygon points=\"\((upper + lower).joined(separator: " "))\" fill=\"#56B4E9\" fill-opacity=\"0.35\" stroke=\"none\"/>"
        out += "<polyline points=\"\(curve.map { "\(f(x($0.step))),\(f(y($0.mean)))" }.joined(separator: " "))\" fill=\"none\" stroke=\"#0072B2\" stroke-width=\"2.5\"/>"
        for point in curve { out += "<circle cx=\"\(f(x(point.step)))\" cy=\"\(f(y(point.mean)))\" r=\"3\" fill=\"#0072B2\"/>" }
        return out + "</svg>"
    }

    /// A round number at or above `value` for the axis: 1, 2 or 5 times a power of ten.
    static func niceCeiling(_ value: Double) -> Double {
        let power = pow(10, floor(log10(value)))
        for factor in [1.0, 2, 5, 10] where factor * power >= value { return factor * power }
        return 10 * power
    }
}

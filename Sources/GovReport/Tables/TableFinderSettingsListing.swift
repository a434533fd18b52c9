import Foundation

/// The settings as `govreport settings` prints them: JSON (sorted keys, as swift-format's
/// `dump-configuration`), or one `section.name = value unit` line each, in declaration order.
extension TableFinderSettings {
    /// One setting: its dotted name (`rows.sameBand`), value as printed, and unit.
    public struct Entry: Sendable, Equatable {
        public var name: String
        public var value: String
        public var unit: String
    }

    /// Every setting, section by section in declaration order.
    public var entries: [Entry] {
        var out: [Entry] = []
        for section in Mirror(reflecting: self).children {
            guard let sectionName = section.label else { continue }
            for field in Mirror(reflecting: section.value).children {
                guard let name = field.label else { continue }
                let dotted = "\(sectionName).\(name)"
                out.append(Entry(name: dotted, value: "\(field.value)", unit: Self.units[dotted] ?? ""))
            }
        }
        return out
    }

    /// The settings as pretty-printed JSON with sorted keys, ending in a newline.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        // Encoding plain numbers and strings cannot fail.
        let data = (try? encoder.encode(self)) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// One line a setting: name, value and unit, aligned.
    public var text: String {
        let rows = entries
        let width = rows.map(\.name.count).max() ?? 0
        return rows.map { e in
            e.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + e.value + (e.unit.isEmpty ? "" : " " + e.unit)
        }.joined(separator: "\n") + "\n"
    }

    /// The unit of each setting (a test checks that none is missing).
    static let units: [String: String] = [
        "lines.sameLine": "em", "lines.wordGap": "em", "lines.numberGap": "em", "lines.labelWordGap": "em",
        "rulings.strokeRun": "em", "verticalText.neighbourGap": "em", "verticalText.stackStepMin": "em",
        "verticalText.stackStepMax": "em", "rows.sameBand": "em", "columns.headerCellCentre": "em",
        "cells.joinedGap": "em", "labels.blockSlack": "em", "labels.blockLineGap": "em", "labels.gluedValueGap": "em",
        "labels.alignedValueGap": "em", "labels.valuesBelowReach": "em", "labels.alignedValueSlack": "em",
        "activeTable.spacedDigitsGap": "em",
        "lines.tallBoxSample": "count", "lines.tallBoxRatio": "height/width",
        "rulings.glyphSlack": "pt", "rulings.inset": "share", "rulings.maxCoverage": "share",
        "rulings.sameRuling": "pt", "rulings.reach": "pt", "rulings.crossing": "row heights",
        "verticalText.minimumRun": "count", "verticalText.neighbourOverlap": "share",
        "verticalText.minimumWidth": "pt", "verticalText.stackAlignment": "share",
        "rows.separatedShare": "share", "rows.wrappedGridMinimumRules": "count",
        "rows.wrappedGridRuleShare": "share",
        "rows.minimumBlankRowHeight": "em", "rows.blankLabelMatch": "share",
        "rows.stackedPieceGap": "em", "rows.stackedPieceLinePitch": "share",
        "rows.stackedPieceAlignment": "em", "rows.stackedPieceReach": "em",
        "rows.stackedPieceWidth": "em",
        "columns.singleColumnHalfWidth": "pt", "columns.nearestColumnReach": "column widths",
        "columns.alignmentTolerance": "em", "columns.headerShiftRounds": "count",
        "columns.headerNameMatch": "share", "columns.valueEdgeSlack": "pt",
        "cells.joinedOverlap": "share", "cells.neighbourShare": "share", "cells.thousandsGap": "em", "cells.sameLineOverlap": "share",
        "columns.pageOffsetTolerance": "em", "columns.pageOffsetGain": "count", "columns.pageOffsetShare": "share",
        "columns.continuedScaleLimit": "ratio", "columns.continuedTotalShare": "share",
        "columns.continuedFit": "share",
        "labels.blockColumnSlack": "em", "labels.markerColumnSlack": "em", "labels.besideOffset": "em", "labels.pastEdgeReach": "em",
        "labels.singleRowPitch": "pt",
        "activeTable.labelBand": "row heights", "activeTable.labelEdgeSlack": "pt", "activeTable.rulingSlack": "pt",
        "parts.bottomMargin": "share of page height", "parts.topMargin": "share of page height",
        "parts.pageNumberIsolation": "line heights", "parts.runningShare": "share of pages",
        "parts.runningMinimumPages": "count", "parts.tableAreaMargin": "pt",
        "parts.pageNumberMaxWidth": "line heights", "parts.stackedDigitsGap": "line heights",
        "rulingDetection.darkLevel": "gray (0 black, 255 white)", "rulingDetection.contrast": "gray levels",
        "rulingDetection.minHorizontal": "pt", "rulingDetection.minVertical": "pt", "rulingDetection.maxGap": "px",
        "rulingDetection.paintedLevel": "gray (0 black, 255 white)", "rulingDetection.paintedPiece": "pt",
        "rulingDetection.slantedInkMargin": "gray levels",
    ]
}

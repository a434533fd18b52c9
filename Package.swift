// swift-tools-version: 6.0
import PackageDescription

// Linux only (see the README's "Platforms"): every system call (Sources/GovReportBatch/Posix.swift)
// is written for Glibc, so no Apple platform is claimed.
let package = Package(
    name: "govreport",
    products: [
        .library(name: "GovReport", targets: ["GovReport"]),
        .library(name: "GovReportChecking", targets: ["GovReportChecking"]),
        .executable(name: "govreport", targets: ["govreport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        // Word .docx packages are ZIP files (zlib through ZIPFoundation).
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // Markdown reports: Ink turns their pipe tables into HTML tables for the grid reader.
        .package(url: "https://github.com/JohnSundell/Ink", from: "0.6.0"),
    ],
    targets: [
        // poppler-glib (and the cairo/GLib it pulls in), seen through one modulemap.
        .systemLibrary(
            name: "CPoppler",
            pkgConfig: "poppler-glib",
            providers: [.apt(["libpoppler-glib-dev"])]
        ),
        // libxml2's HTML and XML parsers (web pages, Word's XML); only Sources/GovReport/HTML/LibXMLDocument.swift imports it.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // Tesseract's C API (tesseract/capi.h), for its types: libtesseract is opened with dlopen
        // only when a page needs OCR (see Sources/CTesseract/shim.h); only
        // Sources/GovReport/OCR/*.swift imports it.
        .systemLibrary(
            name: "CTesseract",
            providers: [.apt(["libtesseract-dev", "tesseract-ocr-chi-sim", "tesseract-ocr-eng"])]
        ),
        // Every pipeline stage; only Sources/GovReport/Poppler/*.swift imports CPoppler.
        .target(
            name: "GovReport",
            dependencies: [
                "CPoppler", "CLibXML2", "CTesseract", .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Ink", package: "Ink"),
            ]
        ),
        // `check` and `compare` over extracted reports: the rules across reports, the prose
        // against the tables, the comparison of two years, and their text, JSON and HTML
        // (CSS/JS, terminal colour) writers. Kept apart so that the pipeline holds no presentation.
        .target(
            name: "GovReportChecking",
            dependencies: ["GovReport"]
        ),
        // Bulk harvesting and the machinery under the CLI: input listing, sharding and resume
        // planning, the worker pool and its processes, the folder lock, the resumable manifest,
        // the worker protocol, and the JSONL/CSV/SQLite outputs; every system call in Posix.swift.
        // Kept apart so that the extractor itself does not link SQLite.
        .target(
            name: "GovReportBatch",
            dependencies: ["GovReport", "GovReportChecking", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // The command line: one file per subcommand, shared options in Options.swift; parsing,
        // calls into the libraries, printing and exit statuses only.
        .executableTarget(
            name: "govreport",
            dependencies: [
                "GovReport",
                "GovReportChecking",
                "GovReportBatch",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "GovReportTests",
            dependencies: ["GovReport", "GovReportChecking", "GovReportBatch", .product(name: "GRDB", package: "GRDB.swift")],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)

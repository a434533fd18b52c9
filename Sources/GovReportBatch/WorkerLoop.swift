import Foundation
import GovReport

/// What a `govreport worker` subprocess does: reads `WorkRequest` lines on stdin, extracts each
/// document, writes its JSON file and answers one `WorkResult` line on stdout.
public struct WorkerLoop {
    public var tables: TableStrategy = .auto
    public var ocr: OCRMode = .never
    /// Cap on this process's address space, in MiB (0: none).
    public var maxMemoryMiB = 0
    /// Folder for temporary files (on the output's file system).
    public var temporaryDirectory: URL
    /// Exit when this process is no longer this one's child.
    public var parentPID: Int32?
    public var provenance = false
    /// Seconds a LibreOffice conversion may take.
    public var convertTimeout: Double?

    public init(temporaryDirectory: URL) { self.temporaryDirectory = temporaryDirectory }

    /// Applies the limits, says it is ready, and answers requests until stdin ends. Throws
    /// `CommandFailure` (status 8) when the memory cap cannot be set.
    public func run() throws {
        // The batch ignores SIGPIPE and we inherit that; if it is gone, end quietly.
        Posix.restoreDefaultSignals()
        if maxMemoryMiB > 0, let why = Posix.limitAddressSpace(mebibytes: maxMemoryMiB) {
            Stderr.line("govreport worker: cannot set the memory cap: \(why)")
            throw CommandFailure(ExitStatus.outputUnusable)
        }
        if let convertTimeout { Posix.setEnvironment("GOVREPORT_CONVERT_TIMEOUT", String(convertTimeout)) }
        // A worker whose batch was killed must not go on (a document it loops on would keep it
        // alive forever).
        if let parentPID { Posix.exitWhenOrphaned(parent: parentPID) }
        Self.answer(WorkerReady.line)
        while let line = readLine(strippingNewline: true) {
            guard let request = WorkRequest(line: line) else { continue }
            FaultInjection.apply(to: request.path)
            FaultInjection.noise(request.path)
            if let full = FaultInjection.fullDisk(request) {
                Self.answer(full.line)
                continue
            }
            let id = request.id
            OCRProgress.onStart { pages in Self.answer(WorkProgress(id: id, ocrPages: pages).line) }
            Self.answer(DocumentJob.run(request, tables: tables, ocr: ocr, provenance: provenance,
                                         temporaryDirectory: temporaryDirectory).line)
        }
    }

    static func answer(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}

/// Test hooks, active only when GOVREPORT_BATCH_FAULTS=1 is set: a file whose first bytes are
/// `GOVREPORT-FAULT:crash`, `…:hang`, `…:memory` or `…:exit` makes the worker die by a signal,
/// loop, allocate until its memory cap stops it, or exit, as a PDF that breaks Poppler would.
enum FaultInjection {
    static let enabled = ProcessInfo.processInfo.environment["GOVREPORT_BATCH_FAULTS"] == "1"

    static func apply(to path: String) {
        // Killed from outside once (as by the OOM killer): the marker beside the file says it was.
        if enabled, (path as NSString).lastPathComponent.hasPrefix("fault-killed-once") {
            let marker = path + ".killed"
            if !FileManager.default.fileExists(atPath: marker) {
                _ = FileManager.default.createFile(atPath: marker, contents: nil)
                Posix.killSelf()
            }
        }
        guard enabled, let handle = FileHandle(forReadingAtPath: path) else { return }
        let head = String(decoding: handle.readData(ofLength: 32), as: UTF8.self)
        try? handle.close()
        guard head.hasPrefix("GOVREPORT-FAULT:") else { return }
        let fault = head.dropFirst("GOVREPORT-FAULT:".count).prefix { $0.isLetter }
        switch fault {
        case "crash":
            // A real invalid access, as a Poppler bug would make (the Swift runtime's crash
            // handler sees it, then the process dies of SIGSEGV).
            Posix.crash()
        case "hang":
            while true { Posix.sleep(seconds: 60) }
        case "memory":
            while true {
                guard Posix.allocateAndTouch(64 << 20) else {
                    Stderr.line("govreport worker: failed to allocate 64 MiB")
                    Posix.abort()
                }
            }
        case "exit":
            Posix.exit(3)
        default:
            return
        }
    }

    /// `GOVREPORT-FAULT:noise`: prints to file descriptor 2 as a C library does (Poppler's
    /// `some font thing failed`), then the file is read as usual.
    static func noise(_ path: String) {
        guard enabled, let handle = FileHandle(forReadingAtPath: path) else { return }
        let head = String(decoding: handle.readData(ofLength: 32), as: UTF8.self)
        try? handle.close()
        guard head.hasPrefix("GOVREPORT-FAULT:noise") else { return }
        FileHandle.standardError.write(Data("some font thing failed\n".utf8))
    }

    /// With GOVREPORT_FULL_DISK=1 as well, every document's output fails to be written, as on
    /// a full disk.
    static func fullDisk(_ request: WorkRequest) -> WorkResult? {
        guard enabled, ProcessInfo.processInfo.environment["GOVREPORT_FULL_DISK"] == "1" else { return nil }
        return WorkResult(id: request.id, status: .failed, error: ResumePlan.outputError,
                          message: "cannot write \(request.output): No space left on device")
    }
}

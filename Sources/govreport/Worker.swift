import ArgumentParser
import Foundation
import GovReport
import GovReportBatch
#if canImport(Glibc)
import Glibc
#endif

extension GovReportCommand {
    /// What `govreport batch` runs in its subprocesses: reads `WorkRequest` lines on stdin,
    /// extracts each document, writes its JSON file and answers one `WorkResult` line on stdout.
    struct Worker: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "(internal) Extract the documents named on stdin for `govreport batch`.",
            shouldDisplay: false)

        @Option(help: "How PDF tables are read.") var tables: TableStrategy = .auto
        @Option(help: "Which pages are read by OCR.") var ocr: OCRMode = .never
        @Option(help: "Cap on this process's address space, in MiB (0: none).") var maxMemory = 0
        @Option(help: "Folder for temporary files (on the output's file system).") var temporaryDirectory: String
        @Option(help: "Exit when this process is no longer the parent.") var parentPid: Int32?
        @Flag(help: "Write the provenance object too.") var provenance = false
        @Option(help: "Seconds a LibreOffice conversion may take.") var convertTimeout: Double?

        func run() throws {
            // The batch ignores SIGPIPE and we inherit that; if it is gone, end quietly.
            signal(SIGPIPE, SIG_DFL)
            signal(SIGINT, SIG_DFL)
            signal(SIGTERM, SIG_DFL)
            if maxMemory > 0 {
                var limit = rlimit(rlim_cur: rlim_t(maxMemory) << 20, rlim_max: rlim_t(maxMemory) << 20)
                guard setrlimit(__rlimit_resource_t(RLIMIT_AS.rawValue), &limit) == 0 else {
                    Stderr.line("govreport worker: cannot set the memory cap: \(String(cString: strerror(errno)))")
                    throw ExitCode(8)
                }
            }
            if let convertTimeout { setenv("GOVREPORT_CONVERT_TIMEOUT", String(convertTimeout), 1) }
            if let parentPid { Self.exitWhenOrphaned(parent: parentPid) }
            let tmp = URL(fileURLWithPath: temporaryDirectory)
            Self.answer(WorkerReady.line)
            while let line = readLine(strippingNewline: true) {
                guard let request = WorkRequest(line: line) else { continue }
                FaultInjection.apply(to: request.path)
                FaultInjection.noise(request.path)
                if let full = FaultInjection.fullDisk(request) {
                    Self.answer(full.line)
                    continue
                }
                Self.answer(DocumentJob.run(request, tables: tables, ocr: ocr, provenance: provenance,
                                             temporaryDirectory: tmp).line)
            }
        }

        static func answer(_ line: String) {
            FileHandle.standardOutput.write(Data((line + "\n").utf8))
        }

        /// A worker whose batch was killed must not go on (a document it loops on would keep it
        /// alive forever): a watch thread ends it when it is handed to another parent.
        static func exitWhenOrphaned(parent: Int32) {
            let thread = Thread {
                while true {
                    if getppid() != parent { _exit(70) }
                    sleep(1)
                }
            }
            thread.start()
        }
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
                FileManager.default.createFile(atPath: marker, contents: nil)
                kill(getpid(), SIGKILL)
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
            UnsafeMutablePointer<Int>(bitPattern: 8)!.pointee = 1
        case "hang":
            while true { sleep(60) }
        case "memory":
            var blocks: [UnsafeMutableRawPointer] = []
            while true {
                guard let p = malloc(64 << 20) else {
                    Stderr.line("govreport worker: failed to allocate 64 MiB")
                    abort()
                }
                memset(p, 1, 64 << 20)
                blocks.append(p)
            }
        case "exit":
            exit(3)
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

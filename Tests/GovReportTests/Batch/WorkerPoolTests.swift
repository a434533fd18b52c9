import Foundation
import Testing
import GovReport
@testable import GovReportBatch

/// The worker pool's bookkeeping, without starting a worker.
@Suite struct WorkerPoolTests {
    static func job(_ path: String) -> WorkerPool.Job { .init(input: BatchInput(path: path), stat: nil) }

    @Test func jobsAreHandedOutInOrder() {
        var queue = WorkQueue([Self.job("a"), Self.job("b")])
        #expect(queue.hasWaiting)
        let taken = [queue.take(), queue.take()]
        #expect(taken == [Self.job("a"), Self.job("b")])
        #expect(!queue.hasWaiting)
        let none = queue.take()
        #expect(none == nil)
    }

    @Test func aDocumentKilledFromOutsideIsTriedOnceMoreBeforeTheRest() {
        var queue = WorkQueue([Self.job("a"), Self.job("b"), Self.job("c")])
        _ = queue.take()
        _ = queue.take()
        let queued = queue.retryOnce(Self.job("a"))
        #expect(queued)
        #expect(queue.wasRetried("a"))
        #expect(!queue.wasRetried("b"))
        let taken = [queue.take(), queue.take()]
        #expect(taken == [Self.job("a"), Self.job("c")])
        // Killed again: not a third time.
        let again = queue.retryOnce(Self.job("a"))
        #expect(!again)
        #expect(!queue.hasWaiting)
    }

    @Test func aWorkerThatRanOutOfMemoryIsAMemoryLimit() {
        let cause = DeathCause(stderr: "Poppler: warning\nfatal error: failed to allocate 64 MiB\n")
        #expect(cause.outOfMemory)
        #expect(cause.lastWords == "fatal error: failed to allocate 64 MiB")
        let failure = WorkerFailure(termination: .signal(6), cause: cause, maxMemoryMiB: 512, retried: false)
        #expect(failure.error == "memory_limit")
        #expect(failure.message == "ran out of memory (--max-memory 512 MiB): signal 6 (SIGABRT); "
                + "last said: fatal error: failed to allocate 64 MiB")
    }

    @Test func anyOtherEndIsACrashThatSaysWhetherItWasRetried() {
        let silent = DeathCause(stderr: "")
        #expect(!silent.outOfMemory && silent.lastWords == nil)
        let crash = WorkerFailure(termination: .signal(11), cause: silent, maxMemoryMiB: 0, retried: false)
        #expect(crash.error == "crash" && crash.message == "crash: signal 11 (SIGSEGV)")
        #expect(WorkerFailure(termination: .signal(9), cause: silent, maxMemoryMiB: 0, retried: true).message
            == "crash: signal 9 (SIGKILL) (again, after one retry)")
        #expect(WorkerFailure(termination: .exit(3), cause: silent, maxMemoryMiB: 0, retried: false).message
            == "crash: exit status 3")
    }

    @Test func aTimeoutSaysHowToTryAgain() {
        #expect(WorkerFailure.timeoutMessage(50).hasSuffix("and was stopped (a larger --timeout and --retry-failed try it again)"))
    }

    @Test func workerCommandLines() {
        var args = WorkerArguments(tables: .text, ocr: .auto, temporaryDirectory: "/out/tmp", parentPID: 42,
                                   maxMemoryMiB: 1024,
                                   convertTimeout: WorkerArguments.convertTimeout(forDocumentTimeout: 50))
        #expect(args.list == ["worker", "--tables", "text", "--ocr", "auto", "--temporary-directory", "/out/tmp",
                              "--parent-pid", "42", "--max-memory", "1024", "--convert-timeout", "40.0"])
        args.maxMemoryMiB = 0
        args.convertTimeout = nil
        args.provenance = true
        #expect(args.list == ["worker", "--tables", "text", "--ocr", "auto", "--temporary-directory", "/out/tmp",
                              "--parent-pid", "42", "--provenance"])
        // A conversion gets at least a second.
        #expect(WorkerArguments.convertTimeout(forDocumentTimeout: 0.5) == 1)
    }

    @Test func workersRunWithoutCrashBacktracesUnlessAsked() {
        #expect(WorkerProcess.workerEnvironment(["PATH": "/bin"]) == ["PATH=/bin", "SWIFT_BACKTRACE=enable=no"])
        #expect(WorkerProcess.workerEnvironment(["SWIFT_BACKTRACE": "enable=yes"]) == ["SWIFT_BACKTRACE=enable=yes"])
    }

    @Test func resultsAreCutIntoLinesAcrossReads() {
        var buffer = LineBuffer()
        let first = buffer.append(Array(#"{"id":1}"#.utf8) + [0x0A] + Array(#"{"id""#.utf8))
        #expect(first == [#"{"id":1}"#])
        let second = buffer.append(Array(":2}\n\n".utf8))
        #expect(second == [#"{"id":2}"#, ""])
        let none = buffer.append([])
        #expect(none == [])
    }

    @Test func stderrKeepsItsTail() {
        var tail = TailBuffer(keep: 4)
        tail.append(Array("abc".utf8))
        tail.append(Array("def".utf8))
        #expect(tail.text == "cdef")
        tail.clear()
        #expect(tail.text == "")
    }

    @Test func terminationsInWords() {
        #expect(Termination.signal(11).description == "signal 11 (SIGSEGV)")
        #expect(Termination.signal(64).description == "signal 64")
        #expect(Termination.exit(0).description == "exit status 0")
        #expect(Termination.signal(9).killed && !Termination.exit(9).killed)
    }
}

import CFuzzerDriver
import Foundation

// budget-etl-fuzz: libFuzzer feeding arbitrary bytes to every stage in memory (`StagesInMemory`).
// Built and run by `make fuzz` only (see the Makefile and docs/bad-inputs.md, "Fuzzing").
//
// Why a main that calls LLVMFuzzerRunDriver rather than the usual bare LLVMFuzzerTestOneInput:
// SwiftPM links an executable target with `--defsym main=<module>_main`, which replaces
// libFuzzer's own main, so this main has to start libFuzzer's loop itself. libFuzzer's flags
// (-max_len, -timeout, -dict, corpus folders) pass through unchanged.
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(
    LLVMFuzzerRunDriver(&argc, &argv) { bytes, count in
        StagesInMemory.run(Data(UnsafeBufferPointer(start: bytes, count: count)))
        return 0
    })

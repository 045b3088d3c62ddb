import CLibFuzzer
#if canImport(Glibc)
import Glibc
#endif

/// One fuzzer run: a test function taking each input's bytes (as libFuzzer's
/// `LLVMFuzzerTestOneInput` does), driven by libFuzzer with the program's arguments.
public func runLibFuzzer(_ test: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv, test))
}

import FuzzSupport

runLibFuzzer(fuzzPackageMetadata)

import FuzzSupport

runLibFuzzer(fuzzCycloneDX)

import FuzzSupport

runLibFuzzer(fuzzImage)

import FuzzSupport

runLibFuzzer(fuzzDockerfile)

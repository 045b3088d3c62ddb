import FuzzSupport

runLibFuzzer(fuzzDockerignore)

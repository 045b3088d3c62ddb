/// The Swift checks a rule's `check:` can name. CatalogTests make sure every rule names one
/// of these and every one of these is used by a rule.
public enum CheckRegistry {
    public static let dockerfile: [String: any DockerfileCheck] = [
        "root-user": RootUserCheck(),
        "sudo": SudoCheck(),
        "build-tools": BuildToolsCheck(),
        "sdk-runtime-image": SDKRuntimeImageCheck(),
        "secret-build-arg": SecretBuildArgCheck(),
        "secret-env": SecretEnvCheck(),
        "secret-in-instruction": InstructionSecretCheck(),
        "secret-file-copy": SecretFileCopyCheck(),
        "dockerignore-missing": DockerignoreMissingCheck(),
        "healthcheck-missing": HealthcheckMissingCheck(),
        "unpinned-image": UnpinnedImageCheck(),
        "add-local-file": AddLocalFileCheck(),
        "add-url-checksum": AddURLChecksumCheck(),
        "curl-pipe-shell": CurlPipeShellCheck(),
        "apt-no-install-recommends": AptNoInstallRecommendsCheck(),
        "apt-lists": AptListsCheck(),
        "apk-no-cache": ApkNoCacheCheck(),
        "pip-no-cache": PipNoCacheCheck(),
        "apt-upgrade": AptUpgradeCheck(),
        "multiple-command": MultipleCommandCheck(),
        "relative-workdir": RelativeWorkdirCheck(),
        "shell-form-command": ShellFormCommandCheck(),
        "invalid-expose": InvalidExposeCheck(),
        "maintainer": MaintainerCheck(),
        "unknown-instruction": UnknownInstructionCheck(),
        "stage-reference": StageReferenceCheck(),
        "copy-destination": CopyDestinationCheck(),
        "pipefail": PipefailCheck(),
        "rpm-cache": RPMCacheCheck(),
        "package-pin": PackagePinCheck(),
        "numeric-user": NumericUserCheck(),
    ]

    public static let image: [String: any ImageCheck] = [
        "image-root-user": ImageRootUserCheck(),
        "image-user-missing": ImageUserMissingCheck(),
        "image-build-tools": ImageBuildToolsCheck(),
        "setuid-file": SetuidFileCheck(),
        "world-writable": WorldWritableCheck(),
        "package-cache": PackageCacheCheck(),
        "image-secret-env": ImageSecretEnvCheck(),
        "history-secret": HistorySecretCheck(),
        "secret-in-layer": LayerSecretCheck(),
        "image-healthcheck-missing": ImageHealthcheckCheck(),
        "layer-integrity": LayerIntegrityCheck(),
        "image-secret-file": ImageSecretFileCheck(),
        "size-budget": SizeBudgetCheck(),
        "unsafe-entry": UnsafeEntryCheck(),
        "audit-limit": AuditLimitCheck(),
        "empty-password": EmptyPasswordCheck(),
        "extra-root-account": ExtraRootAccountCheck(),
    ]

    /// Checks over a build context with the Dockerfile that uses it.
    public static let context: [String: any ContextCheck] = [
        "sensitive-context-file": SensitiveContextFileCheck(),
        "dockerignore-entries": DockerignoreEntriesCheck(),
        "copy-source-ignored": IgnoredCopySourceCheck(),
        "dockerignore-syntax": IgnoreSyntaxCheck(),
    ]

    /// Checks over plain files (a directory tree, a build context), run by `FileSecretAudit`.
    public static let files: Set<String> = ["secret-in-file"]

    public static func isRegistered(_ rule: Rule) -> Bool {
        if rule.appliesTo.contains(.image) { return image[rule.check] != nil }
        return dockerfile[rule.check] != nil || files.contains(rule.check) || context[rule.check] != nil
    }
}

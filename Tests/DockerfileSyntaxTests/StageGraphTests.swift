import Testing
@testable import DockerfileSyntax

@Suite struct StageGraphTests {
    @Test func globalArgsExpandInFrom() throws {
        let file = try parsed("""
        ARG NODE_VERSION=22
        ARG BASE=node:${NODE_VERSION}-alpine
        FROM node:${NODE_VERSION}-alpine AS deps
        FROM $BASE as Build
        FROM ${MISSING:-debian}:bookworm

        """)
        #expect(file.globalArguments.count == 2)
        #expect(file.globalArguments[1].expandedArguments == "BASE=node:22-alpine")
        #expect(file.stages.map(\.baseImage) == ["node:22-alpine", "node:22-alpine", "debian:bookworm"])
        #expect(file.stages.map(\.name) == ["deps", "build", nil])
        #expect(file.stages.map(\.index) == [0, 1, 2])
        #expect(file.stages[1].from.expandedArguments == "node:22-alpine as Build")
        #expect(file.instructions.count == 5)
    }

    @Test func globalArgsAreNotVisibleInsideAStageUntilReimported() throws {
        let file = try parsed("""
        ARG VERSION=1.2
        FROM alpine
        RUN echo $VERSION
        WORKDIR /v$VERSION
        ARG VERSION
        WORKDIR /v$VERSION
        ARG OTHER
        WORKDIR /o$OTHER

        """)
        let stage = file.stages[0]
        #expect(stage.instructions[1].expandedArguments == "/v")
        #expect(stage.instructions[3].expandedArguments == "/v1.2")
        #expect(stage.instructions[5].expandedArguments == "/o")
        #expect(stage.instructions[0].expandedArguments == "echo $VERSION")
    }

    @Test func stageArgDefaultWins() throws {
        let file = try parsed("ARG V=global\nFROM alpine\nARG V=local\nWORKDIR /$V\n")
        #expect(file.stages[0].instructions[1].expandedArguments == "/local")
    }

    @Test func fromUsesOnlyGlobalArgs() throws {
        let file = try parsed("FROM alpine\nARG IMG=busybox\nENV IMG2=busybox\nFROM ${IMG:-scratch}\nFROM x$IMG2\n")
        #expect(file.stages[1].baseImage == "scratch")
        #expect(file.stages[2].baseImage == "x")
    }

    @Test func argsDoNotLeakBetweenStages() throws {
        let file = try parsed("FROM alpine AS a\nARG X=1\nWORKDIR /$X\nFROM alpine AS b\nWORKDIR /$X\n")
        #expect(file.stages[0].instructions[1].expandedArguments == "/1")
        #expect(file.stages[1].instructions[0].expandedArguments == "/")
    }

    @Test func stageFromEarlierStageInheritsEnvNotArgs() throws {
        let file = try parsed("""
        FROM golang:1.22 AS Builder
        ENV GOPATH=/go
        ARG TOKEN=secret
        FROM builder AS test
        WORKDIR $GOPATH/src
        WORKDIR /$TOKEN
        FROM BUILDER
        ENV GOPATH=/other
        FROM test
        WORKDIR $GOPATH

        """)
        #expect(file.stages.map(\.parentStage) == [nil, 0, 0, 1])
        #expect(file.stages[1].instructions[0].expandedArguments == "/go/src")
        #expect(file.stages[1].instructions[1].expandedArguments == "/")
        #expect(file.stages[3].instructions[0].expandedArguments == "/go")
        #expect(file.ancestry(of: 3).map(\.index) == [3, 1, 0])
    }

    @Test func externalImageWithAStageLikeNameLaterIsNotAParent() throws {
        let file = try parsed("FROM app\nFROM alpine AS app\n")
        #expect(file.stages[0].parentStage == nil)
        #expect(file.stages[1].parentStage == nil)
    }

    /// `FROM runtime-$TARGETARCH` follows the stage a linux/amd64 build picks (else arm64),
    /// and an image named with a platform variable stays an image.
    @Test func platformNamedStageIsAParent() throws {
        let file = try parsed("""
        FROM ubuntu:24.04 AS runtime-amd64
        ENV FROM_AMD64=1
        FROM ubuntu:24.04 AS runtime-arm64
        FROM runtime-$TARGETARCH AS runner
        FROM build-${TARGETOS}-${TARGETARCH}
        FROM alpine:3.20 AS only-arm64
        FROM only-$BUILDARCH
        FROM example/tool:1-$TARGETARCH

        """)
        #expect(file.stages[2].baseImage == "runtime-$TARGETARCH")
        #expect(file.stages[2].parentStage == 0)
        #expect(file.stages[3].parentStage == nil)
        #expect(file.stages[5].parentStage == 4)
        #expect(file.stages[6].parentStage == nil)
        #expect(file.ancestry(of: 2).map(\.index) == [2, 0])
        #expect(file.stages[2].from.expandedArguments.hasPrefix("runtime-$TARGETARCH"))
    }

    @Test func unnamedStagesAndShippedStage() throws {
        let file = try parsed("FROM golang AS build\nRUN go build\nFROM alpine\nCOPY --from=build /app /app\nFROM scratch AS Final\nCOPY --from=0 /x /x\n")
        #expect(file.stages.count == 3)
        #expect(file.stages[1].name == nil)
        #expect(file.shippedStage()?.index == 2)
        #expect(file.shippedStage(target: "BUILD")?.index == 0)
        #expect(file.shippedStage(target: "final")?.index == 2)
        #expect(file.shippedStage(target: "nope") == nil)
        let copy = file.stages[1].instructions[0]
        #expect(file.stageIndex(referencedBy: try #require(copy.flag("from")), before: 1) == 0)
        #expect(file.stageIndex(referencedBy: "0", before: 2) == 0)
        #expect(file.stageIndex(referencedBy: "nginx:latest", before: 2) == nil)
    }

    @Test func copyFromIsExpandedWithStageScope() throws {
        let file = try parsed("FROM golang AS build\nFROM alpine\nARG SRC=build\nCOPY --from=$SRC /a /a\n")
        #expect(file.stages[1].instructions[1].flag("from") == "build")
    }

    @Test func stageInstructionsPartitionTheFile() throws {
        let file = try parsed("ARG A=1\nFROM alpine\nRUN a\n# note\nFROM debian\nRUN b\nCMD c\n")
        #expect(file.globalArguments.count == 1)
        #expect(file.stages[0].instructions.map(\.arguments) == ["a"])
        #expect(file.stages[1].instructions.map(\.arguments) == ["b", "c"])
        #expect(file.instructions.count == 6)
        #expect(file.stages[1].from.lines == LineRange(start: 5, end: 5))
    }

    @Test func platformArgsStayAsWritten() throws {
        let file = try parsed("""
        FROM --platform=$BUILDPLATFORM golang AS build
        ARG TARGETARCH
        COPY bin/$TARGETARCH/app /app
        FROM --platform=${TARGETPLATFORM} alpine

        """)
        #expect(file.stages[0].platform == "$BUILDPLATFORM")
        #expect(file.stages[0].instructions[1].expandedArguments == "bin/$TARGETARCH/app /app")
        #expect(file.stages[1].platform == "${TARGETPLATFORM}")
    }

    @Test func platformArgUndeclaredInStageIsEmpty() throws {
        let file = try parsed("FROM alpine\nCOPY bin/$TARGETARCH/app /app\n")
        #expect(file.stages[0].instructions[0].expandedArguments == "bin//app /app")
    }

    @Test func digestReference() throws {
        let file = try parsed("FROM alpine@sha256:abcdef AS x\n")
        #expect(file.stages[0].baseImage == "alpine@sha256:abcdef")
    }
}

// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "StakeNet",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "StakeNet", targets: ["NetworkModel", "NetworkIO", "NetworkMetrics", "NetworkDiffusion", "NetworkTime", "NetworkPerception", "SectorComparison", "GraphvizRendering", "NetworkReport"]),
        .executable(name: "stakenet", targets: ["stakenet"]),
        .executable(name: "stakenet-render", targets: ["stakenet-render"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3" ..< "4.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
    ],
    targets: [
        .target(name: "NetworkModel"),
        .target(
            name: "NetworkIO",
            dependencies: ["NetworkModel", "CLibXML2", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            // The readers' per-cell and per-element loops paid about 10% of their time for dynamic exclusivity
            // checks (GraphML at 10^6 ties: 8.7 s to 7.8 s without). The debug build, which the tests and the
            // sanitizers run, keeps every check.
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]
        ),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]),
        .target(name: "NetworkMetrics", dependencies: ["NetworkModel"]),
        .target(name: "NetworkDiffusion", dependencies: ["NetworkModel"]),
        .target(name: "NetworkTime", dependencies: ["NetworkModel", "NetworkDiffusion"]),
        .target(name: "NetworkPerception", dependencies: ["NetworkModel"]),
        .target(name: "SectorComparison", dependencies: ["NetworkModel", "NetworkMetrics"]),
        .systemLibrary(name: "CGraphviz", pkgConfig: "libgvc", providers: [.apt(["libgraphviz-dev"]), .brew(["graphviz"])]),
        .target(name: "GraphvizRendering", dependencies: ["CGraphviz", "NetworkModel", "NetworkIO"]),
        .target(
            name: "NetworkReport",
            dependencies: [
                "NetworkModel", "NetworkIO", "NetworkMetrics", "NetworkDiffusion", "NetworkTime", "NetworkPerception", "SectorComparison", "GraphvizRendering",
                .product(name: "Mustache", package: "swift-mustache"), .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .executableTarget(
            name: "stakenet",
            dependencies: [
                "NetworkModel", "NetworkIO", "NetworkMetrics", "NetworkDiffusion", "NetworkTime", "NetworkPerception", "SectorComparison", "GraphvizRendering", "NetworkReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "stakenet-render", dependencies: ["GraphvizRendering"]),
        .executableTarget(name: "stakenet-bench", dependencies: ["NetworkModel", "NetworkIO", "NetworkMetrics", "NetworkDiffusion", "NetworkTime", "SectorComparison"]),
        .executableTarget(name: "stakenet-fuzz", dependencies: ["NetworkModel", "NetworkIO", "GraphvizRendering"]),
        .target(name: "TestSupport", dependencies: ["NetworkModel"], path: "Tests/TestSupport"),
        .testTarget(name: "NetworkModelTests", dependencies: ["NetworkModel", "TestSupport"]),
        .testTarget(name: "NetworkIOTests", dependencies: ["NetworkIO", "TestSupport"]),
        .testTarget(name: "NetworkMetricsTests", dependencies: ["NetworkMetrics", "NetworkIO", "NetworkPerception", "TestSupport"]),
        .testTarget(name: "NetworkDiffusionTests", dependencies: ["NetworkDiffusion", "TestSupport"]),
        .testTarget(name: "NetworkTimeTests", dependencies: ["NetworkTime", "NetworkDiffusion", "NetworkMetrics", "NetworkIO", "TestSupport"]),
        .testTarget(name: "NetworkPerceptionTests", dependencies: ["NetworkPerception", "NetworkIO", "TestSupport"]),
        .testTarget(name: "SectorComparisonTests", dependencies: ["SectorComparison", "NetworkDiffusion", "NetworkIO", "TestSupport"]),
        .testTarget(name: "NetworkReportTests", dependencies: ["NetworkReport", "NetworkIO", "NetworkPerception", "TestSupport"]),
        .testTarget(name: "GraphvizRenderingTests", dependencies: ["GraphvizRendering", "NetworkIO", "TestSupport"]),
        .testTarget(name: "StakenetTests", dependencies: ["stakenet", "TestSupport", "NetworkModel", "NetworkIO", "NetworkMetrics", "NetworkDiffusion"]),
    ]
)

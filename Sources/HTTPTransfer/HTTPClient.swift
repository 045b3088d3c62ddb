import CCurl
import Foundation

/// An HTTP answer: status, headers (as received, in order) and body.
public struct HTTPResponse: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    /// The last value of a header, names compared without case.
    public func header(_ name: String) -> String? {
        headers.last { $0.name.lowercased() == name.lowercased() }?.value
    }
}

/// Why a request got no answer (refused, timed out, TLS failed).
public struct HTTPError: Error, Sendable, CustomStringConvertible {
    public var description: String
}

/// HTTP(S) requests with libcurl, one easy handle per request; redirects are not followed
/// and nothing but http and https is spoken. No C pointer leaves this type.
public struct HTTPClient: Sendable {
    /// Seconds allowed for each request, connection included.
    public var timeout: Double

    public init(timeout: Double) {
        self.timeout = timeout
        Self.initialize
    }

    private static let initialize: Void = { curl_global_init(Int(CURL_GLOBAL_DEFAULT)) }()

    /// What the callbacks fill, reached through the context pointer.
    private final class Received {
        var body: [UInt8] = []
        var headers: [(name: String, value: String)] = []
    }

    public func send(_ method: String, _ url: String, headers: [String: String] = [:], body: [UInt8]? = nil) throws(HTTPError) -> HTTPResponse {
        guard let handle = curl_easy_init() else { throw HTTPError(description: "libcurl: out of memory") }
        defer { curl_easy_cleanup(handle) }
        let received = Received()
        let context = Unmanaged.passRetained(received)
        defer { context.release() }
        var list: UnsafeMutablePointer<curl_slist>?
        defer { curl_slist_free_all(list) }
        // A 100-continue round trip would only slow every upload down.
        for line in headers.sorted(by: { $0.key < $1.key }).map({ "\($0.key): \($0.value)" }) + ["Expect:"] {
            list = curl_slist_append(list, line)
        }
        _ = ta_curl_set_string(handle, CURLOPT_URL, url)
        _ = ta_curl_set_string(handle, CURLOPT_PROTOCOLS_STR, "http,https")
        _ = ta_curl_set_long(handle, CURLOPT_NOSIGNAL, 1)
        _ = ta_curl_set_long(handle, CURLOPT_TIMEOUT_MS, Int(timeout * 1000))
        _ = ta_curl_set_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Int(min(timeout, 10) * 1000))
        _ = ta_curl_set_headers(handle, list)
        switch method {
        case "GET": break
        case "HEAD": _ = ta_curl_set_long(handle, CURLOPT_NOBODY, 1)
        default: _ = ta_curl_set_string(handle, CURLOPT_CUSTOMREQUEST, method)
        }
        if let body {
            _ = body.withUnsafeBufferPointer { bytes in
                bytes.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(bytes.count, 1)) { ta_curl_set_body(handle, $0, curl_off_t(bytes.count)) }
            }
        } else if method == "PUT" || method == "POST" || method == "PATCH" {
            _ = ta_curl_set_body(handle, "", 0)
        }
        _ = ta_curl_set_receivers(handle, { data, size, count, context in
            let received = Unmanaged<Received>.fromOpaque(context!).takeUnretainedValue()
            received.body.append(contentsOf: UnsafeRawBufferPointer(start: data, count: size * count))
            return size * count
        }, { data, size, count, context in
            let received = Unmanaged<Received>.fromOpaque(context!).takeUnretainedValue()
            let line = String(decoding: UnsafeRawBufferPointer(start: data, count: size * count), as: UTF8.self)
            if line.hasPrefix("HTTP/") { received.headers = [] }  // a new response (after a 100 or a redirect)
            if let colon = line.firstIndex(of: ":") {
                let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
                received.headers.append((String(line[..<colon]), value))
            }
            return size * count
        }, context.toOpaque())
        let status = curl_easy_perform(handle)
        guard status == CURLE_OK else {
            throw HTTPError(description: String(cString: curl_easy_strerror(status)))
        }
        return HTTPResponse(status: ta_curl_status(handle), headers: received.headers, body: received.body)
    }
}

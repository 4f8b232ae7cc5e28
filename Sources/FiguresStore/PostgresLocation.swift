import Foundation

/// A PostgreSQL connection URL, as libpq reads it (the parts figures uses):
///
///     postgresql://[user[:password]@][host][:port][/database][?param=value&…]
///     postgres://…
///
/// Parameters: `host` (a folder holding the server's unix socket when it starts with `/`; also written
/// percent-encoded in place of the host, `postgresql://%2Frun%2Fpostgresql/db`), `port`, `user`,
/// `password`, `dbname`, `sslmode` (`disable`, `prefer`, `require`, `verify-full`; default `prefer`),
/// `connect_timeout` (seconds, default 10), `application_name` (ignored) and `schema`, figures' own: the
/// tables are in that schema (created when missing by a writer) instead of the user's default (`public`).
/// Missing parts come from PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE, else libpq's defaults
/// (localhost, 5432, the login name, the user's name as database).
struct PostgresLocation: Sendable, Equatable {
    enum SSLMode: String, Sendable { case disable, allow, prefer, require, verifyCA = "verify-ca", verifyFull = "verify-full" }

    var host: String
    /// The unix socket file, when `host` is a folder.
    var socketPath: String?
    var port: Int
    var user: String
    var password: String?
    var database: String
    var schema: String?
    var sslMode: SSLMode
    var connectTimeout: Int

    static func isURL(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.hasPrefix("postgresql://") || lower.hasPrefix("postgres://")
    }

    struct Invalid: Error, CustomStringConvertible {
        var description: String
    }

    init(url: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard Self.isURL(url) else { throw Invalid(description: "not a postgresql:// URL") }
        var rest = Substring(url[url.range(of: "://")!.upperBound...])
        var query = Substring("")
        if let q = rest.firstIndex(of: "?") { query = rest[rest.index(after: q)...]; rest = rest[..<q] }
        if let f = query.firstIndex(of: "#") { query = query[..<f] }
        var path = Substring("")
        if let slash = rest.firstIndex(of: "/") { path = rest[rest.index(after: slash)...]; rest = rest[..<slash] }
        var user: String?, password: String?, host: String?, port: String?
        if let at = rest.lastIndex(of: "@") {
            let info = rest[..<at]
            rest = rest[rest.index(after: at)...]
            if let colon = info.firstIndex(of: ":") {
                user = try Self.decoded(info[..<colon])
                password = try Self.decoded(info[info.index(after: colon)...])
            } else {
                user = try Self.decoded(info)
            }
        }
        if rest.hasPrefix("[") {   // [IPv6]:port
            guard let close = rest.firstIndex(of: "]") else { throw Invalid(description: "unclosed [ in the host") }
            host = String(rest[rest.index(after: rest.startIndex)..<close])
            let after = rest[rest.index(after: close)...]
            if after.hasPrefix(":") { port = String(after.dropFirst()) } else if !after.isEmpty { throw Invalid(description: "unexpected \(after) after the host") }
        } else if let colon = rest.lastIndex(of: ":") {
            host = try Self.decoded(rest[..<colon])
            port = String(rest[rest.index(after: colon)...])
        } else if !rest.isEmpty {
            host = try Self.decoded(rest)
        }
        if host?.isEmpty == true { host = nil }
        if port?.isEmpty == true { port = nil }
        var database = path.isEmpty ? nil : try Self.decoded(path)
        var schema: String?, sslMode: String?, timeout: String?
        for pair in query.split(separator: "&") where !pair.isEmpty {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = try Self.decoded(parts[0]), value = parts.count > 1 ? try Self.decoded(parts[1]) : ""
            switch key {
            case "host": host = value
            case "port": port = value
            case "user": user = value
            case "password": password = value
            case "dbname": database = value
            case "schema", "currentSchema": schema = value
            case "sslmode": sslMode = value
            case "connect_timeout": timeout = value
            case "application_name": break
            default: throw Invalid(description: "unknown parameter '\(key)' (known: host, port, user, password, dbname, schema, sslmode, connect_timeout)")
            }
        }
        let env = { (name: String) -> String? in environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        let portText = port ?? env("PGPORT") ?? "5432"
        guard let portNumber = Int(portText), (1...65535).contains(portNumber) else { throw Invalid(description: "'\(portText)' is not a port number") }
        self.port = portNumber
        self.host = host ?? env("PGHOST") ?? "localhost"
        self.socketPath = self.host.hasPrefix("/") ? (self.host as NSString).appendingPathComponent(".s.PGSQL.\(portNumber)") : nil
        self.user = user ?? env("PGUSER") ?? ProcessInfo.processInfo.userName
        self.password = password ?? env("PGPASSWORD")
        self.database = database ?? env("PGDATABASE") ?? self.user
        if let schema, schema.isEmpty { throw Invalid(description: "empty schema name") }
        self.schema = schema
        let mode = sslMode ?? env("PGSSLMODE") ?? "prefer"
        guard let parsedMode = SSLMode(rawValue: mode) else { throw Invalid(description: "sslmode '\(mode)' (use disable, prefer, require or verify-full)") }
        self.sslMode = parsedMode
        let timeoutText = timeout ?? env("PGCONNECT_TIMEOUT") ?? "10"
        guard let seconds = Int(timeoutText), seconds >= 0 else { throw Invalid(description: "connect_timeout '\(timeoutText)' is not a number of seconds") }
        self.connectTimeout = seconds == 0 ? 10 : max(seconds, 1)
    }

    static func decoded(_ part: Substring) throws -> String {
        guard let text = String(part).removingPercentEncoding else { throw Invalid(description: "bad percent-encoding in '\(part)'") }
        return text
    }

    /// The URL without its password, for messages.
    var display: String {
        func encoded(_ s: String) -> String {
            s.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? s
        }
        var params: [String] = []
        let hostPart: String
        if socketPath != nil { hostPart = ""; params.append("host=\(host)") }
        else { hostPart = (host.contains(":") ? "[\(host)]" : host) + ":\(port)" }
        if socketPath != nil && port != 5432 { params.append("port=\(port)") }
        if let schema { params.append("schema=\(encoded(schema))") }
        return "postgresql://\(encoded(user))@\(hostPart)/\(encoded(database))" + (params.isEmpty ? "" : "?" + params.joined(separator: "&"))
    }

    /// Where the server is, for the message of a failed connection.
    var serverDescription: String {
        socketPath.map { "the socket \($0)" } ?? "\(host.contains(":") ? "[\(host)]" : host):\(port)"
    }
}

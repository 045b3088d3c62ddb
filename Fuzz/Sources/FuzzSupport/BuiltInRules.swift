import TodoAuditKit

/// The catalog every target audits with: the one the binary ships.
public let builtInCatalog: RuleCatalog = {
    switch RuleCatalog.builtIn {
    case .success(let catalog): return catalog
    case .failure(let error): fatalError("built-in rules do not load: \(error)")
    }
}()

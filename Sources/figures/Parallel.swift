import Foundation

/// Maps `items` on all cores, keeping order. Extraction is pure, so pages are independent.
func parallelMap<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
    guard items.count > 1 else { return items.map(transform) }
    let results = UnsafeMutableBufferPointer<R?>.allocate(capacity: items.count)
    results.initialize(repeating: nil)
    // the results are copied out below; the buffer's own copies must be released before it is freed, or
    // every result (a page's extraction, its JSON lines) stays allocated: memory grew with the input
    defer {
        _ = results.deinitialize()
        results.deallocate()
    }
    nonisolated(unsafe) let slots = results
    DispatchQueue.concurrentPerform(iterations: items.count) { i in
        slots[i] = transform(items[i])   // each index is written by one iteration only
    }
    return results.map { $0! }
}

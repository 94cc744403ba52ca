import Synchronization

/// The key ring in force, replaced when the keys file is read again (at a reload).
public final class KeyStore: Sendable {
  private let current: Mutex<KeyRing?>

  /// `ring` nil means the server is open: every request passes without a key.
  public init(_ ring: KeyRing?) {
    current = Mutex(ring)
  }

  public var ring: KeyRing? { current.withLock { $0 } }

  func replace(with ring: KeyRing) { current.withLock { $0 = ring } }
}

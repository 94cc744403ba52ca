import CredenceRecords

/// `--shard K/N` chosen in the database: each learner row carries the FNV-1a 64 hash of its
/// id (``LearnerShard/hash(_:)``), so a shard's reader asks for its own learners and their
/// rows, and the server skips the others before they cross the wire.
///
/// The hash is a stored generated column, computed by PostgreSQL itself whenever a row is
/// written (by Credence or any other tool), from an immutable PL/pgSQL function: computing
/// it while reading costs about 10 µs of server CPU per learner, per shard, every run;
/// stored, it is computed once per write. The column holds the 64 bits as a signed
/// `bigint` (PostgreSQL has no unsigned type), and the shard is that value read unsigned,
/// mod N (``condition(_:column:)``).
enum PostgresShardHash {
  /// The column of `learners` holding the hash.
  static let column = "shard_hash"

  /// FNV-1a 64 of the id's UTF-8 bytes in 32-bit halves (a `bigint` product would
  /// overflow): with the prime 2^40 + 0x1b3, `h * prime mod 2^64` is
  /// `lo * 0x1b3 + (hi * 0x1b3 + lo << 8) << 32` with the carry of the low half.
  static let function = """
    CREATE FUNCTION credence_fnv1a64(id text) RETURNS bigint
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $fnv$
    DECLARE
      bytes bytea := convert_to(id, 'UTF8');
      hi bigint := 3421674724;  -- the offset basis 0xcbf29ce484222325, high half
      lo bigint := 2216829733;  -- and low half
      low_product bigint;
    BEGIN
      FOR i IN 0 .. length(bytes) - 1 LOOP
        lo := lo # get_byte(bytes, i);
        low_product := lo * 435;  -- 0x1b3
        hi := (hi * 435 + (lo << 8) + (low_product >> 32)) & 4294967295;
        lo := low_product & 4294967295;
      END LOOP;
      RETURN (hi << 32) | lo;
    END
    $fnv$
    """

  static let statements = [
    function,
    "ALTER TABLE learners ADD COLUMN \(column) bigint "
      + "GENERATED ALWAYS AS (credence_fnv1a64(id)) STORED",
  ]

  /// SQL true for the `learners` rows of `shard`: the hash read as an unsigned number,
  /// mod N. Only numbers go into the SQL.
  static func condition(_ shard: LearnerShard) -> String {
    "mod(\(column)::numeric + CASE WHEN \(column) < 0 THEN 18446744073709551616 ELSE 0 END, "
      + "\(shard.count)) = \(shard.index)"
  }
}
